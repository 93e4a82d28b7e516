package org.twincatalog.federation.harvest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.twincatalog.api.v1.client.ApiException;
import org.twincatalog.api.v1.client.HarvestApi;
import org.twincatalog.api.v1.model.HarvestFeedPage;
import org.twincatalog.catalog.changes.ChangeLog;
import org.twincatalog.federation.FederationConfig;
import org.twincatalog.federation.directory.Peer;
import org.twincatalog.federation.directory.PeerClients;
import org.twincatalog.federation.directory.PeerHealth;
import org.twincatalog.federation.directory.PeerTokens;
import org.twincatalog.federation.harvest.MirrorWriter.PageResult;

/**
 * One harvest run of one peer: reads the peer's feed ({@code GET /api/v1/federation/feed}, as
 * this node's service account, so the peer's policy decides what it gets) page by page from the
 * stored cursor, and commits each page with the cursor after it.
 */
@ApplicationScoped
public class Harvester {
    private static final Logger LOG = Logger.getLogger(Harvester.class);

    private final MirrorWriter writer;
    private final PeerClients clients;
    private final PeerTokens tokens;
    private final PeerHealth health;
    private final FederationConfig config;
    private final Reconciler reconciler;
    private final ChangeLog changeLog;

    public Harvester(
            MirrorWriter writer,
            PeerClients clients,
            PeerTokens tokens,
            PeerHealth health,
            FederationConfig config,
            Reconciler reconciler,
            ChangeLog changeLog) {
        this.reconciler = reconciler;
        this.changeLog = changeLog;
        this.writer = writer;
        this.clients = clients;
        this.tokens = tokens;
        this.health = health;
        this.config = config;
    }

    /**
     * Runs until the peer's feed has nothing more, or a call fails; answers the totals. The run is
     * a bulk write: the search index and the graph store catch up after it (or before a query).
     */
    public PageResult run(Peer peer) {
        try (ChangeLog.BulkWrite bulk = changeLog.bulkWrite()) {
            return runPages(peer);
        }
    }

    private PageResult runPages(Peer peer) {
        long cursor = writer.state(peer.id()).cursor;
        Instant started = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        writer.started(peer.id(), started, cursor);
        long applied = 0;
        long unchanged = 0;
        long quarantined = 0;
        String error = null;
        try {
            HarvestFeedPage page = read(peer, cursor);
            while (true) {
                // read the next page while this one is written: the child's work and the network
                // overlap with this node's writes (the next page starts at this page's end)
                long next = page.getNext();
                CompletableFuture<HarvestFeedPage> prefetch = Boolean.TRUE.equals(page.getHasMore())
                        ? CompletableFuture.supplyAsync(() -> readUnchecked(peer, next), PREFETCH)
                        : null;
                PageResult r = writer.apply(peer.id(), cursor, page);
                applied += r.applied();
                unchanged += r.unchanged();
                quarantined += r.quarantined();
                cursor = next;
                if (prefetch == null) {
                    break;
                }
                page = await(prefetch);
            }
            if (reconcileDue(peer)) {
                long withdrawn = reconciler.reconcile(peer);
                applied += withdrawn;
                if (withdrawn > 0) {
                    LOG.infof("%s no longer shows %d mirrored record(s): withdrawn here", peer.id(), withdrawn);
                }
            }
        } catch (ApiException e) {
            health.record(peer.id(), e.getCode() != 0);
            error = describe(e);
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warnf(e, "Harvest of %s failed", peer.id());
        }
        PageResult totals = new PageResult(applied, unchanged, quarantined);
        writer.finished(peer.id(), totals, error);
        if (error != null) {
            LOG.warnf("Harvest of %s stopped at cursor %d: %s", peer.id(), cursor, error);
        } else if (applied + quarantined > 0) {
            LOG.infof(
                    "Harvested %s up to %d: %d applied, %d unchanged, %d quarantined",
                    peer.id(), cursor, applied, unchanged, quarantined);
        }
        return totals;
    }

    private final Map<String, Integer> runsSinceReconcile = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every {@code tc.federation.harvest.reconcile-every}-th successful run of a peer, the first included. */
    private boolean reconcileDue(Peer peer) {
        int every = config.harvest().reconcileEvery();
        if (every <= 0) {
            return false;
        }
        int runs = runsSinceReconcile.merge(peer.id(), 1, Integer::sum);
        if (runs == 1 || runs > every) {
            runsSinceReconcile.put(peer.id(), 1);
            return true;
        }
        return false;
    }

    private static final ExecutorService PREFETCH = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "harvest-prefetch");
        t.setDaemon(true);
        return t;
    });

    private HarvestFeedPage readUnchecked(Peer peer, long cursor) {
        try {
            return read(peer, cursor);
        } catch (ApiException e) {
            throw new CompletionException(e);
        }
    }

    private static HarvestFeedPage await(CompletableFuture<HarvestFeedPage> page) throws ApiException {
        try {
            return page.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof ApiException api) {
                throw api;
            }
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    private HarvestFeedPage read(Peer peer, long cursor) throws ApiException {
        Map<String, String> headers = new HashMap<>();
        tokens.serviceTokenFor(peer).ifPresent(t -> headers.put("Authorization", "Bearer " + t));
        HarvestApi api = new HarvestApi(clients.client(peer, config.harvest().requestTimeout()));
        HarvestFeedPage page = api.readHarvestFeed(cursor, config.harvest().pageSize(), headers);
        health.record(peer.id(), true);
        return page;
    }

    private static String describe(ApiException e) {
        if (e.getCode() == 0) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return "the peer did not answer: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " " + cause.getMessage());
        }
        String body = e.getResponseBody() == null ? "" : e.getResponseBody();
        return "the peer answered " + e.getCode() + ": " + (body.length() > 500 ? body.substring(0, 500) : body);
    }
}
