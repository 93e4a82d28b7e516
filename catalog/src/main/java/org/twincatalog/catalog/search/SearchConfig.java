package org.twincatalog.catalog.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The search index. Keys under {@code tc.search}. */
@ConfigMapping(prefix = "tc.search")
public interface SearchConfig {
    /** Where the embedded index lives; default {@code <tc.data-dir>/index}. */
    Optional<String> indexDir();

    /** How many changes the projector applies in one index commit. */
    @WithDefault("1000")
    int batchSize();

    /** How often the projector looks for changes written by other processes, in milliseconds. */
    @WithDefault("1000")
    long pollMillis();
}
