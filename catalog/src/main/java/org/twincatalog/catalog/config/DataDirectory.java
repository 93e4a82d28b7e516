package org.twincatalog.catalog.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's data folder ({@code tc.data-dir}, default {@code ./data}) and the places under it
 * that each store uses unless configured elsewhere: the one reader of {@code tc.data-dir}.
 */
@ApplicationScoped
public class DataDirectory {
    private final Path root;

    public DataDirectory(@ConfigProperty(name = "tc.data-dir", defaultValue = "./data") String dataDir) {
        this.root = Path.of(dataDir);
    }

    /** {@code <tc.data-dir>/<child>}. */
    public Path resolve(String child) {
        return root.resolve(child);
    }

    /** {@code configured} when it is set, else {@code <tc.data-dir>/<child>}. */
    public Path resolve(Optional<String> configured, String child) {
        return configured.map(Path::of).orElseGet(() -> resolve(child));
    }
}
