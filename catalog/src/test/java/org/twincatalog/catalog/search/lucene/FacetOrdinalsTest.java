package org.twincatalog.catalog.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Facet counts from the ordinals on the heap are Lucene's own counts: the same values, counts and
 * order (most hits first, ties by label), with several segments, deleted documents, documents
 * without a facet, multi-valued facets and a limit that cuts ties.
 */
class FacetOrdinalsTest {
    private static final List<String> DIMS = List.of("publisher", "lod", "featureType", "rare");

    @Test
    void countsFromTheHeap_equalLucenesCounts_acrossSegments_withDeletions() throws IOException {
        Random random = new Random(3);
        FacetsConfig config = new FacetsConfig();
        DIMS.forEach(dim -> config.setMultiValued(dim, true));
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
            try (IndexWriter writer =
                    new IndexWriter(directory, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
                for (int i = 0; i < 6_000; i++) {
                    Document doc = new Document();
                    doc.add(new StringField("id", Integer.toString(i), Field.Store.NO));
                    doc.add(new StringField("group", "g" + (i % 5), Field.Store.NO));
                    if (i % 13 != 0) { // some documents without any facet
                        doc.add(new SortedSetDocValuesFacetField("publisher", "city-" + random.nextInt(40)));
                        doc.add(new SortedSetDocValuesFacetField("lod", Integer.toString(random.nextInt(4))));
                        if (random.nextBoolean()) {
                            doc.add(new SortedSetDocValuesFacetField("lod", "4"));
                        }
                        doc.add(new SortedSetDocValuesFacetField(
                                "featureType", random.nextBoolean() ? "bldg" : "tran"));
                    }
                    if (i % 997 == 0) {
                        doc.add(new SortedSetDocValuesFacetField("rare", "only-" + i));
                    }
                    writer.addDocument(config.build(doc));
                    if (i % 1_700 == 1_699) {
                        writer.commit(); // four segments
                    }
                }
                for (int i = 0; i < 6_000; i += 7) {
                    writer.deleteDocuments(new Term("id", Integer.toString(i)));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(reader.leaves()).hasSizeGreaterThan(1);
                IndexSearcher searcher = new IndexSearcher(reader);
                SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, config);
                FacetOrdinals ordinals = new FacetOrdinals(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
                int compared = 0;
                for (Query query : List.of(
                        new MatchAllDocsQuery(),
                        new TermQuery(new Term("group", "g2")),
                        new TermQuery(new Term("id", "1994")),
                        new TermQuery(new Term("group", "none")))) {
                    FacetsCollector hits = FacetsCollectorManager.search(
                                    searcher, query, 10, new FacetsCollectorManager())
                            .facetsCollector();
                    SortedSetDocValuesFacetCounts lucene = new SortedSetDocValuesFacetCounts(state, hits);
                    int[] counts = ordinals.count(state, hits.getMatchingDocs());
                    for (String dim : DIMS) {
                        for (int limit : new int[] {50, 3}) {
                            Map<String, Long> expected = new LinkedHashMap<>();
                            FacetResult result = lucene.getTopChildren(limit, dim);
                            if (result != null) {
                                for (LabelAndValue lv : result.labelValues) {
                                    expected.put(lv.label, lv.value.longValue());
                                }
                            }
                            assertThat(fromHeap(state, counts, dim, limit))
                                    .as(query + " " + dim + " top " + limit)
                                    .containsExactlyEntriesOf(expected);
                            compared += expected.size();
                        }
                    }
                }
                assertThat(compared).isGreaterThan(100);
                assertThat(ordinals.segments()).isEqualTo(reader.leaves().size());
            }
        }
    }

    private static Map<String, Long> fromHeap(SortedSetDocValuesReaderState state, int[] counts, String dim, int limit)
            throws IOException {
        Map<String, Long> values = new LinkedHashMap<>();
        SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
        var labels = state.getDocValues();
        for (int ord : LuceneDatasetIndex.topOrdinals(counts, range.start, range.end, limit)) {
            values.put(FacetsConfig.stringToPath(labels.lookupOrd(ord).utf8ToString())[1], (long) counts[ord]);
        }
        return values;
    }
}
