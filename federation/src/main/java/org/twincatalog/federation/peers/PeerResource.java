package org.twincatalog.federation.peers;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.twincatalog.api.v1.PeersApi;
import org.twincatalog.api.v1.model.PeerList;
import org.twincatalog.api.v1.model.PeerStatus;
import org.twincatalog.api.v1.model.PeerTier;
import org.twincatalog.catalog.NotFound;
import org.twincatalog.catalog.record.Violations;
import org.twincatalog.catalog.web.Responses;
import org.twincatalog.federation.broker.CircuitBreakers;
import org.twincatalog.federation.directory.FederationAdmin;
import org.twincatalog.federation.directory.NodeDirectory;
import org.twincatalog.federation.directory.Peer;
import org.twincatalog.federation.directory.PeerHealth;
import org.twincatalog.federation.directory.RealmNodeClients;
import org.twincatalog.federation.harvest.HarvestStatuses;

/** {@code /api/v1/federation/peers}: the node directory with each peer's health and harvest status. */
@jakarta.ws.rs.Path("")
public class PeerResource implements PeersApi {
    private final NodeDirectory directory;
    private final PeerHealth health;
    private final CircuitBreakers breakers;
    private final HarvestStatuses harvests;
    private final FederationAdmin admin;
    private final RealmNodeClients nodeClients;

    public PeerResource(
            NodeDirectory directory,
            PeerHealth health,
            CircuitBreakers breakers,
            HarvestStatuses harvests,
            FederationAdmin admin,
            RealmNodeClients nodeClients) {
        this.directory = directory;
        this.health = health;
        this.breakers = breakers;
        this.harvests = harvests;
        this.admin = admin;
        this.nodeClients = nodeClients;
    }

    @Override
    public Response listPeers() {
        boolean operator = admin.callerIsAdmin();
        return Response.ok(new PeerList()
                        .items(directory.peers().stream()
                                .map(p -> toModel(p, operator))
                                .toList()))
                .build();
    }

    @Override
    public Response getPeer(String peerId) {
        return Response.ok(toModel(find(peerId), admin.callerIsAdmin())).build();
    }

    @Override
    public Response registerPeer(String peerId, org.twincatalog.api.v1.model.Peer body) {
        admin.require("register peers");
        org.twincatalog.api.v1.model.Peer model = Responses.requireBody(body);
        Violations v = new Violations();
        v.id("/id", peerId);
        if (model.getId() != null && !model.getId().equals(peerId)) {
            v.add("/id", "the body's id '" + model.getId() + "' differs from the URL's '" + peerId + "'");
        }
        v.required("/tier", model.getTier());
        v.required("/baseUrl", model.getBaseUrl());
        if (model.getBaseUrl() != null) {
            URI url = model.getBaseUrl();
            if (!url.isAbsolute() || !List.of("http", "https").contains(url.getScheme())) {
                v.add("/baseUrl", "must be an absolute http(s) URL");
            }
        }
        v.throwIfAny("peer");
        verifyIdentity(model.getClientId(), model.getBaseUrl().toString());
        Peer stored = directory.register(new Peer(
                peerId,
                model.getName(),
                model.getTier().toString(),
                model.getBaseUrl().toString(),
                model.getAdminAreas(),
                model.getClientId(),
                model.getHarvest() == null || model.getHarvest(),
                Peer.FROM_API));
        return Response.ok(toModel(stored, true)).build();
    }

    /**
     * A peer's client id is the audience of the tokens this node sends it, so it must be the client
     * of the node at that address: the identity provider's record for the client must name the
     * registered base URL. Without a client id the peer is called anonymously.
     */
    private void verifyIdentity(String clientId, String baseUrl) {
        if (clientId == null) {
            return;
        }
        Violations v = new Violations();
        if (!nodeClients.available()) {
            v.add(
                    "/clientId",
                    "cannot be verified: this node has no federation client (tc.federation.client-id) to ask"
                            + " the identity provider; register the peer without a client id, or configure one");
        } else {
            Optional<String> recorded = nodeClients.baseUrlOf(clientId);
            if (recorded.isEmpty()) {
                v.add("/clientId", "the identity provider records no node base URL for client '" + clientId + "'");
            } else if (!RealmNodeClients.sameBase(recorded.get(), baseUrl)) {
                v.add(
                        "/baseUrl",
                        "is not the address of node client '" + clientId
                                + "' (the identity provider records another one)");
            }
        }
        v.throwIfAny("peer");
    }

    @Override
    public Response removePeer(String peerId) {
        admin.require("remove peers");
        if (!directory.remove(peerId)) {
            throw new NotFound("No peer with id '" + peerId + "'");
        }
        return Response.noContent().build();
    }

    private Peer find(String peerId) {
        return directory.peer(peerId).orElseThrow(() -> new NotFound("No peer with id '" + peerId + "'"));
    }

    /**
     * A peer with its status; the harvest status in full only for the node's operator, for anyone
     * else only the count of mirrors the caller may see (see {@link HarvestStatuses#visibleOf}).
     */
    private org.twincatalog.api.v1.model.Peer toModel(Peer p, boolean operator) {
        PeerHealth.Contact contact = health.last(p.id());
        PeerStatus status = new PeerStatus()
                .health(
                        contact == null
                                ? PeerStatus.HealthEnum.UNKNOWN
                                : contact.answered() ? PeerStatus.HealthEnum.UP : PeerStatus.HealthEnum.DOWN)
                .checkedAt(contact == null ? null : contact.at().atOffset(java.time.ZoneOffset.UTC))
                .circuit(PeerStatus.CircuitEnum.fromValue(
                        breakers.of(p.id()).state().id()))
                .harvest(p.harvest() ? (operator ? harvests.of(p.id()) : harvests.visibleOf(p.id())) : null);
        return new org.twincatalog.api.v1.model.Peer()
                .id(p.id())
                .name(p.name().isEmpty() ? null : p.name())
                .tier(PeerTier.fromValue(p.tier()))
                .baseUrl(URI.create(p.baseUrl()))
                .adminAreas(p.adminAreas().isEmpty() ? null : new ArrayList<>(p.adminAreas()))
                .clientId(p.clientId())
                .harvest(p.harvest())
                .source(org.twincatalog.api.v1.model.Peer.SourceEnum.fromValue(p.source()))
                .status(status);
    }
}
