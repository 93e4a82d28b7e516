package org.twincatalog.node.support;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's {@code testdata/} folder (real PLATEAU samples, official standard files),
 * found through the {@code tc.testdata.dir} system property that the root pom passes to Surefire
 * and Failsafe.
 */
public final class TestData {
    private TestData() {}

    /** {@code <tc.testdata.dir>/<relative>}; fails when it does not exist. */
    public static Path resolve(String relative) {
        String dir = System.getProperty("tc.testdata.dir");
        if (dir == null) {
            throw new IllegalStateException("System property tc.testdata.dir is not set (the root pom passes it)");
        }
        Path path = Path.of(dir).resolve(relative).normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException("Test data not found at " + path);
        }
        return path;
    }
}
