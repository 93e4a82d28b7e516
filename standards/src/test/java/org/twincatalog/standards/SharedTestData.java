package org.twincatalog.standards;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared test data beside the checkout, read in place through the {@code tc.shared.dir} property. */
public final class SharedTestData {
    private SharedTestData() {}

    /** {@code <tc.shared.dir>/testdata/plateau}; fails when the folder is missing. */
    public static Path plateau() {
        String shared = System.getProperty("tc.shared.dir");
        if (shared == null) {
            throw new IllegalStateException(
                    "System property tc.shared.dir is not set (the root pom passes it to Surefire)");
        }
        Path plateau = Path.of(shared).resolve("testdata/plateau").normalize();
        if (!Files.isDirectory(plateau)) {
            throw new IllegalStateException("Shared PLATEAU test data not found at " + plateau);
        }
        return plateau;
    }
}
