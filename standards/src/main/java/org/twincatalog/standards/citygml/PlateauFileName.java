package org.twincatalog.standards.citygml;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a PLATEAU file name says: {@code [<owner>_]<meshCode>_<featureType>_<crs>[_<suffix>...][_op].gml},
 * e.g. {@code 53394525_bldg_6697_2_op.gml}, or {@code gas_53403039_unf_6697.gml} for an underground
 * utility file named after the utility that owns it. The CRS token is informative only: the file's
 * srsName wins.
 *
 * @param meshCode the JIS X 0410 mesh code (6 or 8 digits, or longer for finer meshes)
 * @param featureType the feature-type prefix (bldg, tran, luse, ...), a code of the feature-type scheme
 * @param crsToken the EPSG code written in the name, e.g. "6697"
 */
public record PlateauFileName(String meshCode, String featureType, String crsToken) {
    private static final Pattern NAME =
            Pattern.compile("^(?:[a-z][a-z0-9-]*_)?(\\d{6,10})_([a-z]{2,5})_(\\d{4,5})(?:_[^/]*)?\\.gml$");
    private static final Pattern FEATURE_TYPE = Pattern.compile("[a-z]{2,5}");

    /** Parses the last segment of {@code path}; empty when it does not follow the convention. */
    public static Optional<PlateauFileName> parse(String path) {
        String file = path.substring(path.replace('\\', '/').lastIndexOf('/') + 1);
        Matcher m = NAME.matcher(file);
        return m.matches() ? Optional.of(new PlateauFileName(m.group(1), m.group(2), m.group(3))) : Optional.empty();
    }

    /**
     * The feature-type folder of a path inside a PLATEAU package: {@code fld} for {@code
     * udx/fld/pref/river_a/52385721_fld_6697_l1_op.gml} (the folder right below the last {@code udx}).
     * Empty when the path has no {@code udx/<type>/} folder above the file.
     */
    public static Optional<String> featureTypeFolder(String path) {
        String[] segments = path.replace('\\', '/').split("/");
        for (int i = segments.length - 3; i >= 0; i--) {
            if (segments[i].equals("udx")) {
                return FEATURE_TYPE.matcher(segments[i + 1]).matches()
                        ? Optional.of(segments[i + 1])
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }
}
