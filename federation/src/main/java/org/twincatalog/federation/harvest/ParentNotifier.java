package org.twincatalog.federation.harvest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.twincatalog.api.v1.client.ApiException;
import org.twincatalog.api.v1.client.HarvestApi;
import org.twincatalog.catalog.changes.ChangeLog;
import org.twincatalog.federation.FederationConfig;
import org.twincatalog.federation.directory.Peer;
import org.twincatalog.federation.directory.PeerClients;
import org.twincatalog.federation.directory.PeerTokens;

/**
 * Pokes the nodes that harvest this one ({@code tc.federation.parents.*}) when this node's change
 * log moved, so that they harvest at once instead of at their next scheduled run: a lowered
 * visibility reaches every tier in seconds. A poke carries no data (the parent then reads the feed
 * under this node's policy) and is sent only when a new change concerns a record that was or is
 * not private, so that parents learn nothing of the activity on records no other organization
 * may see. Pokes coalesce (at most one per parent every {@link #EVERY}); a parent that does not
 * answer is skipped, its schedule still harvests.
 */
@ApplicationScoped
public class ParentNotifier {
    private static final Logger LOG = Logger.getLogger(ParentNotifier.class);
    static final Duration EVERY = Duration.ofMillis(250);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final FederationConfig config;
    private final ChangeLog changeLog;
    private final PeerClients clients;
    private final PeerTokens tokens;
    private final EntityManager em;
    private ScheduledExecutorService ticker;
    private long notified;

    public ParentNotifier(
            FederationConfig config, ChangeLog changeLog, PeerClients clients, PeerTokens tokens, EntityManager em) {
        this.config = config;
        this.changeLog = changeLog;
        this.clients = clients;
        this.tokens = tokens;
        this.em = em;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.parents().isEmpty()) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parent-notifier");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, EVERY.toMillis(), EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.shutdownNow();
        }
    }

    private void tick() {
        try {
            long last = changeLog.lastCommittedHere();
            if (last <= notified) {
                return;
            }
            long from = notified;
            boolean news = QuarkusTransaction.requiringNew().call(() -> concernsSharedRecords(from, last));
            notified = last;
            if (news) {
                config.parents().forEach(this::poke);
            }
        } catch (RuntimeException e) {
            LOG.debug("Could not poke the parents; their schedule harvests", e);
        }
    }

    /**
     * Whether a change in ({@code after}, {@code upTo}] concerns a record that is not private now
     * or was not private just before it.
     */
    private boolean concernsSharedRecords(long after, long upTo) {
        List<?> any = em.createQuery("SELECT c.sequence FROM ChangeEntity c WHERE c.sequence > :after"
                        + " AND c.sequence <= :upTo AND ((c.beforeVisibility IS NOT NULL AND c.beforeVisibility"
                        + " <> 'private') OR EXISTS (SELECT 1 FROM RecordEntity r WHERE r.recordType ="
                        + " c.recordType AND r.id = c.recordId AND r.metaVisibility <> 'private'))")
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .setMaxResults(1)
                .getResultList();
        return !any.isEmpty();
    }

    private void poke(String id, FederationConfig.ParentConfig parent) {
        Peer peer = new Peer(
                id,
                null,
                "metro",
                parent.baseUrl(),
                null,
                parent.clientId().orElse(null),
                false,
                Peer.FROM_CONFIGURATION);
        try {
            Map<String, String> headers = new HashMap<>();
            tokens.serviceTokenFor(peer).ifPresent(t -> headers.put("Authorization", "Bearer " + t));
            new HarvestApi(clients.client(peer, TIMEOUT)).pokeHarvest(headers);
        } catch (ApiException | RuntimeException e) {
            LOG.debugf("Parent %s was not poked: %s", id, e.getMessage());
        }
    }
}
