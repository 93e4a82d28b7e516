package org.twincatalog.standards.crs;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EPSG coordinate reference system named in data.
 *
 * <p>A name may combine two CRSs, a horizontal one and a height: the OGC compound URN {@code
 * urn:ogc:def:crs,crs:EPSG:6.12:25833,crs:EPSG:6.12:5783} (CityGML 1.0 files from Germany), the
 * OGC {@code http://www.opengis.net/def/crs-compound?1=...&2=...} URI, or the German AdV URN
 * {@code urn:adv:crs:ETRS89_UTM32*DE_DHHN92_NH}. Then {@code epsg} is the horizontal CRS and
 * {@code verticalEpsg} the height. An EPSG code that is itself compound (JGD2011 + height, 6697)
 * stays as it is; {@link Wgs84Transformer} reduces it.
 *
 * @param epsg the EPSG code of the CRS, or of the horizontal part of a combined name, e.g. 6697 or
 *     25833
 * @param verticalEpsg the EPSG code of the height part of a combined name, or null
 * @param srsName the name as written in the data
 */
public record CrsRef(int epsg, Integer verticalEpsg, String srsName) {
    private static final Pattern EPSG = Pattern.compile(
            "(?:https?://www\\.opengis\\.net/def/crs/EPSG/0/|urn:(?:x-)?ogc:def:crs:EPSG:[0-9.]*:|EPSG:)(\\d{4,6})\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final String OGC_COMPOUND_URN = "urn:ogc:def:crs,";
    private static final Pattern OGC_COMPOUND_URI =
            Pattern.compile("^https?://www\\.opengis\\.net/def/crs-compound\\?(.+)$", Pattern.CASE_INSENSITIVE);
    private static final String ADV_URN = "urn:adv:crs:";

    /** The AdV CRS names (GeoInfoDok) we understand, by their EPSG code. */
    private static final Map<String, Integer> ADV = Map.of(
            "ETRS89_UTM32", 25832, // ETRS89 / UTM zone 32N
            "ETRS89_UTM33", 25833, // ETRS89 / UTM zone 33N
            "DE_DHHN92_NH", 5783, // DHHN92 height
            "DE_DHHN2016_NH", 7837); // DHHN2016 height

    /**
     * Parses {@code http://www.opengis.net/def/crs/EPSG/0/6697}, {@code urn:ogc:def:crs:EPSG::6697}
     * (with or without a version), {@code EPSG:6697} and the combined names above; empty for any
     * other name.
     */
    public static Optional<CrsRef> parse(String srsName) {
        if (srsName == null) {
            return Optional.empty();
        }
        List<Integer> codes = codes(srsName.strip());
        if (codes.isEmpty() || codes.size() > 2 || codes.contains(null)) {
            return Optional.empty();
        }
        return Optional.of(new CrsRef(codes.get(0), codes.size() == 2 ? codes.get(1) : null, srsName));
    }

    /** The OGC URI of this CRS (of the horizontal part of a combined name), as used for {@code tc:sourceCrs}. */
    public String uri() {
        return uri(epsg);
    }

    /** The OGC URI of an EPSG code. */
    public static String uri(int epsg) {
        return "http://www.opengis.net/def/crs/EPSG/0/" + epsg;
    }

    /** The EPSG codes a name is made of, in its order; a null element for a part not understood. */
    private static List<Integer> codes(String name) {
        List<Integer> codes = new ArrayList<>();
        String lower = name.toLowerCase(Locale.ROOT);
        Matcher compoundUri = OGC_COMPOUND_URI.matcher(name);
        if (lower.startsWith(OGC_COMPOUND_URN)) {
            for (String part : name.substring(OGC_COMPOUND_URN.length()).split(",")) {
                codes.add(single("urn:ogc:def:" + part.strip()));
            }
        } else if (compoundUri.matches()) {
            for (String parameter : compoundUri.group(1).split("&")) {
                int eq = parameter.indexOf('=');
                codes.add(single(URLDecoder.decode(parameter.substring(eq + 1), StandardCharsets.UTF_8)));
            }
        } else if (lower.startsWith(ADV_URN)) {
            for (String part : name.substring(ADV_URN.length()).split("\\*")) {
                codes.add(ADV.get(part.strip().toUpperCase(Locale.ROOT)));
            }
        } else {
            Integer code = single(name);
            if (code != null) {
                codes.add(code);
            }
        }
        return codes;
    }

    private static Integer single(String name) {
        Matcher m = EPSG.matcher(name);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }
}
