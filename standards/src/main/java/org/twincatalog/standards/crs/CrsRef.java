package org.twincatalog.standards.crs;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EPSG coordinate reference system named in data.
 *
 * @param epsg the EPSG code, e.g. 6697
 * @param srsName the name as written in the data
 */
public record CrsRef(int epsg, String srsName) {
    private static final Pattern EPSG = Pattern.compile(
            "(?:https?://www\\.opengis\\.net/def/crs/EPSG/0/|urn:ogc:def:crs:EPSG:[0-9.]*:|EPSG:)(\\d{4,6})\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** Parses {@code http://www.opengis.net/def/crs/EPSG/0/6697}, {@code urn:ogc:def:crs:EPSG::6697} or {@code EPSG:6697}. */
    public static Optional<CrsRef> parse(String srsName) {
        if (srsName == null) {
            return Optional.empty();
        }
        Matcher m = EPSG.matcher(srsName.strip());
        return m.find() ? Optional.of(new CrsRef(Integer.parseInt(m.group(1)), srsName)) : Optional.empty();
    }

    /** The OGC URI of this CRS, as used for {@code tc:sourceCrs}. */
    public String uri() {
        return uri(epsg);
    }

    /** The OGC URI of an EPSG code. */
    public static String uri(int epsg) {
        return "http://www.opengis.net/def/crs/EPSG/0/" + epsg;
    }
}
