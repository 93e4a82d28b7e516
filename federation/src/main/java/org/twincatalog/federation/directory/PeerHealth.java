package org.twincatalog.federation.directory;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Whether each peer answered its last call (harvest or query), in memory. */
@ApplicationScoped
public class PeerHealth {
    /** The last contact with a peer. */
    public record Contact(boolean answered, Instant at) {}

    private final Map<String, Contact> contacts = new ConcurrentHashMap<>();

    /** Notes that {@code peer} answered (any HTTP answer) or did not (no connection, timeout). */
    public void record(String peer, boolean answered) {
        contacts.put(peer, new Contact(answered, Instant.now()));
    }

    /** The last contact; null before the first. */
    public Contact last(String peer) {
        return contacts.get(peer);
    }
}
