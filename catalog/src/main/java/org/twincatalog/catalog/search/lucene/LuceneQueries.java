package org.twincatalog.catalog.search.lucene;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.twincatalog.catalog.search.Facet;
import org.twincatalog.catalog.search.SearchQuery;

/** Builds Lucene queries and sorts from a {@link SearchQuery}. */
final class LuceneQueries {
    private static final Map<String, Float> BOOSTS =
            Map.of("title", 3f, "keyword", 2f, "place", 1.5f, "description", 1f);

    private final Map<String, QueryBuilder> builders = new java.util.HashMap<>();
    private final ExtentColumns extents = new ExtentColumns(DocumentMapper.BBOX_VALUES);

    LuceneQueries() {
        for (String language : Analyzers.LANGUAGES) {
            Analyzer analyzer = Analyzers.forLanguage(language);
            builders.put(language, new QueryBuilder(analyzer));
        }
    }

    /**
     * The whole query: the text (scored; {@code textQuery}, from {@link #text}, or null for none)
     * and the filters, visibility included.
     */
    Query build(SearchQuery q, Query textQuery, Set<String> visibilityKeys) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(textQuery != null ? textQuery : new MatchAllDocsQuery(), Occur.MUST);
        // Visibility and facet values as one filter: searches repeat these combinations, so the
        // filter cache keeps their intersection as one bit set, which then leads the query (the
        // words are looked up only for documents in it, not for every document of one facet value).
        BooleanQuery.Builder kept = new BooleanQuery.Builder();
        kept.add(
                new TermInSetQuery(
                        DocumentMapper.VISIBLE,
                        visibilityKeys.stream().map(BytesRef::new).toList()),
                Occur.FILTER);
        q.filters().forEach((facet, values) -> kept.add(facetFilter(facet, values), Occur.FILTER));
        q.exclusions().forEach((facet, values) -> kept.add(facetFilter(facet, values), Occur.MUST_NOT));
        List<Query> filters = new java.util.ArrayList<>();
        filters.add(kept.build());
        if (q.ids() != null) {
            filters.add(new TermInSetQuery(
                    DocumentMapper.ID, q.ids().stream().map(BytesRef::new).toList()));
        }
        if (q.bbox() != null) {
            filters.add(bbox(q.bbox(), q.bboxRelation()));
        }
        if (q.from() != null || q.to() != null) {
            long to = q.to() == null ? Long.MAX_VALUE : q.to().toEpochDay();
            long from = q.from() == null ? Long.MIN_VALUE : q.from().toEpochDay();
            filters.add(LongPoint.newRangeQuery(DocumentMapper.START, Long.MIN_VALUE, to));
            filters.add(LongPoint.newRangeQuery(DocumentMapper.END, from, Long.MAX_VALUE));
        }
        query.add(filters.size() == 1 ? filters.get(0) : new FilterIntersection(filters), Occur.FILTER);
        return query.build();
    }

    /**
     * The text part: per language, per field, all terms of the query in that field; the best
     * field wins, titles weigh most.
     */
    Query text(String text, SearchQuery.TextMatch match) {
        if (match == SearchQuery.TextMatch.ANY_TERM) {
            BooleanQuery.Builder terms = new BooleanQuery.Builder();
            int added = 0;
            for (String term : text.split(",")) {
                if (!term.isBlank()) {
                    terms.add(text(term.trim()), Occur.SHOULD);
                    added++;
                }
            }
            return added == 0 ? new MatchNoDocsQuery("the query has no searchable words") : terms.build();
        }
        return text(text);
    }

    /**
     * The text part: per language, per field, all terms of the query in that field; the best
     * field wins, titles weigh most.
     */
    Query text(String text) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean analysed = false;
        for (String language : languagesFor(text)) {
            for (String base : Analyzers.TEXT_FIELDS) {
                Query q = builders.get(language).createBooleanQuery(Analyzers.field(base, language), text, Occur.MUST);
                if (q != null) {
                    any.add(new BoostQuery(q, BOOSTS.get(base)), Occur.SHOULD);
                    analysed = true;
                }
            }
        }
        return analysed ? any.build() : new MatchNoDocsQuery("the query has no searchable words");
    }

    /**
     * The languages whose fields can hold every word of {@code text}: all words must be in one
     * field, so words in Hangul only are looked up in Korean text (and text of other languages),
     * words with kana in Japanese, Han characters in both; any other letter (Latin above all:
     * "LOD2" or "PLATEAU" appear in Korean and Japanese titles too) in every language. Saves
     * looking up terms that cannot match in two thirds of the fields.
     */
    static List<String> languagesFor(String text) {
        boolean hangul = false;
        boolean kana = false;
        boolean han = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!Character.isLetter(c)) {
                continue;
            }
            switch (Character.UnicodeScript.of(c)) {
                case HANGUL -> hangul = true;
                case HIRAGANA, KATAKANA -> kana = true;
                case HAN -> han = true;
                default -> {
                    return Analyzers.LANGUAGES;
                }
            }
        }
        if (!hangul && !kana && !han) {
            return Analyzers.LANGUAGES;
        }
        List<String> languages = new java.util.ArrayList<>();
        for (String language : Analyzers.LANGUAGES) {
            boolean holds =
                    switch (language) {
                        case "ko" -> hangul || han;
                        case "ja" -> kana || han;
                        case "en" -> false;
                        default -> true;
                    };
            if (holds) {
                languages.add(language);
            }
        }
        return languages;
    }

    Sort sort(SearchQuery.Sort sort) {
        SortField byId = new SortField(DocumentMapper.ID_SORT, SortField.Type.STRING);
        return switch (sort) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, byId);
            case MODIFIED -> new Sort(new SortField(DocumentMapper.MODIFIED, SortField.Type.LONG, true), byId);
            case TITLE -> new Sort(new SortField(DocumentMapper.TITLE_SORT, SortField.Type.STRING), byId);
        };
    }

    private static Query facetFilter(Facet facet, Set<String> values) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(new TermQuery(new Term(DocumentMapper.filterField(facet), v)), Occur.SHOULD));
        return any.build();
    }

    /**
     * Rectangle relations as a box on the 4-d extent point: intersects is minLon <= qMaxLon,
     * minLat <= qMaxLat, maxLon >= qMinLon, maxLat >= qMinLat; within bounds all four by the
     * query box. Lucene evaluates it on the point tree or, when the rest of the query is
     * selective, on doc values per candidate ({@link ExtentQuery}).
     */
    Query bbox(List<Double> b, SearchQuery.BboxRelation relation) {
        double inf = Double.POSITIVE_INFINITY;
        double[] lower;
        double[] upper;
        if (relation == SearchQuery.BboxRelation.WITHIN) {
            lower = new double[] {b.get(0), b.get(1), b.get(0), b.get(1)};
            upper = new double[] {b.get(2), b.get(3), b.get(2), b.get(3)};
        } else {
            lower = new double[] {-inf, -inf, b.get(0), b.get(1)};
            upper = new double[] {b.get(2), b.get(3), inf, inf};
        }
        return ExtentQuery.between(extents, DocumentMapper.BBOX, DocumentMapper.BBOX_VALUES, lower, upper);
    }
}
