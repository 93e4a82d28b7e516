package org.twincatalog.catalog.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.twincatalog.catalog.search.SearchQuery.BboxRelation;

/**
 * The bounding-box filter answers the same documents whichever way it runs: on the point tree
 * (alone, or leading), on doc values per candidate (behind a selective clause), and from the
 * filter cache (from a filter's second use on); checked against a brute-force scan.
 */
class ExtentQueryTest {
    private static final int DOCUMENTS = 12_000; // one segment above the filter cache's minimum
    private static final Random RANDOM = new Random(42);
    private static final List<double[]> EXTENTS = new ArrayList<>();
    private static ByteBuffersDirectory directory;
    private static DirectoryReader reader;

    @BeforeAll
    static void index() throws IOException {
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                double lon = 124 + RANDOM.nextDouble() * 10;
                double lat = 33 + RANDOM.nextDouble() * 6;
                double[] extent = {lon, lat, lon + RANDOM.nextDouble() * 0.8, lat + RANDOM.nextDouble() * 0.6};
                if (i % 97 == 0) {
                    extent = new double[] {lon, lat, lon, lat}; // a point
                }
                EXTENTS.add(extent);
                Document doc = new Document();
                doc.add(new StringField(DocumentMapper.ID, Integer.toString(i), Field.Store.YES));
                doc.add(new StringField("every", "yes", Field.Store.NO));
                if (i % 50 == 0) {
                    doc.add(new StringField("few", "yes", Field.Store.NO));
                }
                doc.add(new DoublePoint(DocumentMapper.BBOX, extent));
                doc.add(ExtentValuesQuery.field(DocumentMapper.BBOX_VALUES, extent));
                docs.add(doc);
            }
            writer.addDocuments(docs);
            writer.forceMerge(1);
        }
        reader = DirectoryReader.open(directory);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
    }

    @Test
    void intersectsAndWithin_matchTheBruteForceAnswer_onTheTree_onDocValues_andFromTheCache() throws IOException {
        IndexSearcher plain = new IndexSearcher(reader);
        plain.setQueryCache(null);
        IndexSearcher cached = new FilterCache().searcherFactory().newSearcher(reader, null);
        int compared = 0;
        for (int q = 0; q < 40; q++) {
            double lon = 123 + RANDOM.nextDouble() * 11;
            double lat = 32 + RANDOM.nextDouble() * 7;
            List<Double> box = List.of(lon, lat, lon + RANDOM.nextDouble() * 3, lat + RANDOM.nextDouble() * 2);
            if (q == 0) {
                box = List.of(EXTENTS.get(0)[0], EXTENTS.get(0)[1], EXTENTS.get(0)[2], EXTENTS.get(0)[3]);
            }
            for (BboxRelation relation : BboxRelation.values()) {
                Query bbox = new LuceneQueries().bbox(box, relation);
                Set<Integer> expected = bruteForce(box, relation, i -> true);
                Set<Integer> expectedFew = bruteForce(box, relation, i -> i % 50 == 0);

                assertThat(IndexProbe.ids(plain, bbox)).as("tree, alone").isEqualTo(expected);
                assertThat(IndexProbe.ids(plain, and("every", bbox)))
                        .as("behind a broad clause")
                        .isEqualTo(expected);
                assertThat(IndexProbe.ids(plain, and("few", bbox)))
                        .as("doc values behind a selective clause")
                        .isEqualTo(expectedFew);
                for (int use = 0; use < 3; use++) {
                    assertThat(IndexProbe.ids(cached, and("few", bbox)))
                            .as("cached filter, use " + use)
                            .isEqualTo(expectedFew);
                }
                compared += expected.size();
            }
        }
        assertThat(compared).as("the boxes matched something").isGreaterThan(1_000);
    }

    @Test
    void aBoxEqualToAnExtent_intersectsAndContainsIt_edgesIncluded() throws IOException {
        double[] e = EXTENTS.get(0);
        IndexSearcher searcher = new IndexSearcher(reader);
        for (BboxRelation relation : BboxRelation.values()) {
            assertThat(IndexProbe.ids(
                            searcher, and("few", new LuceneQueries().bbox(List.of(e[0], e[1], e[2], e[3]), relation))))
                    .as(relation.name())
                    .contains(0);
        }
    }

    private static Query and(String field, Query bbox) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(new Term(field, "yes")), Occur.MUST)
                .add(bbox, Occur.FILTER)
                .build();
    }

    private static Set<Integer> bruteForce(
            List<Double> b, BboxRelation relation, java.util.function.IntPredicate selected) {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < EXTENTS.size(); i++) {
            double[] e = EXTENTS.get(i);
            if (IndexProbe.inBox(e, b, relation) && selected.test(i)) {
                ids.add(i);
            }
        }
        return ids;
    }
}
