package org.twincatalog.catalog.record;

import java.util.List;

/**
 * One page of records.
 *
 * @param items the records of this page
 * @param total how many records match in all
 * @param next the cursor of the next page, {@code null} on the last page
 */
public record Page<T>(List<T> items, long total, String next) {}
