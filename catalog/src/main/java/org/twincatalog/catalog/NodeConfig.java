package org.twincatalog.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;
import java.util.Optional;

/** Who this node is. Keys under {@code tc.node}. */
@ConfigMapping(prefix = "tc.node")
public interface NodeConfig {
    /** A short id for this node, unique in a federation (e.g. {@code gangnam}, {@code national}). */
    @WithDefault("demo-node")
    String id();

    /** The node's tier in a federation: city, metro or national. */
    @WithDefault("city")
    String tier();

    /**
     * The public base URL of this node, used to mint the URIs of its records in RDF exports and
     * Location headers (e.g. {@code https://catalog.gangnam.go.kr}).
     */
    @WithDefault("http://127.0.0.1:8080")
    String baseUrl();

    /** The catalog's title by language tag (e.g. {@code tc.node.title.en=...}). */
    @WithDefault("en=twin-catalog node")
    Map<String, String> title();

    /** The catalog's description by language tag. */
    @WithDefault("en=A catalog of city digital twin datasets and services.")
    Map<String, String> description();

    /** The organization id that operates this node and publishes its catalog, if registered. */
    Optional<String> operator();
}
