package org.twincatalog.federation.broker;

import java.util.Map;
import org.twincatalog.api.v1.client.ApiClient;
import org.twincatalog.api.v1.client.ApiException;
import org.twincatalog.federation.directory.Peer;

/**
 * One request the {@link Broker} makes of each peer: a search, a file lookup, the start of a pack.
 *
 * @param <T> what the peer answers with
 */
public interface PeerCall<T> {

    /**
     * Calls {@code peer} through {@code client} (its read timeout is the time left before the
     * deadline) with {@code headers} (the caller's forwarded identity, when there is one).
     */
    T call(Peer peer, ApiClient client, Map<String, String> headers) throws ApiException;

    /** The count reported as the peer's {@code total} in its outcome (null for none). */
    default Long total(T answer) {
        return null;
    }
}
