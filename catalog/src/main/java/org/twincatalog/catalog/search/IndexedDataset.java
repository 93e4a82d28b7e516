package org.twincatalog.catalog.search;

import java.util.Map;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.api.v1.model.Dataset;

/**
 * A published dataset as the index sees it: its metadata, its access settings (the owner is the
 * dataset's publisher) and the node it was registered at ({@link Facet#ORIGIN}).
 *
 * @param originNode this node's id for a dataset registered here, the origin's node for a mirror;
 *     null when unknown (the dataset then has no origin facet)
 * @param places the names of the places it belongs to by language tag ({@link PlaceNames}); empty for none
 */
public record IndexedDataset(Dataset dataset, AccessSettings access, String originNode, Map<String, String> places) {

    public IndexedDataset {
        places = places == null ? Map.of() : Map.copyOf(places);
    }

    /** A dataset with no place names. */
    public IndexedDataset(Dataset dataset, AccessSettings access, String originNode) {
        this(dataset, access, originNode, Map.of());
    }

    /** A dataset whose origin node is the one its {@code origin} names, if any. */
    public IndexedDataset(Dataset dataset, AccessSettings access) {
        this(
                dataset,
                access,
                dataset.getOrigin() == null ? null : dataset.getOrigin().getNode());
    }
}
