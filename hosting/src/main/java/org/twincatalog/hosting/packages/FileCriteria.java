package org.twincatalog.hosting.packages;

/** The criteria of a file lookup ({@code GET /api/v1/files}), checked the way this node checks them. */
public final class FileCriteria {
    private FileCriteria() {}

    /**
     * Throws the problem this node answers for these criteria ({@code BadParameter}, {@code
     * MalformedRequest}) when they are invalid or name no file at all; returns when they are fine.
     */
    public static void check(String mesh, String point, String bbox, String city, String featureType, Integer minLod) {
        FileQuery.parse(mesh, point, bbox, city, featureType, minLod, null);
    }

    /** Whether a pack's {@code compression} asks for stored entries (else deflate); a 400 for other values. */
    public static boolean storedCompression(String compression) {
        return PackWriter.Compression.parse(compression) == PackWriter.Compression.STORED;
    }
}
