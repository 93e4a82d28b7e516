package org.twincatalog.federation.directory;

import java.util.List;
import java.util.Optional;

/**
 * The peers a node federates with (extension point). The harvester and the broker read peers
 * only through it; the default implementation, {@link DatabaseNodeDirectory}, keeps them in the
 * database, seeded from configuration ({@code tc.federation.peers.*}) at start. Another
 * implementation could read a national registry.
 */
public interface NodeDirectory {

    /** Every registered peer, ordered by id. */
    List<Peer> peers();

    /** The peer with this id; empty when unknown. */
    Optional<Peer> peer(String id);

    /** Registers {@code peer} or replaces the registration with its id; answers it as stored. */
    Peer register(Peer peer);

    /** Removes the peer; answers whether it was registered. Its harvest state and mirrors stay. */
    boolean remove(String id);
}
