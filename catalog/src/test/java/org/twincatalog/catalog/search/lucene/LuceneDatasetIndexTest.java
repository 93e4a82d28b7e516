package org.twincatalog.catalog.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.twincatalog.catalog.search.SearchFixtures.MINISTRY_ANALYST;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twincatalog.catalog.search.DatasetIndex;
import org.twincatalog.catalog.search.DatasetIndexContractTest;
import org.twincatalog.catalog.search.IndexedDataset;
import org.twincatalog.catalog.search.SearchFixtures;
import org.twincatalog.catalog.search.SearchResult;

/** The embedded Lucene index keeps the {@link DatasetIndexContractTest contract}, and survives reopening on disk. */
class LuceneDatasetIndexTest extends DatasetIndexContractTest {

    @Override
    protected DatasetIndex newIndex() {
        return LuceneDatasetIndex.inMemory();
    }

    @Test
    void onDisk_theIndexAndItsSequence_surviveAReopen(@TempDir Path dir) {
        try (LuceneDatasetIndex disk = LuceneDatasetIndex.open(dir)) {
            disk.apply(SearchFixtures.datasets(), List.of(), 42);
        }
        try (LuceneDatasetIndex reopened = LuceneDatasetIndex.open(dir)) {
            assertThat(reopened.appliedSequence()).isEqualTo(42);
            assertThat(reopened.search(all(), MINISTRY_ANALYST, Set.of()).total())
                    .isEqualTo(7);
            reopened.clear();
            assertThat(reopened.appliedSequence()).isZero();
            assertThat(reopened.search(all(), MINISTRY_ANALYST, Set.of()).total())
                    .isZero();
        }
    }

    @Test
    void compact_mergesBatchesIntoOneSegment_keepingEveryDocumentAndTheSequence(@TempDir Path dir) {
        List<IndexedDataset> datasets = SearchFixtures.datasets();
        try (LuceneDatasetIndex disk = LuceneDatasetIndex.open(dir)) {
            for (int i = 0; i < datasets.size(); i++) {
                disk.apply(List.of(datasets.get(i)), List.of(), i + 1); // one segment per batch
            }
            SearchResult before = disk.search(all(), MINISTRY_ANALYST, Set.of());
            assertThat(disk.segments()).isGreaterThan(1);

            disk.compact();

            assertThat(disk.segments()).isOne();
            SearchResult after = disk.search(all(), MINISTRY_ANALYST, Set.of());
            assertThat(ids(after)).isEqualTo(ids(before));
            assertThat(after.facets()).isEqualTo(before.facets());
            assertThat(disk.appliedSequence()).isEqualTo(datasets.size());
        }
        try (LuceneDatasetIndex reopened = LuceneDatasetIndex.open(dir)) {
            assertThat(reopened.segments()).isOne();
            assertThat(reopened.appliedSequence()).isEqualTo(datasets.size());
            assertThat(reopened.search(all(), MINISTRY_ANALYST, Set.of()).total())
                    .isEqualTo(7);
        }
    }

    @Test
    void bindTo_anotherChangeLog_emptiesTheIndex_andTheSameLogKeepsIt(@TempDir Path dir) {
        try (LuceneDatasetIndex disk = LuceneDatasetIndex.open(dir)) {
            assertThat(disk.bindTo("log-a")).isFalse();
            disk.apply(SearchFixtures.datasets(), List.of(), 8);
        }
        try (LuceneDatasetIndex reopened = LuceneDatasetIndex.open(dir)) {
            assertThat(reopened.bindTo("log-a")).isFalse();
            assertThat(reopened.appliedSequence()).isEqualTo(8);
            assertThat(reopened.bindTo("log-b")).isTrue();
            assertThat(reopened.appliedSequence()).isZero();
            assertThat(reopened.search(all(), MINISTRY_ANALYST, Set.of()).total())
                    .isZero();
        }
    }

    @Test
    void open_anIndexInAnotherDocumentOrder_recreatesItEmpty_andBindToSaysSo(@TempDir Path dir) throws Exception {
        try (var directory = org.apache.lucene.store.FSDirectory.open(dir);
                var unsorted = new org.apache.lucene.index.IndexWriter(
                        directory, new org.apache.lucene.index.IndexWriterConfig())) {
            unsorted.addDocument(new org.apache.lucene.document.Document());
            unsorted.setLiveCommitData(Map.of("tc.sequence", "8", "tc.log", "log-a", "tc.layout", "4")
                    .entrySet());
            unsorted.commit();
        }
        try (LuceneDatasetIndex reopened = LuceneDatasetIndex.open(dir)) {
            assertThat(reopened.appliedSequence()).isZero();
            assertThat(reopened.segments()).isZero();
            assertThat(reopened.bindTo("log-a")).as("emptied, so rebuilt").isTrue();
            reopened.apply(SearchFixtures.datasets(), List.of(), 3);
        }
        try (LuceneDatasetIndex again = LuceneDatasetIndex.open(dir)) {
            assertThat(again.bindTo("log-a"))
                    .as("now in the current order and layout")
                    .isFalse();
            assertThat(again.appliedSequence()).isEqualTo(3);
        }
    }

    @Test
    void bindTo_anIndexWrittenWithAnOlderLayout_emptiesIt_soThatItIsRebuilt(@TempDir Path dir) throws Exception {
        try (var directory = org.apache.lucene.store.FSDirectory.open(dir);
                var older = new org.apache.lucene.index.IndexWriter(
                        directory,
                        new org.apache.lucene.index.IndexWriterConfig()
                                .setIndexSort(new org.apache.lucene.search.Sort(new org.apache.lucene.search.SortField(
                                        DocumentMapper.SPATIAL_ORDER,
                                        org.apache.lucene.search.SortField.Type.LONG))))) {
            older.addDocument(new org.apache.lucene.document.Document());
            older.setLiveCommitData(
                    Map.of("tc.sequence", "8", "tc.log", "log-a").entrySet());
            older.commit();
        }
        try (LuceneDatasetIndex reopened = LuceneDatasetIndex.open(dir)) {
            assertThat(reopened.appliedSequence()).isEqualTo(8);
            assertThat(reopened.bindTo("log-a")).isTrue();
            assertThat(reopened.appliedSequence()).isZero();
        }
        try (LuceneDatasetIndex rebuilt = LuceneDatasetIndex.open(dir)) {
            assertThat(rebuilt.bindTo("log-a")).as("the layout is now current").isFalse();
        }
    }
}
