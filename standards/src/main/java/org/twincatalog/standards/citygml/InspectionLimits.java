package org.twincatalog.standards.citygml;

/**
 * Limits that protect the inspector from zip bombs. A zip that exceeds one is refused with an {@link
 * org.twincatalog.standards.UnsafeInputException}; plain files and folders are streamed and need no
 * limit.
 *
 * @param maxZipEntries most entries a zip may list
 * @param maxUncompressedBytes most bytes all entries of a zip may inflate to, counted while reading
 * @param maxCompressionRatio most an entry may inflate relative to its compressed size, once it has
 *     inflated past {@code ratioThresholdBytes}
 * @param ratioThresholdBytes inflated size below which the ratio is not checked (small files compress well)
 */
public record InspectionLimits(
        int maxZipEntries, long maxUncompressedBytes, double maxCompressionRatio, long ratioThresholdBytes) {

    /** 10 000 entries, 20 GiB, ratio 100 (CityGML typically compresses 10-20 times), checked past 1 MiB. */
    public static final InspectionLimits DEFAULT = new InspectionLimits(10_000, 20L << 30, 100, 1L << 20);

    public InspectionLimits {
        if (maxZipEntries <= 0 || maxUncompressedBytes <= 0 || maxCompressionRatio <= 1 || ratioThresholdBytes < 0) {
            throw new IllegalArgumentException("Inspection limits must be positive (ratio > 1)");
        }
    }
}
