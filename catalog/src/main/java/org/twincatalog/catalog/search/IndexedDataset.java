package org.twincatalog.catalog.search;

import org.twincatalog.access.AccessSettings;
import org.twincatalog.api.v1.model.Dataset;

/**
 * A published dataset as the index sees it: its metadata, its access settings (the owner is the
 * dataset's publisher) and the node it was registered at ({@link Facet#ORIGIN}).
 *
 * @param originNode this node's id for a dataset registered here, the origin's node for a mirror;
 *     null when unknown (the dataset then has no origin facet)
 */
public record IndexedDataset(Dataset dataset, AccessSettings access, String originNode) {

    /** A dataset whose origin node is the one its {@code origin} names, if any. */
    public IndexedDataset(Dataset dataset, AccessSettings access) {
        this(
                dataset,
                access,
                dataset.getOrigin() == null ? null : dataset.getOrigin().getNode());
    }
}
