package org.twincatalog.catalog.ckan;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.twincatalog.catalog.error.BadParameter;
import org.twincatalog.catalog.error.MalformedRequest;
import org.twincatalog.catalog.search.Facet;
import org.twincatalog.catalog.search.SearchQuery;

/**
 * Reads CKAN's {@code package_search} parameters ({@code q}, {@code fq}, {@code sort},
 * {@code rows}, {@code start}, {@code facet.field}) into a {@link SearchQuery}. CKAN field names
 * map to this node's facets: {@code organization} to publisher, {@code res_format} to format,
 * {@code groups} to theme; the node's own facet names are accepted as they are.
 */
final class CkanSearchRequest {
    static final int MAX_ROWS = 1000;
    static final String DEFAULT_SORT = "score desc, metadata_modified desc";

    /** CKAN field names and the facet each one filters and counts. */
    static final Map<String, Facet> FIELDS = fields();

    private static final Pattern TERM = Pattern.compile("\\+?([A-Za-z_.]+):(\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S+))");
    private static final ObjectMapper JSON = new ObjectMapper();

    final SearchQuery query;
    final int start;
    final String sort;
    final List<String> facetFields;
    final int facetLimit;
    private final int rows;

    private CkanSearchRequest(
            SearchQuery query, int rows, int start, String sort, List<String> facetFields, int facetLimit) {
        this.query = query;
        this.rows = rows;
        this.start = start;
        this.sort = sort;
        this.facetFields = facetFields;
        this.facetLimit = facetLimit;
    }

    /** The rows asked for (0: only the count and the facets). */
    int requestedRows() {
        return rows;
    }

    static CkanSearchRequest of(
            String q, String fq, Integer rows, Integer start, String sort, Object facetField, Integer facetLimit) {
        int size = rows == null ? 10 : rows;
        if (size < 0 || size > MAX_ROWS) {
            throw BadParameter.query("rows", "must be between 0 and " + MAX_ROWS + ", was " + size);
        }
        int skip = start == null ? 0 : start;
        if (skip < 0) {
            throw BadParameter.query("start", "must not be negative, was " + skip);
        }
        String text = q == null || q.isBlank() || q.trim().equals("*:*") ? null : q;
        if (text != null && text.length() > 500) {
            throw new MalformedRequest("q is longer than 500 characters");
        }
        Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
        Set<String> ids = filters(fq, filters);
        String order = sort == null || sort.isBlank() ? DEFAULT_SORT : sort.trim();
        // rows=0 still counts (CKAN answers count and facets); the index needs a page of one
        SearchQuery query =
                new SearchQuery(text, filters, null, null, null, null, sortOf(order), null, Math.max(1, size), ids);
        int limit = facetLimit == null ? 50 : facetLimit;
        return new CkanSearchRequest(
                query, size, skip, order, facetFields(facetField), limit < 0 ? Integer.MAX_VALUE : limit);
    }

    /** Fills {@code filters} from {@code fq}; answers the ids asked for by {@code id:} or {@code name:}, or null. */
    private static Set<String> filters(String fq, Map<Facet, Set<String>> filters) {
        if (fq == null || fq.isBlank()) {
            return null;
        }
        Set<String> ids = null;
        Matcher m = TERM.matcher(fq);
        int end = 0;
        while (m.find()) {
            if (!fq.substring(end, m.start()).replace("AND", "").isBlank()) {
                throw new MalformedRequest("fq '" + fq + "': cannot read '"
                        + fq.substring(end, m.start()).trim() + "'; write field:value or field:\"value\" terms");
            }
            end = m.end();
            String field = m.group(1);
            String value = m.group(3) != null ? m.group(3).replace("\\\"", "\"") : m.group(4);
            if (field.equals("id") || field.equals("name")) {
                ids = ids == null ? new LinkedHashSet<>() : ids;
                ids.add(value);
                continue;
            }
            Facet facet = FIELDS.get(field);
            if (facet == null) {
                throw new MalformedRequest("fq field '" + field + "' is not supported; use one of " + supported());
            }
            filters.computeIfAbsent(facet, f -> new LinkedHashSet<>()).add(value);
        }
        if (!fq.substring(end).replace("AND", "").isBlank()) {
            throw new MalformedRequest("fq '" + fq + "': cannot read '"
                    + fq.substring(end).trim() + "'; write field:value or field:\"value\" terms");
        }
        return ids;
    }

    private static SearchQuery.Sort sortOf(String sort) {
        String first = sort.split(",")[0].trim().replaceAll("\\s+", " ");
        return switch (first) {
            case "score desc", "relevance asc", "rank desc" -> SearchQuery.Sort.RELEVANCE;
            case "metadata_modified desc" -> SearchQuery.Sort.MODIFIED;
            case "title_string asc", "name asc", "title asc" -> SearchQuery.Sort.TITLE;
            default ->
                throw new MalformedRequest(
                        "sort '" + sort
                                + "' is not supported; use 'score desc', 'metadata_modified desc', 'title_string asc' or 'name asc'");
        };
    }

    private static List<String> facetFields(Object facetField) {
        if (facetField == null) {
            return List.of();
        }
        List<String> fields;
        if (facetField instanceof List<?> list) {
            fields = list.stream().map(String::valueOf).toList();
        } else {
            String text = facetField.toString().trim();
            if (text.isEmpty()) {
                return List.of();
            }
            try {
                fields = JSON.readValue(text, new TypeReference<List<String>>() {});
            } catch (Exception e) {
                throw new MalformedRequest("facet.field must be a JSON list of field names, e.g. [\"organization\"]");
            }
        }
        for (String field : fields) {
            if (!FIELDS.containsKey(field)) {
                throw new MalformedRequest("facet.field '" + field + "' is not supported; use one of " + supported());
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(fields));
    }

    private static List<String> supported() {
        List<String> names = new ArrayList<>(FIELDS.keySet());
        names.add("id");
        names.add("name");
        return names;
    }

    private static Map<String, Facet> fields() {
        Map<String, Facet> fields = new LinkedHashMap<>();
        fields.put("organization", Facet.PUBLISHER);
        fields.put("res_format", Facet.FORMAT);
        fields.put("groups", Facet.THEME);
        for (Facet facet : Facet.values()) {
            fields.putIfAbsent(facet.id(), facet);
        }
        return java.util.Collections.unmodifiableMap(fields);
    }
}
