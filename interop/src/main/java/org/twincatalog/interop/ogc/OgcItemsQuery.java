package org.twincatalog.interop.ogc;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.twincatalog.catalog.BadParameter;
import org.twincatalog.catalog.search.SearchQuery;
import org.twincatalog.catalog.search.SearchRequest;

/**
 * Reads the query parameters of OGC API - Records {@code items} into a {@link SearchQuery}: the
 * terms of {@code q} are alternatives (a, b: a or b), {@code ids} and {@code externalIds} keep the
 * records they name (both: those in each).
 */
final class OgcItemsQuery {
    /** The sortables and how each maps to an index sort. */
    static final List<String> SORTBY = List.of("title", "+title", "-updated");

    private OgcItemsQuery() {}

    /**
     * @param q comma-separated terms, any of which matches (OGC API - Records)
     * @param ids comma-separated record ids to keep (null: all)
     * @param datasetUriPrefix the DCAT URI of a dataset without its id, to read {@code externalIds}
     *     given as URIs
     */
    static SearchQuery of(
            String q,
            String ids,
            String bbox,
            String datetime,
            String type,
            String externalIds,
            String sortby,
            Integer limit,
            String cursor,
            String datasetUriPrefix) {
        SearchQuery query = SearchRequest.create()
                .toQuery(q, bbox, null, datetime, sort(sortby), cursor, limit == null ? 10 : limit)
                .withAnyTerm();
        Set<String> kept = null;
        if (ids != null && !ids.isBlank()) {
            kept = list(ids, v -> v);
        }
        if (externalIds != null && !externalIds.isBlank()) {
            Set<String> external = list(externalIds, v -> idOf(v, datasetUriPrefix));
            if (kept == null) {
                kept = external;
            } else {
                kept.retainAll(external);
            }
        }
        if (type != null && !type.isBlank() && !types(type).contains("dataset")) {
            kept = Set.of();
        }
        return kept == null ? query : query.withIds(kept);
    }

    /** The non-blank comma-separated values of {@code text}, each read by {@code read}. */
    private static Set<String> list(String text, java.util.function.UnaryOperator<String> read) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : text.split(",")) {
            String v = value.trim();
            if (!v.isEmpty()) {
                values.add(read.apply(v));
            }
        }
        return values;
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
