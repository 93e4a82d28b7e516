package org.twincatalog.catalog.search.lucene;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.twincatalog.catalog.config.DataDirectory;
import org.twincatalog.catalog.search.DatasetIndex;
import org.twincatalog.catalog.search.SearchConfig;

/**
 * Produces the node's {@link DatasetIndex}: the embedded Lucene index in the data directory
 * ({@code tc.search.index-dir}). Another implementation replaces it by producing its own bean
 * (an alternative); the projector and the search service only know the extension point.
 */
@ApplicationScoped
public class LuceneIndexProducer {

    @Produces
    @Singleton
    DatasetIndex index(SearchConfig config, DataDirectory dataDir) {
        return LuceneDatasetIndex.open(dataDir.resolve(config.indexDir(), "index"));
    }

    void close(@Disposes DatasetIndex index) {
        index.close();
    }
}
