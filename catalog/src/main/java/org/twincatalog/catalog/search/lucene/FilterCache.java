package org.twincatalog.catalog.search.lucene;

import java.util.Arrays;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SearcherFactory;

/**
 * Keeps the filters of searches (facet values, the caller's visibility keys, map extents) as
 * per-segment bit sets, as Solr's filter cache and Elasticsearch's node query cache do: a search
 * then checks a bit per candidate instead of advancing a postings list or reading doc values.
 *
 * <p>Lucene's default policy never caches a single term (its postings are already fast to
 * iterate) and skips a filter that matches 10 times more documents than the query's lead. Both
 * are right for one search and wrong for a catalog's: a handful of facet values and visibility
 * key sets come back in almost every search, so each is cached on its second use whatever it
 * leads to. Extents are cached on their second use too (a city's or a region's box is asked
 * again and again; a box from panning a map is seldom, and falls out of the LRU).
 */
final class FilterCache {
    /** At most this many cached filters... */
    private static final int MAX_FILTERS = 2_000;
    /** ...in at most this many bytes of bit sets (125 KB per filter per million documents). */
    private static final long MAX_BYTES = 64L * 1024 * 1024;
    /** Segments smaller than this are fast enough without a cache. */
    private static final int MIN_SEGMENT_DOCS = 10_000;

    private final LRUQueryCache cache = new LRUQueryCache(
            MAX_FILTERS, MAX_BYTES, leaf -> leaf.reader().maxDoc() >= MIN_SEGMENT_DOCS, Float.POSITIVE_INFINITY);
    private final QueryCachingPolicy policy = new SecondUse();

    /** Makes searchers that share this cache. */
    SearcherFactory searcherFactory() {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setQueryCache(cache);
                searcher.setQueryCachingPolicy(policy);
                return searcher;
            }
        };
    }

    /** Caches filters of the kinds that searches repeat, from their second use on. */
    private static final class SecondUse implements QueryCachingPolicy {
        private final int[] recent = new int[512];
        private int next;

        @Override
        public void onUse(Query query) {
            if (!isFilter(query)) {
                return;
            }
            synchronized (recent) {
                recent[next] = query.hashCode();
                next = (next + 1) % recent.length;
            }
        }

        @Override
        public boolean shouldCache(Query query) {
            if (!isFilter(query)) {
                return false;
            }
            int hash = query.hashCode();
            int seen;
            synchronized (recent) {
                seen = (int)
                        Arrays.stream(recent).filter(h -> h == hash).limit(2).count();
            }
            return seen >= 2;
        }

        /** Extents, and queries on facet values, visibility keys or ids only (no text). */
        private static boolean isFilter(Query query) {
            if (query instanceof ExtentQuery) {
                return true;
            }
            boolean[] filterFieldsOnly = {true, false};
            query.visit(new QueryVisitor() {
                @Override
                public boolean acceptField(String field) {
                    filterFieldsOnly[1] = true;
                    filterFieldsOnly[0] &= field.startsWith(DocumentMapper.FILTER_PREFIX)
                            || field.equals(DocumentMapper.VISIBLE)
                            || field.equals(DocumentMapper.ID);
                    return false;
                }
            });
            return filterFieldsOnly[0] && filterFieldsOnly[1];
        }
    }
}
