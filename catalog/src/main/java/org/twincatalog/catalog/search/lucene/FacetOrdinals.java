package org.twincatalog.catalog.search.lucene;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.facet.FacetsCollector.MatchingDocs;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.LongValues;

/**
 * Counts the facet values of a search's hits from each segment's facet ordinals held on the heap,
 * read once from the segment's doc values and dropped when the segment closes.
 *
 * <p>Lucene's {@code SortedSetDocValuesFacetCounts} reads the ordinals of every hit through the
 * memory-mapped doc values (an address, then packed ordinals): about a fifth of a search's time at
 * 1M records, for ~2 600 hits of ~12 values each. From arrays, the same counting is a few array
 * reads per hit. Costs 4 bytes per document plus 2 per value (4 when a segment has more than
 * 65 536 distinct values): about 28 MB per million records of the benchmark's catalog.
 */
final class FacetOrdinals {
    private static final Segment NONE = new Segment(new int[0], new char[0], null, 0);

    private final SegmentHeap<Segment> bySegment;

    /** Counts the facet values of the doc values field {@code field} ({@code $facets} by default). */
    FacetOrdinals(String field) {
        this.bySegment = new SegmentHeap<>(segment -> load(segment, field), NONE);
    }

    /** One segment's ordinals: those of document d at {@code starts[d] .. starts[d + 1] - 1}. */
    private record Segment(int[] starts, char[] narrow, int[] wide, int valueCount) {
        void countInto(int[] counts, DocIdSetIterator hits) throws IOException {
            for (int d = hits.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = hits.nextDoc()) {
                int end = starts[d + 1];
                if (narrow != null) {
                    for (int i = starts[d]; i < end; i++) {
                        counts[narrow[i]]++;
                    }
                } else {
                    for (int i = starts[d]; i < end; i++) {
                        counts[wide[i]]++;
                    }
                }
            }
        }
    }

    /**
     * Hits per ordinal of {@code state}'s field (the reader's global ordinals), from the matching
     * documents of each segment.
     */
    int[] count(SortedSetDocValuesReaderState state, List<MatchingDocs> matching) throws IOException {
        int[] counts = new int[state.getSize()];
        OrdinalMap toGlobal =
                state.getDocValues() instanceof MultiDocValues.MultiSortedSetDocValues multi ? multi.mapping : null;
        for (MatchingDocs hits : matching) {
            if (hits.totalHits == 0 || hits.bits == null) {
                continue;
            }
            Segment segment = bySegment.of(hits.context.reader());
            DocIdSetIterator docs = hits.bits.iterator();
            if (segment == NONE || docs == null) {
                continue;
            }
            if (toGlobal == null) {
                segment.countInto(counts, docs);
            } else {
                int[] local = new int[segment.valueCount()];
                segment.countInto(local, docs);
                LongValues global = toGlobal.getGlobalOrds(hits.context.ord);
                for (int ord = 0; ord < local.length; ord++) {
                    if (local[ord] != 0) {
                        counts[(int) global.get(ord)] += local[ord];
                    }
                }
            }
        }
        return counts;
    }

    /** Segments whose ordinals are on the heap (tests). */
    int segments() {
        return bySegment.segments();
    }

    private static Segment load(LeafReader reader, String field) throws IOException {
        if (reader.getFieldInfos().fieldInfo(field) == null) {
            return null;
        }
        SortedSetDocValues values = DocValues.getSortedSet(reader, field);
        int[] starts = new int[reader.maxDoc() + 1];
        int[] ords = new int[Math.max(16, reader.maxDoc())];
        int size = 0;
        int next = 0; // the next document whose start is not set yet
        for (int d = values.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = values.nextDoc()) {
            while (next <= d) {
                starts[next++] = size;
            }
            for (int i = 0; i < values.docValueCount(); i++) {
                if (size == ords.length) {
                    ords = Arrays.copyOf(ords, size + (size >> 1));
                }
                ords[size++] = (int) values.nextOrd();
            }
        }
        while (next <= reader.maxDoc()) {
            starts[next++] = size;
        }
        int valueCount = (int) values.getValueCount();
        if (valueCount > Character.MAX_VALUE + 1) {
            return new Segment(starts, null, Arrays.copyOf(ords, size), valueCount);
        }
        char[] narrow = new char[size]; // half the memory while the ordinals fit in 16 bits
        for (int i = 0; i < size; i++) {
            narrow[i] = (char) ords[i];
        }
        return new Segment(starts, narrow, null, valueCount);
    }
}
