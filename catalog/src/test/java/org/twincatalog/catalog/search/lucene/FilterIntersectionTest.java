package org.twincatalog.catalog.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.twincatalog.catalog.search.SearchQuery.BboxRelation;

/**
 * The filters as one intersection match exactly what the same filters match as separate clauses
 * of a conjunction, whichever way the intersection is computed: collected into a bit set (no
 * cheaper lead), checked per candidate of a much cheaper lead, and from cached bit sets; across
 * segments and with deleted documents; compared with a brute-force scan.
 */
class FilterIntersectionTest {
    private static final int DOCUMENTS = 30_000;
    private static final Random RANDOM = new Random(7);
    private static final List<double[]> EXTENTS = new ArrayList<>();
    private static ByteBuffersDirectory directory;
    private static DirectoryReader reader;

    @BeforeAll
    static void index() throws IOException {
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            for (int i = 0; i < DOCUMENTS; i++) {
                double lon = 124 + RANDOM.nextDouble() * 10;
                double lat = 33 + RANDOM.nextDouble() * 6;
                double[] extent = {lon, lat, lon + RANDOM.nextDouble() * 0.5, lat + RANDOM.nextDouble() * 0.5};
                EXTENTS.add(extent);
                Document doc = new Document();
                doc.add(new StringField(DocumentMapper.ID, Integer.toString(i), Field.Store.YES));
                doc.add(new StringField("f.kind", "k" + (i % 3), Field.Store.NO));
                doc.add(new StringField("f.level", "l" + (i % 4), Field.Store.NO));
                if (i % 500 == 0) {
                    doc.add(new StringField("rare", "yes", Field.Store.NO));
                }
                if (i % 11 != 0) { // some documents without an extent
                    doc.add(new DoublePoint(DocumentMapper.BBOX, extent));
                    doc.add(ExtentValuesQuery.field(DocumentMapper.BBOX_VALUES, extent));
                }
                doc.add(new LongPoint("year", 2000 + i % 20));
                writer.addDocument(doc);
                if (i == 20_000) {
                    writer.commit(); // two segments: 20 001 and 9 999 documents
                }
            }
            writer.deleteDocuments(new Term(DocumentMapper.ID, "3"), new Term(DocumentMapper.ID, "29997"));
        }
        reader = DirectoryReader.open(directory);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    @Test
    void anIntersection_matchesTheConjunctionOfItsFilters_collected_perCandidate_andCached() throws IOException {
        IndexSearcher plain = new IndexSearcher(reader);
        plain.setQueryCache(null);
        IndexSearcher cached = new FilterCache().searcherFactory().newSearcher(reader, null);
        LuceneQueries queries = new LuceneQueries();
        int compared = 0;
        for (int q = 0; q < 30; q++) {
            double lon = 124 + RANDOM.nextDouble() * 9;
            double lat = 33 + RANDOM.nextDouble() * 5;
            List<Double> box =
                    List.of(lon, lat, lon + 0.5 + RANDOM.nextDouble() * 3, lat + 0.5 + RANDOM.nextDouble() * 2);
            BboxRelation relation = q % 2 == 0 ? BboxRelation.INTERSECTS : BboxRelation.WITHIN;
            int kind = q % 3;
            int level = q % 4;
            long fromYear = 2000 + q % 10;
            List<Query> filters = List.of(
                    new BooleanQuery.Builder()
                            .add(new TermQuery(new Term("f.kind", "k" + kind)), Occur.FILTER)
                            .add(new TermQuery(new Term("f.level", "l" + level)), Occur.MUST_NOT)
                            .build(),
                    queries.bbox(box, relation),
                    LongPoint.newRangeQuery("year", fromYear, Long.MAX_VALUE));
            IntPredicate filtered = i -> i % 3 == kind
                    && i % 4 != level
                    && i % 11 != 0
                    && 2000 + i % 20 >= fromYear
                    && IndexProbe.inBox(EXTENTS.get(i), box, relation)
                    && i != 3
                    && i != 29997;
            Set<Integer> expected = bruteForce(filtered);
            Set<Integer> expectedRare = bruteForce(i -> i % 500 == 0 && filtered.test(i));

            assertThat(IndexProbe.ids(plain, lead(new MatchAllDocsQuery(), filters, false)))
                    .as("separate clauses")
                    .isEqualTo(expected);
            assertThat(IndexProbe.ids(plain, lead(new MatchAllDocsQuery(), filters, true)))
                    .as("collected: nothing cheaper leads")
                    .isEqualTo(expected);
            assertThat(IndexProbe.ids(plain, lead(new TermQuery(new Term("rare", "yes")), filters, true)))
                    .as("per candidate of a rare lead")
                    .isEqualTo(expectedRare);
            for (int use = 0; use < 3; use++) {
                assertThat(IndexProbe.ids(cached, lead(new MatchAllDocsQuery(), filters, true)))
                        .as("with the filter cache, use " + use)
                        .isEqualTo(expected);
                assertThat(IndexProbe.ids(cached, lead(new TermQuery(new Term("rare", "yes")), filters, true)))
                        .as("with the filter cache behind a rare lead, use " + use)
                        .isEqualTo(expectedRare);
            }
            compared += expected.size();
        }
        assertThat(compared).as("the filters matched something").isGreaterThan(5_000);
    }

    @Test
    void aFilterWithoutMatches_emptiesTheIntersection() throws IOException {
        IndexSearcher searcher = new IndexSearcher(reader);
        Query none = new TermQuery(new Term("f.kind", "absent"));
        Query query = lead(new MatchAllDocsQuery(), List.of(new TermQuery(new Term("f.kind", "k1")), none), true);

        assertThat(searcher.count(query)).isZero();
    }

    @Test
    void anIntersectionOfNothing_isRefused() {
        assertThatThrownBy(() -> new FilterIntersection(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static Query lead(Query lead, List<Query> filters, boolean intersected) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(lead, Occur.MUST);
        if (intersected) {
            query.add(new FilterIntersection(filters), Occur.FILTER);
        } else {
            filters.forEach(f -> query.add(f, Occur.FILTER));
        }
        return query.build();
    }

    private static Set<Integer> bruteForce(IntPredicate matches) {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            if (matches.test(i)) {
                ids.add(i);
            }
        }
        return ids;
    }
}
