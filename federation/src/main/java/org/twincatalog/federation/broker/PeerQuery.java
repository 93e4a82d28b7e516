package org.twincatalog.federation.broker;

import java.util.List;

/**
 * The search a broker forwards to each peer (the filters of {@code GET /api/v1/search} it
 * supports); null or empty means "no filter".
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
        int limit) {}
