package org.twincatalog.standards;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's {@code testdata/} folder (real PLATEAU samples, official standard files),
 * found through the {@code tc.testdata.dir} system property that the root pom passes to Surefire.
 */
public final class TestData {
    private TestData() {}

    /** {@code <tc.testdata.dir>/plateau}; fails when the folder is missing. */
    public static Path plateau() {
        return existing(dir().resolve("plateau"));
    }

    /** {@code <tc.testdata.dir>/standards/dcat-ap-3.0.0/dcat-ap-SHACL.ttl}; fails when missing. */
    public static Path dcatApShapes() {
        return existing(dir().resolve("standards/dcat-ap-3.0.0/dcat-ap-SHACL.ttl"));
    }

    private static Path dir() {
        String dir = System.getProperty("tc.testdata.dir");
        if (dir == null) {
            throw new IllegalStateException(
                    "System property tc.testdata.dir is not set (the root pom passes it to Surefire)");
        }
        return Path.of(dir);
    }

    private static Path existing(Path path) {
        Path normalized = path.normalize();
        if (!Files.exists(normalized)) {
            throw new IllegalStateException("Test data not found at " + normalized);
        }
        return normalized;
    }
}
