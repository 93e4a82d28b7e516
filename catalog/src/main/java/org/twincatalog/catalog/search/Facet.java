package org.twincatalog.catalog.search;

import java.util.Arrays;
import java.util.Optional;

/** The facets a search counts and filters on. */
public enum Facet {
    PUBLISHER("publisher"),
    ADMIN_AREA("adminArea"),
    THEME("theme"),
    TWIN_DOMAIN("twinDomain"),
    MATURITY_STAGE("maturityStage"),
    FORMAT("format"),
    LOD("lod"),
    FEATURE_TYPE("featureType"),
    ACCESS("access"),
    YEAR("year"),
    /** The id of the node a dataset was registered at: this node's, or a mirror's origin node. */
    ORIGIN("origin");

    private final String id;

    Facet(String id) {
        this.id = id;
    }

    /** The name used in the API and in the index. */
    public String id() {
        return id;
    }

    public static Optional<Facet> ofId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }
}
