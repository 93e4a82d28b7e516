package org.twincatalog.federation.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.twincatalog.catalog.changes.LocalWrites;
import org.twincatalog.federation.FederationConfig;

/**
 * The default {@link NodeDirectory}: peers in {@code federation_peer}. At start, every peer of
 * the configuration is written over its row (configuration wins over an earlier API
 * registration of the same id); peers registered through the API stay until removed.
 */
@ApplicationScoped
public class DatabaseNodeDirectory implements NodeDirectory {
    private static final Logger LOG = Logger.getLogger(DatabaseNodeDirectory.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Parsed names by their stored JSON: the broker reads the whole directory for every federated
     * search, and parsing each peer's name again was a tenth of its CPU time with 100 peers.
     */
    private static final Map<String, Map<String, String>> NAMES = new ConcurrentHashMap<>();

    private final EntityManager em;
    private final FederationConfig config;
    private final LocalWrites writes;

    public DatabaseNodeDirectory(
            EntityManager em, FederationConfig config, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.config = config;
        this.writes = new LocalWrites(transactions, () -> snapshot = null);
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        config.peers()
                .forEach((id, p) -> register(new Peer(
                        id,
                        Map.of("en", p.name().orElse(id)),
                        p.tier(),
                        p.baseUrl(),
                        p.adminAreas().orElse(List.of()),
                        p.clientId().orElse(null),
                        p.harvest(),
                        Peer.FROM_CONFIGURATION)));
        if (!config.peers().isEmpty()) {
            LOG.infof(
                    "Node directory: %d configured peer(s) %s",
                    config.peers().size(), config.peers().keySet());
        }
    }

    /**
     * The directory as last read, for at most {@link #SNAPSHOT_NANOS}: the broker reads every peer
     * for every federated search (with 100 peers, a query and 100 entities were an eighth of its
     * CPU). Writes here drop it at once; a write by another process on the same database shows
     * within that time.
     */
    private volatile Snapshot snapshot;

    private static final long SNAPSHOT_NANOS = 2_000_000_000L;

    private record Snapshot(List<Peer> peers, long readAt) {}

    @Override
    @Transactional
    public List<Peer> peers() {
        Snapshot current = snapshot;
        if (current != null && System.nanoTime() - current.readAt() < SNAPSHOT_NANOS) {
            return current.peers();
        }
        long readAt = System.nanoTime();
        long seen = writes.ended();
        List<Peer> peers = em.createQuery("FROM PeerEntity p ORDER BY p.id", PeerEntity.class).getResultList().stream()
                .map(DatabaseNodeDirectory::toPeer)
                .toList();
        if (!writes.endedSince(seen)) {
            snapshot = new Snapshot(peers, readAt); // no local write ended while reading
        }
        return peers;
    }

    @Override
    @Transactional
    public Optional<Peer> peer(String id) {
        return Optional.ofNullable(em.find(PeerEntity.class, id)).map(DatabaseNodeDirectory::toPeer);
    }

    @Override
    @Transactional
    public Peer register(Peer peer) {
        writes.writing();
        PeerEntity row = em.find(PeerEntity.class, peer.id());
        boolean added = row == null;
        if (added) {
            row = new PeerEntity();
            row.id = peer.id();
        }
        try {
            row.nameJson = JSON.writeValueAsString(peer.name());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        row.tier = peer.tier();
        row.baseUrl = peer.baseUrl();
        row.adminAreas = String.join(",", peer.adminAreas());
        row.clientId = peer.clientId();
        row.harvest = peer.harvest();
        row.source = peer.source();
        if (added) {
            em.persist(row);
        }
        return toPeer(row);
    }

    @Override
    @Transactional
    public boolean remove(String id) {
        writes.writing();
        PeerEntity row = em.find(PeerEntity.class, id);
        if (row == null) {
            return false;
        }
        em.remove(row);
        return true;
    }

    private static Peer toPeer(PeerEntity row) {
        Map<String, String> name = row.nameJson == null ? Map.of() : NAMES.get(row.nameJson);
        if (name == null) {
            name = parseName(row.nameJson);
            if (NAMES.size() > 10_000) {
                NAMES.clear(); // names are few; this only bounds a directory rewritten endlessly
            }
            NAMES.put(row.nameJson, name);
        }
        List<String> areas = row.adminAreas == null || row.adminAreas.isBlank()
                ? List.of()
                : Arrays.asList(row.adminAreas.split(","));
        return new Peer(row.id, name, row.tier, row.baseUrl, areas, row.clientId, row.harvest, row.source);
    }

    private static Map<String, String> parseName(String json) {
        try {
            return Map.copyOf(JSON.readValue(json, new TypeReference<Map<String, String>>() {}));
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
