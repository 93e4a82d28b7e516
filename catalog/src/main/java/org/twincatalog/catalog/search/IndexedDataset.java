package org.twincatalog.catalog.search;

import org.twincatalog.access.AccessSettings;
import org.twincatalog.api.v1.model.Dataset;

/**
 * A published dataset as the index sees it: its metadata and its access settings (the owner is
 * the dataset's publisher).
 */
public record IndexedDataset(Dataset dataset, AccessSettings access) {}
