package org.twincatalog.catalog.search.lucene;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.Query;
import org.twincatalog.catalog.search.SearchQuery;
import org.twincatalog.catalog.search.SearchResult;

/**
 * The results of recent searches on one reader of the index, as Solr's query result cache keeps
 * them: the same search on the same reader (same words, filters, visibility keys, sort, page)
 * has the same answer. A new reader (after every applied batch) starts an empty cache, so an
 * answer never outlives the index state it was computed on; visibility is part of the Lucene
 * query, so callers who see different things never share an entry.
 */
final class ResultCache {
    private static final int MAX_RESULTS = 512;

    /** Everything a result depends on besides the reader. */
    record Key(Query query, SearchQuery.Sort sort, String cursor, int limit, String text) {}

    private final IndexReader reader;
    private final Map<Key, SearchResult> results = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, SearchResult> eldest) {
            return size() > MAX_RESULTS;
        }
    };

    ResultCache(IndexReader reader) {
        this.reader = reader;
    }

    boolean isFor(IndexReader other) {
        return reader == other;
    }

    synchronized SearchResult get(Key key) {
        return results.get(key);
    }

    synchronized void put(Key key, SearchResult result) {
        results.put(key, result);
    }
}
