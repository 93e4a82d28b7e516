package org.twincatalog.catalog.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.twincatalog.catalog.BadParameter;
import org.twincatalog.catalog.MalformedRequest;

/** Reads the search API's query parameters into a {@link SearchQuery}, saying what is wrong with bad ones. */
public final class SearchRequest {
    private final Map<Facet, Set<String>> filters = new EnumMap<>(Facet.class);
    private final Map<Facet, Set<String>> exclusions = new EnumMap<>(Facet.class);

    private SearchRequest() {}

    /** Starts a request; add facet values with {@link #facet}, then {@link #toQuery}. */
    public static SearchRequest create() {
        return new SearchRequest();
    }

    public SearchRequest facet(Facet facet, List<String> values) {
        Set<String> kept = kept(values);
        if (!kept.isEmpty()) {
            filters.put(facet, kept);
        }
        return this;
    }

    /** Leaves out datasets with any of these values of {@code facet}. */
    public SearchRequest exclude(Facet facet, List<String> values) {
        Set<String> kept = kept(values);
        if (!kept.isEmpty()) {
            exclusions.put(facet, kept);
        }
        return this;
    }

    private static Set<String> kept(List<String> values) {
        Set<String> kept = new LinkedHashSet<>();
        if (values != null) {
            values.stream()
                    .filter(v -> v != null && !v.isBlank())
                    .map(String::trim)
                    .forEach(kept::add);
        }
        return kept;
    }

    public SearchQuery toQuery(
            String q, String bbox, String bboxRelation, String datetime, String sort, String cursor, Integer limit) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > 100) {
            throw BadParameter.query("limit", "must be between 1 and 100, was " + size);
        }
        if (q != null && q.length() > 500) {
            throw BadParameter.query("q", "is longer than 500 characters");
        }
        LocalDate[] period = period(datetime);
        return new SearchQuery(
                        q,
                        filters,
                        bbox(bbox),
                        relation(bboxRelation),
                        period[0],
                        period[1],
                        sort(sort),
                        cursor == null || cursor.isBlank() ? null : cursor,
                        size)
                .withExclusions(exclusions);
    }

    static List<Double> bbox(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new MalformedRequest("bbox '" + text + "' is not minLon,minLat,maxLon,maxLat");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new MalformedRequest("bbox '" + text + "': '" + parts[i] + "' is not a number");
            }
        }
        if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90 || v[0] > v[2] || v[1] > v[3]) {
            throw new MalformedRequest("bbox '" + text
                    + "' must satisfy -180 <= minLon <= maxLon <= 180 and -90 <= minLat <= maxLat <= 90");
        }
        return List.of(v[0], v[1], v[2], v[3]);
    }

    static LocalDate[] period(String text) {
        if (text == null || text.isBlank()) {
            return new LocalDate[2];
        }
        String[] parts = text.split("/", -1);
        if (parts.length > 2) {
            throw new MalformedRequest("datetime '" + text + "' is not a date or start/end");
        }
        LocalDate start = date(parts[0], text);
        LocalDate end = parts.length == 1 ? start : date(parts[1], text);
        if (start != null && end != null && start.isAfter(end)) {
            throw new MalformedRequest("datetime '" + text + "' ends before it starts");
        }
        return new LocalDate[] {start, end};
    }

    private static LocalDate date(String part, String whole) {
        String p = part.trim();
        if (p.isEmpty() || p.equals("..")) {
            return null;
        }
        try {
            return LocalDate.parse(p.length() > 10 ? p.substring(0, 10) : p);
        } catch (DateTimeParseException e) {
            throw new MalformedRequest("datetime '" + whole + "': '" + part + "' is not an RFC 3339 date");
        }
    }

    private static SearchQuery.BboxRelation relation(String text) {
        return enumOf(SearchQuery.BboxRelation.class, text, "bboxRelation", SearchQuery.BboxRelation.INTERSECTS);
    }

    private static SearchQuery.Sort sort(String text) {
        return enumOf(SearchQuery.Sort.class, text, "sort", SearchQuery.Sort.RELEVANCE);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String text, String name, E fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BadParameter.query(
                    name,
                    "'" + text + "' is not one of "
                            + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }
}
