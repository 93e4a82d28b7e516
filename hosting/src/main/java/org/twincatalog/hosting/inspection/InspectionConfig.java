package org.twincatalog.hosting.inspection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;
import org.twincatalog.standards.citygml.InspectionLimits;

/** Limits of CityGML uploads. Keys under {@code tc.inspection}. */
@ConfigMapping(prefix = "tc.inspection")
public interface InspectionConfig {
    /**
     * The largest upload accepted by {@code POST /api/v1/inspections} and {@code POST
     * /api/v1/datasets/from-package}, in bytes; larger ones are answered 413. Keep it at or below
     * {@code quarkus.http.limits.max-body-size}, the server's hard stop for every request.
     */
    @WithDefault("268435456")
    long maxUploadBytes();

    /** The folder uploads are spooled to while inspected (and deleted after); the system temp folder when absent. */
    Optional<Path> spoolDir();

    /** Zip-bomb limits for uploaded zips. */
    Zip zip();

    /** Keys under {@code tc.inspection.zip}; see {@link InspectionLimits}. */
    interface Zip {
        /** The most entries a zip may list. */
        @WithDefault("10000")
        int maxEntries();

        /** The most bytes all entries of a zip may inflate to. */
        @WithDefault("21474836480")
        long maxUncompressedBytes();

        /** The most an entry may inflate relative to its compressed size, past {@link #ratioThresholdBytes()}. */
        @WithDefault("100")
        double maxCompressionRatio();

        /** Inflated size below which the ratio is not checked. */
        @WithDefault("1048576")
        long ratioThresholdBytes();
    }

    /** The zip limits as the inspector takes them. */
    default InspectionLimits limits() {
        return new InspectionLimits(
                zip().maxEntries(),
                zip().maxUncompressedBytes(),
                zip().maxCompressionRatio(),
                zip().ratioThresholdBytes());
    }
}
