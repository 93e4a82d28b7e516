package org.twincatalog.interop.ckan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.twincatalog.interop.ckan.CkanQuery.Clause;
import org.twincatalog.interop.ckan.CkanQuery.Occur;

/**
 * One CKAN package as CKAN's Solr schema indexes it: string fields match exactly, text fields
 * by words (case-insensitive), dates by instant; {@code text} holds every searchable word. A
 * field the package does not have matches nothing (CKAN's schema indexes unknown fields as empty
 * strings).
 */
final class CkanDocument {
    private static final List<String> TEXTS =
            List.of("title", "notes", "text", "res_name", "res_description", "author", "maintainer");
    private static final List<String> DATES = List.of("metadata_modified", "metadata_created");
    /** This node's facet names, read as the package's extras that carry them. */
    private static final Map<String, String> NODE_FIELDS = Map.of(
            "adminArea", "admin_areas",
            "featureType", "twin_feature_types",
            "lod", "twin_lod",
            "twinDomain", "twin_domain",
            "maturityStage", "twin_maturity_stage");

    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private final Map<String, Object> pkg;
    private final int rank;

    /**
     * @param pkg the package as the caller sees it
     * @param rank its place in the index's relevance order (0 is the best)
     */
    CkanDocument(Map<String, Object> pkg, int rank) {
        this.pkg = pkg;
        this.rank = rank;
        for (String key : List.of(
                "id",
                "name",
                "title",
                "notes",
                "url",
                "version",
                "author",
                "author_email",
                "maintainer",
                "maintainer_email",
                "license_id",
                "state",
                "type",
                "owner_org",
                "metadata_modified",
                "metadata_created")) {
            put(key, pkg.get(key));
        }
        put("title_string", pkg.get("title"));
        put("capacity", Boolean.TRUE.equals(pkg.get("private")) ? "private" : "public");
        if (pkg.get("organization") instanceof Map<?, ?> org) {
            put("organization", org.get("name"));
        }
        each("tags", t -> put("tags", t.get("name")));
        each("groups", g -> put("groups", g.get("name")));
        each("resources", r -> {
            put("res_format", r.get("format"));
            put("res_name", r.get("name"));
            put("res_description", r.get("description"));
            put("res_url", r.get("url"));
        });
        each("extras", e -> {
            String key = String.valueOf(e.get("key"));
            put("extras_" + key, e.get("value"));
            NODE_FIELDS.forEach((field, extra) -> {
                if (extra.equals(key) && e.get("value") != null) {
                    for (String v : e.get("value").toString().split(",")) {
                        put(field, v.trim());
                    }
                }
            });
        });
        for (String key : List.of(
                "name",
                "title",
                "notes",
                "tags",
                "groups",
                "organization",
                "res_name",
                "res_description",
                "author",
                "maintainer")) {
            fields.getOrDefault(key, List.of()).forEach(v -> put("text", v));
        }
        fields.keySet().stream().filter(k -> k.startsWith("extras_")).toList().forEach(k -> fields.get(k)
                .forEach(v -> put("text", v)));
    }

    Map<String, Object> pkg() {
        return pkg;
    }

    int rank() {
        return rank;
    }

    /** The field's values (empty when the package has none). */
    List<String> values(String field) {
        return fields.getOrDefault(field, List.of());
    }

    /** Whether the package matches {@code query}; a purely negative query reads as "all but". */
    boolean matches(CkanQuery query, Instant now) {
        if (query instanceof CkanQuery.Term term) {
            return matchesTerm(term);
        }
        if (query instanceof CkanQuery.Range range) {
            return matchesRange(range, now);
        }
        if (query instanceof CkanQuery.Bool bool) {
            return matchesBool(bool, now);
        }
        return true;
    }

    private boolean matchesBool(CkanQuery.Bool bool, Instant now) {
        boolean anyMust = false;
        boolean anyShould = false;
        boolean shouldHeld = false;
        for (Clause clause : bool.clauses()) {
            if (clause.occur() == Occur.MUST_NOT) {
                if (matches(clause.query(), now)) {
                    return false;
                }
            } else if (clause.occur() == Occur.MUST) {
                anyMust = true;
                if (!matches(clause.query(), now)) {
                    return false;
                }
            } else {
                anyShould = true;
                shouldHeld = shouldHeld || matches(clause.query(), now);
            }
        }
        return anyMust || !anyShould || shouldHeld;
    }

    private boolean matchesTerm(CkanQuery.Term term) {
        List<String> values = values(term.field());
        if (term.wildcard() && term.value().equals("*")) {
            return !values.isEmpty();
        }
        if (DATES.contains(term.field())) {
            Instant wanted = CkanDates.parse(term.value(), Instant.EPOCH);
            return values.stream().anyMatch(v -> CkanDates.ofPackage(v).equals(wanted));
        }
        if (!isText(term.field())) {
            return values.stream()
                    .anyMatch(v -> term.wildcard() ? Glob.matches(term.value(), v) : v.equals(term.value()));
        }
        if (term.wildcard()) {
            String pattern = term.value().toLowerCase(Locale.ROOT);
            return values.stream().flatMap(v -> words(v).stream()).anyMatch(w -> Glob.matches(pattern, w));
        }
        List<String> wanted = words(term.value());
        return !wanted.isEmpty() && values.stream().anyMatch(v -> containsRun(words(v), wanted));
    }

    private boolean matchesRange(CkanQuery.Range range, Instant now) {
        if (DATES.contains(range.field())) {
            Instant lower = range.lower() == null ? null : CkanDates.parse(range.lower(), now);
            Instant upper = range.upper() == null ? null : CkanDates.parse(range.upper(), now);
            return values(range.field()).stream().map(CkanDates::ofPackage).anyMatch(t -> {
                boolean aboveLower = lower == null || (range.includeLower() ? !t.isBefore(lower) : t.isAfter(lower));
                boolean belowUpper = upper == null || (range.includeUpper() ? !t.isAfter(upper) : t.isBefore(upper));
                return aboveLower && belowUpper;
            });
        }
        List<String> values = isText(range.field())
                ? values(range.field()).stream().flatMap(v -> words(v).stream()).toList()
                : values(range.field());
        return values.stream().anyMatch(v -> {
            int low = range.lower() == null ? 1 : v.compareTo(range.lower());
            int high = range.upper() == null ? -1 : v.compareTo(range.upper());
            return (range.includeLower() ? low >= 0 : low > 0) && (range.includeUpper() ? high <= 0 : high < 0);
        });
    }

    /**
     * A sort key of the field: the first value (an instant for dates), null when missing (sorted
     * last, as CKAN's schema sorts missing values).
     */
    Comparable<?> sortKey(String field) {
        if (field.equals("score")) {
            return -rank;
        }
        List<String> values = values(field);
        if (values.isEmpty()) {
            return null;
        }
        return DATES.contains(field) ? CkanDates.ofPackage(values.get(0)) : values.get(0);
    }

    private static boolean isText(String field) {
        return TEXTS.contains(field) || field.startsWith("extras_");
    }

    /** Lower-case words; each Han or Kana character is a word of its own, so phrases find them in running text. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            boolean single = script == Character.UnicodeScript.HAN
                    || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA;
            if (Character.isLetterOrDigit(c) && !single) {
                word.appendCodePoint(c);
                return;
            }
            if (!word.isEmpty()) {
                words.add(word.toString());
                word.setLength(0);
            }
            if (single) {
                words.add(new String(Character.toChars(c)));
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    private static boolean containsRun(List<String> words, List<String> run) {
        for (int i = 0; i + run.size() <= words.size(); i++) {
            if (words.subList(i, i + run.size()).equals(run)) {
                return true;
            }
        }
        return false;
    }

    private void put(String field, Object value) {
        if (value != null && !value.toString().isEmpty()) {
            fields.computeIfAbsent(field, f -> new ArrayList<>()).add(value.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private void each(String key, java.util.function.Consumer<Map<String, Object>> action) {
        if (pkg.get(key) instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).forEach(m -> action.accept((Map<String, Object>) m));
        }
    }

    /** Wildcard matching ({@code *} any run, {@code ?} one character, {@code \} escapes), without backtracking blow-up. */
    static final class Glob {
        private Glob() {}

        static boolean matches(String pattern, String text) {
            List<int[]> tokens = new ArrayList<>(); // {kind, char}: 0 literal, 1 '?', 2 '*'
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\\' && i + 1 < pattern.length()) {
                    tokens.add(new int[] {0, pattern.charAt(++i)});
                } else {
                    tokens.add(new int[] {c == '*' ? 2 : c == '?' ? 1 : 0, c});
                }
            }
            int p = 0;
            int t = 0;
            int star = -1;
            int mark = 0;
            while (t < text.length()) {
                if (p < tokens.size()
                        && (tokens.get(p)[0] == 1 || (tokens.get(p)[0] == 0 && tokens.get(p)[1] == text.charAt(t)))) {
                    p++;
                    t++;
                } else if (p < tokens.size() && tokens.get(p)[0] == 2) {
                    star = p++;
                    mark = t;
                } else if (star >= 0) {
                    p = star + 1;
                    t = ++mark;
                } else {
                    return false;
                }
            }
            while (p < tokens.size() && tokens.get(p)[0] == 2) {
                p++;
            }
            return p == tokens.size();
        }
    }
}
