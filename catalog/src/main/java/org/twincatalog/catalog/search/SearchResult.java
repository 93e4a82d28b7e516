package org.twincatalog.catalog.search;

import java.util.List;
import java.util.Map;

/**
 * One page of search results. Totals and facet counts include only what the caller may see.
 *
 * @param hits the hits of this page, best first (or in the requested order)
 * @param total how many datasets match in all
 * @param facets counts by facet and value, over all matching datasets
 * @param next the cursor of the next page, null on the last
 */
public record SearchResult(List<Hit> hits, long total, Map<Facet, Map<String, Long>> facets, String next) {

    /**
     * One matching dataset.
     *
     * @param id the dataset id
     * @param score the relevance score (0 when not sorted by relevance)
     * @param title the title by language
     * @param publisher the publisher organization id
     * @param highlights matching fragments by field (e.g. {@code title.ko}), with matches marked
     *     {@code <em>…</em>}
     */
    public record Hit(
            String id,
            float score,
            Map<String, String> title,
            String publisher,
            Map<String, List<String>> highlights) {}
}
