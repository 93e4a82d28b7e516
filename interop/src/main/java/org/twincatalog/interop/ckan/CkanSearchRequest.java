package org.twincatalog.interop.ckan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * CKAN's {@code package_search} parameters, validated as CKAN validates them
 * ({@code default_package_search_schema}) and parsed: {@code q} and {@code fq} into
 * {@link CkanQuery} trees, {@code sort} into sort keys.
 *
 * @param text keywords handed to the catalog's own index (for relevance), or null
 * @param query what {@code q} asks beyond {@code text} (all when it is only keywords)
 * @param filter {@code fq}
 * @param rows how many results (at most {@link #MAX_ROWS})
 * @param start how many to skip
 * @param sort the sort as asked (CKAN answers it back)
 * @param order the sort keys
 * @param facetFields the fields to count
 * @param facetLimit the most values per facet; negative for all
 * @param facetMincount the least count a listed value has
 */
record CkanSearchRequest(
        String text,
        CkanQuery query,
        CkanQuery filter,
        int rows,
        long start,
        String sort,
        List<SortKey> order,
        List<String> facetFields,
        long facetLimit,
        long facetMincount) {
    /** CKAN's {@code ckan.search.rows_max} default: more rows read as this many. */
    static final int MAX_ROWS = 1000;

    static final String DEFAULT_SORT = "score desc, metadata_modified desc";

    /** The keys CKAN's {@code package_search} takes (its own and the Solr ones it hands on). */
    private static final Set<String> KNOWN = Set.of(
            "q",
            "fl",
            "fq",
            "fq_list",
            "rows",
            "sort",
            "start",
            "wt",
            "qf",
            "bf",
            "boost",
            "facet",
            "facet.mincount",
            "facet.limit",
            "facet.field",
            "extras",
            "tie",
            "defType",
            "mm",
            "df",
            "include_private",
            "include_drafts",
            "include_deleted",
            "use_default_schema",
            "callback",
            "_");

    /** One sort key: a field and its direction. */
    record SortKey(String field, boolean descending) {}

    static CkanSearchRequest of(CkanParams p) {
        Set<String> unknown = new TreeSet<>();
        for (String key : p.all().keySet()) {
            if (!KNOWN.contains(key) && !key.startsWith("ext_")) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw CkanError.searchQuery("Invalid search parameters: "
                    + unknown.stream().map(k -> "'" + k + "'").toList());
        }
        Long rows = p.natural("rows");
        Long start = p.natural("start");
        Long facetLimit = p.integer("facet.limit");
        Long facetMincount = p.natural("facet.mincount");
        List<String> facetFields = p.listOfStrings("facet.field");
        String sort = p.text("sort") == null || p.text("sort").isBlank() ? DEFAULT_SORT : p.text("sort");
        List<SortKey> order = sortKeys(sort);
        String q = p.text("q");
        CkanQuery query = CkanQueryParser.parse(q, "q");
        String text = keywords(query);
        CkanQuery filter = CkanQueryParser.parse(p.text("fq"), "fq");
        return new CkanSearchRequest(
                text,
                text == null ? query : new CkanQuery.All(),
                filter,
                (int) Math.min(rows == null ? 10 : rows, MAX_ROWS),
                start == null ? 0 : start,
                sort,
                order,
                new ArrayList<>(new LinkedHashSet<>(facetFields)),
                facetLimit == null ? 50 : facetLimit,
                facetMincount == null ? 1 : facetMincount);
    }

    /** The order of the results: the sort keys, then the index's order. */
    Comparator<CkanDocument> comparator() {
        Comparator<CkanDocument> c = (a, b) -> 0;
        for (SortKey key : order) {
            c = c.thenComparing((a, b) -> compare(a.sortKey(key.field()), b.sortKey(key.field()), key.descending()));
        }
        return c.thenComparingInt(CkanDocument::rank);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Comparable a, Comparable b, boolean descending) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1; // missing values last, either way
        }
        return descending ? b.compareTo(a) : a.compareTo(b);
    }

    /** Solr's sort syntax: {@code field asc|desc} separated by commas; else CKAN's Search Query Error. */
    private static List<SortKey> sortKeys(String sort) {
        List<SortKey> keys = new ArrayList<>();
        for (String part : sort.split(",", -1)) {
            String[] words = part.strip().split("\\s+");
            if (words.length != 2 || !(words[1].equals("asc") || words[1].equals("desc"))) {
                throw CkanError.searchQuery("Invalid \"sort\" parameter");
            }
            keys.add(new SortKey(words[0], words[1].equals("desc")));
        }
        return keys;
    }

    /** The keywords of a {@code q} made only of bare words (no field, phrase, wildcard or operator); else null. */
    private static String keywords(CkanQuery query) {
        List<CkanQuery> parts = query instanceof CkanQuery.Bool bool
                ? bool.clauses().stream()
                        .map(c -> c.occur() == CkanQuery.Occur.MUST ? c.query() : null)
                        .toList()
                : List.of(query);
        List<String> words = new ArrayList<>();
        for (CkanQuery part : parts) {
            if (!(part instanceof CkanQuery.Term t)
                    || !t.field().equals(CkanQueryParser.DEFAULT_FIELD)
                    || t.phrase()
                    || t.wildcard()) {
                return null;
            }
            words.add(t.value());
        }
        return String.join(" ", words);
    }
}
