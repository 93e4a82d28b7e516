package org.twincatalog.interop.sparql;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The SPARQL endpoint and its graph store. Keys under {@code tc.sparql}. */
@ConfigMapping(prefix = "tc.sparql")
public interface SparqlConfig {
    /**
     * Whether the node keeps the graph store and answers SPARQL; when false, the store is neither
     * opened nor kept up to date and queries answer 503 {@code sparql-disabled} (for a node that
     * only serves search, e.g. the 1M-record HTTP benchmark, where projecting the graph would take
     * far longer than the search index).
     */
    @WithDefault("true")
    boolean enabled();

    /** Where the TDB2 graph store lives; default {@code <tc.data-dir>/sparql}. */
    Optional<String> storeDir();

    /** How long a query may run, in milliseconds, before it is cancelled (503). */
    @WithDefault("10000")
    long timeoutMillis();

    /** The most solutions (SELECT) or triples (CONSTRUCT, DESCRIBE) an answer holds (422 beyond). */
    @WithDefault("10000")
    int maxResults();

    /**
     * How many queries run at once; a query beyond waits up to {@link #queueMillis()} for a free
     * slot and is then refused with 503 {@code sparql-busy} and {@code Retry-After}.
     */
    @WithDefault("4")
    int maxConcurrent();

    /** How long a query waits for a free slot when {@link #maxConcurrent()} queries run, in milliseconds. */
    @WithDefault("500")
    long queueMillis();

    /** How many changes the projector applies in one store transaction. */
    @WithDefault("500")
    int batchSize();

    /** How often the projector looks for changes written by other processes, in milliseconds. */
    @WithDefault("1000")
    long pollMillis();
}
