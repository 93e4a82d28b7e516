package org.twincatalog.catalog.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

/**
 * Values derived from a segment's doc values and held on the heap, computed once per segment
 * when first asked for and dropped when the segment closes, as Lucene's field cache did. Keyed by
 * the segment's core, so that deletions (new live docs) keep them.
 *
 * @param <T> what is kept per segment
 */
final class SegmentHeap<T> {
    /** Reads a segment's value; may answer null (nothing to keep for that segment). */
    @FunctionalInterface
    interface Loader<T> {
        T load(LeafReader segment) throws IOException;
    }

    private final Map<IndexReader.CacheKey, T> bySegment = new ConcurrentHashMap<>();
    private final Loader<T> loader;
    /** Kept for a segment that the loader answers null for. */
    private final T none;

    SegmentHeap(Loader<T> loader, T none) {
        this.loader = loader;
        this.none = none;
    }

    /** The segment's value: loaded once (or every time for a reader without a core key). */
    T of(LeafReader segment) throws IOException {
        IndexReader.CacheHelper core = segment.getCoreCacheHelper();
        if (core == null) {
            T loaded = loader.load(segment);
            return loaded == null ? none : loaded;
        }
        T known = bySegment.get(core.getKey());
        if (known != null) {
            return known;
        }
        try {
            return bySegment.computeIfAbsent(core.getKey(), key -> {
                try {
                    core.addClosedListener(bySegment::remove);
                    T loaded = loader.load(segment);
                    return loaded == null ? none : loaded;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Segments whose values are held (tests). */
    int segments() {
        return bySegment.size();
    }
}
