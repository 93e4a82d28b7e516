package org.twincatalog.federation.agreements;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.twincatalog.api.v1.model.AgreementRequest;
import org.twincatalog.catalog.AccessRequestForwarding;
import org.twincatalog.catalog.PeerUnavailable;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.federation.broker.BrokerService;
import org.twincatalog.federation.directory.NodeDirectory;
import org.twincatalog.federation.harvest.MirrorEntity;
import org.twincatalog.federation.harvest.MirrorKey;

/**
 * Passes an access request for a mirrored dataset on to the node that decides it: the dataset's
 * origin node when it is a peer of this one (the city itself), else the peer the mirror came
 * through (which passes it on in turn). The caller's identity goes with it, exchanged for a token
 * addressed to that peer; a forwarded person may request access for their own organization there,
 * and nothing else that writes (ADR 0008). The owner's steward decides at the owning node; the
 * requester follows the agreement through {@code /api/v1/federation/agreements/{peer}/{id}}.
 */
@ApplicationScoped
public class AccessRequestForwarder implements AccessRequestForwarding {
    /** Agreement ids this node puts into a link; anything else from a peer is not linked. */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._~-]{1,200}");

    private final EntityManager em;
    private final NodeDirectory directory;
    private final BrokerService broker;
    private final ObjectMapper json;

    public AccessRequestForwarder(EntityManager em, NodeDirectory directory, BrokerService broker, ObjectMapper json) {
        this.em = em;
        this.directory = directory;
        this.broker = broker;
        this.json = json;
    }

    @Override
    public Optional<String> decidingPeer(String datasetId) {
        return mirror(datasetId).map(this::decider);
    }

    @Override
    public Forwarded forward(String peer, AgreementRequest request, String callerToken) {
        List<String> atPeer = new ArrayList<>();
        for (String id : request.getDatasets()) {
            MirrorEntity m = mirror(id).orElseThrow(() -> new IllegalStateException(id + " is no mirror"));
            atPeer.add(idAt(peer, m));
        }
        String body;
        try {
            body = json.writeValueAsString(new AgreementRequest()
                    .datasets(atPeer)
                    .purpose(request.getPurpose())
                    .legalBasis(request.getLegalBasis())
                    .validFrom(request.getValidFrom())
                    .validUntil(request.getValidUntil()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        PeerRelay.Relayed answer = PeerRelay.send(broker, peer, "POST", "/api/v1/agreements", body, callerToken);
        JsonNode agreement = jsonObject(peer, answer);
        String location = null;
        if (answer.status() == 201) {
            String id = agreement.path("id").asText("");
            if (SAFE_ID.matcher(id).matches()) {
                location = "api/v1/federation/agreements/" + enc(peer) + "/" + enc(id);
            }
        }
        return new Forwarded(answer.status(), answer.body(), location);
    }

    /** The peer's body as a JSON object (an agreement or a problem); a peer answering anything else failed. */
    JsonNode jsonObject(String peer, PeerRelay.Relayed answer) {
        try {
            JsonNode node = json.readTree(answer.body());
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new PeerUnavailable("peer " + peer + " answered " + answer.status() + " without a JSON object");
    }

    private Optional<MirrorEntity> mirror(String datasetId) {
        if (datasetId == null || datasetId.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(MirrorEntity.class, new MirrorKey(RecordType.DATASET.code(), datasetId)));
    }

    /** The origin itself when it is a peer here, else the peer the mirror came through. */
    private String decider(MirrorEntity m) {
        if (m.originNode != null && directory.peer(m.originNode).isPresent()) {
            return m.originNode;
        }
        return m.peerId;
    }

    /** The dataset's id at {@code peer}: its origin id at the origin, the id it was mirrored under elsewhere. */
    private static String idAt(String peer, MirrorEntity m) {
        if (peer.equals(m.originNode)) {
            return m.originId;
        }
        // a mirror of a mirror: the peer it came through knows it by the id it mirrors it under,
        // which is this node's id for it (mirror ids are the origin node and id, at every tier)
        return m.localId;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
