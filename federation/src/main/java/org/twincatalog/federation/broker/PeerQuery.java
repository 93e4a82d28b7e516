package org.twincatalog.federation.broker;

import java.util.List;
import java.util.Set;

/**
 * The search a broker forwards to each peer (the filters of {@code GET /api/v1/search} it
 * supports); null or empty means "no filter".
 *
 * @param excludedOrigins node ids whose records (their own and mirrors of them) each peer leaves
 *     out, except the peer's own id: set for aggregates, so that a record is counted only by its
 *     origin when its origin is asked too; null for no exclusion
 */
public record PeerQuery(
        String q,
        List<String> publisher,
        List<String> adminArea,
        List<String> lod,
        List<String> featureType,
        List<String> access,
        List<String> year,
        String bbox,
        String datetime,
        int limit,
        Set<String> excludedOrigins) {

    /** A query without origin exclusions. */
    public PeerQuery(
            String q,
            List<String> publisher,
            List<String> adminArea,
            List<String> lod,
            List<String> featureType,
            List<String> access,
            List<String> year,
            String bbox,
            String datetime,
            int limit) {
        this(q, publisher, adminArea, lod, featureType, access, year, bbox, datetime, limit, null);
    }

    /** The same query, each peer leaving out the records registered at the other {@code origins}. */
    public PeerQuery excludingOrigins(Set<String> origins) {
        return new PeerQuery(
                q, publisher, adminArea, lod, featureType, access, year, bbox, datetime, limit, Set.copyOf(origins));
    }

    /** The origins {@code peerId} is asked to leave out (sorted, never its own), or null for none. */
    public List<String> excludedOriginsFor(String peerId) {
        if (excludedOrigins == null) {
            return null;
        }
        List<String> others = excludedOrigins.stream()
                .filter(id -> !id.equals(peerId))
                .sorted()
                .toList();
        return others.isEmpty() ? null : others;
    }
}
