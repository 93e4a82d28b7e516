package org.twincatalog.hosting.packages;

import java.util.Locale;
import java.util.Map;

/** The media type of a package file, from its extension. */
final class MediaTypes {
    private static final Map<String, String> BY_EXTENSION = Map.of(
            "gml", "application/gml+xml",
            "xml", "application/xml",
            "xsd", "application/xml",
            "json", "application/json",
            "geojson", "application/geo+json",
            "txt", "text/plain",
            "md", "text/markdown",
            "csv", "text/csv",
            "jpg", "image/jpeg",
            "png", "image/png");

    private MediaTypes() {}

    static String of(String path) {
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return BY_EXTENSION.getOrDefault(ext, "application/octet-stream");
    }
}
