package org.twincatalog.standards.citygml;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a PLATEAU file name says: {@code <meshCode>_<featureType>_<crs>[_<suffix>...]_op.gml}, e.g.
 * {@code 53394525_bldg_6697_2_op.gml}. The CRS token is informative only: the file's srsName wins.
 *
 * @param meshCode the JIS X 0410 mesh code (6 or 8 digits, or longer for finer meshes)
 * @param featureType the feature-type prefix (bldg, tran, luse, ...), a code of the feature-type scheme
 * @param crsToken the EPSG code written in the name, e.g. "6697"
 */
public record PlateauFileName(String meshCode, String featureType, String crsToken) {
    private static final Pattern NAME = Pattern.compile("^(\\d{6,10})_([a-z]{2,5})_(\\d{4,5})(?:_[^/]*)?\\.gml$");

    /** Parses the last segment of {@code path}; empty when it does not follow the convention. */
    public static Optional<PlateauFileName> parse(String path) {
        String file = path.substring(path.replace('\\', '/').lastIndexOf('/') + 1);
        Matcher m = NAME.matcher(file);
        return m.matches() ? Optional.of(new PlateauFileName(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }
}
