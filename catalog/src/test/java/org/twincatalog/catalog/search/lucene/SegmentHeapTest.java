package org.twincatalog.catalog.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** Values on the heap are loaded once per segment, survive deletions, and go with their segment. */
class SegmentHeapTest {
    @Test
    void aSegmentsValue_isLoadedOnce_keptAcrossDeletions_andDroppedWhenTheSegmentCloses() throws IOException {
        AtomicInteger loads = new AtomicInteger();
        SegmentHeap<Integer> heap = new SegmentHeap<>(
                segment -> {
                    loads.incrementAndGet();
                    return segment.maxDoc();
                },
                -1);
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer =
                        new IndexWriter(directory, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            add(writer, "a", "b", "c");
            writer.commit();
            DirectoryReader first = DirectoryReader.open(writer);
            LeafReader segment = first.leaves().get(0).reader();

            assertThat(heap.of(segment)).isEqualTo(3);
            assertThat(heap.of(segment)).isEqualTo(3);
            assertThat(loads).hasValue(1);

            writer.deleteDocuments(new Term("id", "b"));
            add(writer, "d");
            DirectoryReader second = DirectoryReader.openIfChanged(first, writer);
            first.close();
            for (var leaf : second.leaves()) {
                heap.of(leaf.reader());
            }
            assertThat(loads)
                    .as("the old segment's value kept, the new one's loaded")
                    .hasValue(2);
            assertThat(heap.segments()).isEqualTo(2);

            writer.getConfig().setMergePolicy(new TieredMergePolicy());
            writer.forceMerge(1);
            writer.commit();
            DirectoryReader merged = DirectoryReader.openIfChanged(second, writer);
            second.close();
            assertThat(heap.segments()).as("closed segments are dropped").isZero();
            assertThat(heap.of(merged.leaves().get(0).reader())).isEqualTo(3);
            merged.close();
            writer.close(); // the writer pools the segments its readers were opened from
            assertThat(heap.segments()).isZero();
        }
    }

    @Test
    void aSegmentWithoutValue_getsTheNoneValue() throws IOException {
        SegmentHeap<String> heap = new SegmentHeap<>(segment -> null, "none");
        try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
            add(writer, "a");
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                assertThat(heap.of(reader.leaves().get(0).reader())).isEqualTo("none");
            }
        }
    }

    private static void add(IndexWriter writer, String... ids) throws IOException {
        for (String id : ids) {
            Document doc = new Document();
            doc.add(new StringField("id", id, Field.Store.NO));
            writer.addDocument(doc);
        }
    }
}
