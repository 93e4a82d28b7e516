package org.twincatalog.catalog.ogc;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.twincatalog.catalog.error.BadParameter;
import org.twincatalog.catalog.search.SearchQuery;
import org.twincatalog.catalog.search.SearchRequest;

/** Reads the query parameters of OGC API - Records {@code items} into a {@link SearchQuery}. */
final class OgcItemsQuery {
    /** The sortables and how each maps to an index sort. */
    static final List<String> SORTBY = List.of("title", "+title", "-updated");

    private OgcItemsQuery() {}

    /**
     * @param datasetUriPrefix the DCAT URI of a dataset without its id, to read {@code externalIds}
     *     given as URIs
     */
    static SearchQuery of(
            String q,
            String bbox,
            String datetime,
            String type,
            String externalIds,
            String sortby,
            Integer limit,
            String cursor,
            String datasetUriPrefix) {
        String text = q == null ? null : q.replace(',', ' ');
        SearchQuery query = SearchRequest.create()
                .toQuery(text, bbox, null, datetime, sort(sortby), cursor, limit == null ? 10 : limit);
        Set<String> ids = null;
        if (externalIds != null && !externalIds.isBlank()) {
            ids = new LinkedHashSet<>();
            for (String value : externalIds.split(",")) {
                String v = value.trim();
                if (!v.isEmpty()) {
                    ids.add(idOf(v, datasetUriPrefix));
                }
            }
        }
        if (type != null && !type.isBlank() && !types(type).contains("dataset")) {
            ids = Set.of();
        }
        return ids == null ? query : query.withIds(ids);
    }

    private static String sort(String sortby) {
        if (sortby == null || sortby.isBlank()) {
            return null;
        }
        return switch (sortby.trim()) {
            case "title", "+title" -> "title";
            case "-updated" -> "modified";
            default ->
                throw BadParameter.query(
                        "sortby",
                        "'" + sortby + "' is not one of " + SORTBY
                                + " (see the sortables; updated sorts newest first only)");
        };
    }

    private static Set<String> types(String type) {
        Set<String> types = new LinkedHashSet<>();
        Arrays.stream(type.split(","))
                .map(t -> t.trim().toLowerCase(Locale.ROOT))
                .filter(t -> !t.isEmpty())
                .forEach(types::add);
        return types;
    }

    /** A dataset id from an external id: the DCAT URI, {@code scheme:value}, or the bare id. */
    private static String idOf(String value, String datasetUriPrefix) {
        if (value.startsWith(datasetUriPrefix)) {
            return value.substring(datasetUriPrefix.length());
        }
        for (String scheme : List.of(OgcRecordMapper.ID_SCHEME + ":", OgcRecordMapper.DCAT_SCHEME + ":")) {
            if (value.startsWith(scheme)) {
                return idOf(value.substring(scheme.length()), datasetUriPrefix);
            }
        }
        return value;
    }
}
