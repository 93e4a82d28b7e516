package org.twincatalog.standards.citygml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twincatalog.standards.crs.BoundingBox;

/** CityGML 1.0 with a compound srsName (horizontal CRS + height), as German cities publish it. */
class CompoundCrsInspectionTest {
    /** ETRS89 / UTM 33N + DHHN92 height; the fixture's comment gives its native and WGS 84 extent. */
    private static final String BERLIN = "crs/berlin-mitte_lod2_25833-5783.gml";

    /** About 1 cm: the expected box was computed with an independent Krüger-series UTM inverse. */
    private static final double DEGREES = 1e-7;

    private final CityGmlInspector inspector = new CityGmlInspector();

    @Test
    void inspect_citygml10WithCompoundUrn_reportsTheHorizontalCrsAndAWgs84Box() throws Exception {
        FileInspection f = inspector.inspect(fixture(BERLIN)).files().get(0);

        assertThat(f.citygmlVersion()).isEqualTo("1.0");
        assertThat(f.epsg()).isEqualTo(25833);
        assertThat(f.crsUri()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/25833");
        assertThat(f.warnings()).isEmpty();
        BoundingBox box = f.bbox();
        assertThat(box).isNotNull();
        assertThat(box.minLon()).isCloseTo(13.3772873, within(DEGREES));
        assertThat(box.minLat()).isCloseTo(52.5158278, within(DEGREES));
        assertThat(box.maxLon()).isCloseTo(13.3786330, within(DEGREES));
        assertThat(box.maxLat()).isCloseTo(52.5163852, within(DEGREES));
    }

    @Test
    void inspect_citygml10Buildings_countsThemAndTheirLods() throws Exception {
        PackageInspection pkg = inspector.inspect(fixture(BERLIN));

        assertThat(pkg.summary().cityObjectCounts()).isEqualTo(Map.of("bldg:Building", 2L));
        assertThat(pkg.summary().lods()).containsExactly(1, 2);
        assertThat(pkg.summary().crsUris()).containsExactly("http://www.opengis.net/def/crs/EPSG/0/25833");
        assertThat(pkg.summary().bbox()).isNotNull();
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(
                CompoundCrsInspectionTest.class.getResource("/citygml/" + name).toURI());
    }
}
