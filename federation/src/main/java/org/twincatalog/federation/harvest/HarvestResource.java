package org.twincatalog.federation.harvest;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import java.util.List;
import org.twincatalog.api.v1.HarvestApi;
import org.twincatalog.api.v1.model.QuarantineEntry;
import org.twincatalog.api.v1.model.QuarantineList;
import org.twincatalog.api.v1.model.RecordType;
import org.twincatalog.catalog.AccessDenied;
import org.twincatalog.catalog.BadParameter;
import org.twincatalog.catalog.CallerContext;
import org.twincatalog.catalog.NotAuthenticated;
import org.twincatalog.catalog.NotFound;
import org.twincatalog.catalog.web.Responses;
import org.twincatalog.federation.directory.FederationAdmin;
import org.twincatalog.federation.directory.NodeDirectory;
import org.twincatalog.federation.directory.Peer;

/** {@code /api/v1/federation/feed}, on-demand harvests and the quarantine. */
@jakarta.ws.rs.Path("")
public class HarvestResource implements HarvestApi {
    private final HarvestFeed feed;
    private final HarvestScheduler scheduler;
    private final NodeDirectory directory;
    private final FederationAdmin admin;
    private final MirrorWriter writer;
    private final EntityManager em;
    private final CallerContext callers;

    public HarvestResource(
            CallerContext callers,
            HarvestFeed feed,
            HarvestScheduler scheduler,
            NodeDirectory directory,
            FederationAdmin admin,
            MirrorWriter writer,
            EntityManager em) {
        this.feed = feed;
        this.scheduler = scheduler;
        this.directory = directory;
        this.admin = admin;
        this.writer = writer;
        this.em = em;
        this.callers = callers;
    }

    @Override
    public Response pokeHarvest() {
        if (callers.current().isAnonymous()) {
            throw new NotAuthenticated(
                    "Only a peer this node harvests pokes it, as its own service account",
                    "authentication-required",
                    "sign in",
                    null);
        }
        String client = callers.nodeClient()
                .orElseThrow(() -> new AccessDenied(
                        "Only a peer this node harvests pokes it, with its own service account's token",
                        "harvested-peer-only",
                        null,
                        null));
        Peer peer = directory.peers().stream()
                .filter(p -> p.harvest() && client.equals(p.clientId()))
                .findFirst()
                .orElseThrow(() -> new AccessDenied(
                        "This node harvests no peer with the client '" + client + "'",
                        "harvested-peer-only",
                        null,
                        null));
        scheduler.poke(peer);
        return Response.accepted().build();
    }

    @Override
    public Response readHarvestFeed(Long after, Integer limit) {
        long from = after == null ? 0 : after;
        if (from < 0) {
            throw BadParameter.query("after", "must not be negative, was " + from);
        }
        return Response.ok(feed.page(from, Responses.limit(limit, 200, 1000))).build();
    }

    @Override
    public Response startHarvest(String peerId) {
        admin.require("start a harvest");
        Peer peer = peer(peerId);
        scheduler.start(peer);
        return Response.accepted(PeerStatusMapper.run(peerId, writer.find(peerId), true))
                .build();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Response listQuarantine(String peerId, Integer limit) {
        admin.require("read the quarantine");
        peer(peerId);
        List<QuarantineEntity> rows = em.createQuery(
                        "FROM QuarantineEntity q WHERE q.peerId = :peer ORDER BY q.sequence DESC",
                        QuarantineEntity.class)
                .setParameter("peer", peerId)
                .setMaxResults(Responses.limit(limit, 50, 500))
                .getResultList();
        List<QuarantineEntry> items = rows.stream()
                .map(q -> new QuarantineEntry()
                        .peer(q.peerId)
                        .sequence(q.sequence)
                        .recordType(RecordType.fromValue(q.recordType))
                        .recordId(q.recordId)
                        .reason(q.reason)
                        .at(q.at.atOffset(ZoneOffset.UTC)))
                .toList();
        return Response.ok(new QuarantineList().items(items)).build();
    }

    private Peer peer(String peerId) {
        return directory.peer(peerId).orElseThrow(() -> new NotFound("No peer with id '" + peerId + "'"));
    }
}
