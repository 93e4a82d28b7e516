package org.twincatalog.federation.harvest;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.twincatalog.federation.FederationConfig;
import org.twincatalog.federation.directory.NodeDirectory;
import org.twincatalog.federation.directory.Peer;

/**
 * Starts harvest runs: on a schedule (each harvested peer {@code tc.federation.harvest.interval}
 * after its previous run ended) and on demand, at most one run per peer at a time and at most
 * {@code tc.federation.harvest.concurrency} peers at once.
 */
@ApplicationScoped
public class HarvestScheduler {
    private static final Logger LOG = Logger.getLogger(HarvestScheduler.class);

    private final Harvester harvester;
    private final NodeDirectory directory;
    private final FederationConfig config;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** Peers poked while a run of theirs was under way: run again right after it. */
    private final Set<String> again = ConcurrentHashMap.newKeySet();

    private final Map<String, Instant> nextRun = new ConcurrentHashMap<>();
    private ExecutorService workers;
    private ScheduledExecutorService ticker;

    public HarvestScheduler(Harvester harvester, NodeDirectory directory, FederationConfig config) {
        this.harvester = harvester;
        this.directory = directory;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        workers = Executors.newFixedThreadPool(config.harvest().concurrency(), daemon("harvest"));
        if (config.harvest().enabled()) {
            ticker = Executors.newSingleThreadScheduledExecutor(daemon("harvest-schedule"));
            ticker.scheduleWithFixedDelay(
                    this::tick, config.harvest().initialDelay().toMillis(), 500, TimeUnit.MILLISECONDS);
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    /** Starts a run of {@code peer} unless one is running; answers whether it started one. */
    public boolean start(Peer peer) {
        if (!running.add(peer.id())) {
            return false;
        }
        try {
            workers.submit(() -> {
                try {
                    harvester.run(peer);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Harvest run of %s failed", peer.id());
                } finally {
                    nextRun.put(peer.id(), Instant.now().plus(config.harvest().interval()));
                    running.remove(peer.id());
                    if (again.remove(peer.id())) {
                        start(peer); // poked while it ran
                    }
                }
            });
            return true;
        } catch (RuntimeException e) {
            running.remove(peer.id());
            throw e;
        }
    }

    /**
     * Runs {@code peer} now, or right after the run under way (which may have read its feed before
     * the news the peer pokes about); answers whether a run started now. Pokes that arrive during
     * one run make one more run.
     */
    public boolean poke(Peer peer) {
        again.add(peer.id());
        if (start(peer)) {
            again.remove(peer.id());
            return true;
        }
        if (!running.contains(peer.id()) && again.remove(peer.id())) {
            return start(peer); // the run ended between the two checks
        }
        return false;
    }

    /** Whether a run of the peer is under way. */
    public boolean isRunning(String peerId) {
        return running.contains(peerId);
    }

    private void tick() {
        try {
            Instant now = Instant.now();
            for (Peer peer : directory.peers()) {
                if (peer.harvest() && !now.isBefore(nextRun.getOrDefault(peer.id(), Instant.EPOCH))) {
                    start(peer);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Harvest schedule could not read the node directory; it retries", e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
