package org.twincatalog.catalog.search;

import java.util.Set;
import org.twincatalog.access.Caller;

/**
 * Extension point: the search index over published datasets, a projection of the change log.
 *
 * <p>The default implementation is an embedded Lucene index on disk
 * ({@link org.twincatalog.catalog.search.lucene.LuceneDatasetIndex}); a cluster (OpenSearch) can
 * replace it when one machine is not enough. Implementations must:
 *
 * <ul>
 *   <li>apply visibility inside the query, so that hits, totals, facet counts and highlights
 *       never include a dataset the caller may not see;
 *   <li>remember the last change-log sequence they applied ({@link #appliedSequence()}) durably,
 *       together with the documents, so that a restart or a crash resumes without loss.
 * </ul>
 */
public interface DatasetIndex extends AutoCloseable {

    /**
     * Adds or replaces datasets and removes others, then records {@code sequence} as applied, all
     * or nothing. When one id comes several times, its last upsert counts, and a removal wins over
     * upserts (withdrawal is final).
     *
     * @param upserts datasets to add or replace (by id)
     * @param removals ids of datasets to remove (withdrawn ones)
     * @param sequence the change-log sequence these changes bring the index up to
     */
    void apply(Iterable<IndexedDataset> upserts, Iterable<String> removals, long sequence);

    /**
     * Binds the index to the change log it projects. An index built from another log, or with
     * another document layout, is emptied (applied sequence 0), so that the projector rebuilds it.
     *
     * @return whether the index had to be emptied
     */
    boolean bindTo(String logIdentity);

    /** The last change-log sequence applied; 0 for an empty index. */
    long appliedSequence();

    /**
     * Searches as {@code caller}.
     *
     * @param grantedDatasets ids of restricted datasets the caller's organization holds an active
     *     agreement for; empty, never null
     */
    SearchResult search(SearchQuery query, Caller caller, Set<String> grantedDatasets);

    /**
     * The extent of the datasets {@code caller} may see (as {@link #search} decides visibility):
     * {@link Extent#NONE} when it sees none.
     */
    Extent extent(Caller caller, Set<String> grantedDatasets);

    /**
     * Reorganizes the index for searching after a bulk load (a rebuild, a large harvest): for
     * Lucene, merges it into one segment, as one does with an index that is mostly read. Searches
     * continue on the previous state meanwhile; changes may be applied concurrently.
     */
    void compact();

    /** Removes every document and resets the applied sequence to 0 (before a rebuild). */
    void clear();

    @Override
    void close();
}
