package org.twincatalog.standards.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class Wgs84TransformerTest {
    private static final double CM = 1e-7;
    private final Wgs84Transformer transformer = new Wgs84Transformer();

    @Test
    void toWgs84_jgd2011CompoundLatitudeFirst_swapsToLonLat() {
        BoundingBox box = transformer.toWgs84(6697, 35.5, 139.6, 35.7, 139.8).orElseThrow();
        assertThat(box.minLon()).isCloseTo(139.6, within(CM));
        assertThat(box.minLat()).isCloseTo(35.5, within(CM));
        assertThat(box.maxLon()).isCloseTo(139.8, within(CM));
        assertThat(box.maxLat()).isCloseTo(35.7, within(CM));
    }

    @Test
    void toWgs84_koreaCentralBelt2010FalseOrigin_isItsProjectionCentre() {
        // EPSG:5186 lists northing first; its false origin N 600000, E 200000 is 38N 127E.
        BoundingBox box =
                transformer.toWgs84(5186, 600_000, 200_000, 600_000, 200_000).orElseThrow();
        assertThat(box.minLon()).isCloseTo(127.0, within(CM));
        assertThat(box.minLat()).isCloseTo(38.0, within(CM));
    }

    @Test
    void toWgs84_koreaUnifiedCsFalseOrigin_isItsProjectionCentre() {
        BoundingBox box = transformer
                .toWgs84(5179, 2_000_000, 1_000_000, 2_000_000, 1_000_000)
                .orElseThrow();
        assertThat(box.minLon()).isCloseTo(127.5, within(CM));
        assertThat(box.minLat()).isCloseTo(38.0, within(CM));
    }

    @Test
    void toWgs84_plateauPlaneRectangularCompound10169_usesZoneEightOrigin() {
        // EPSG:10169 = JGD2011 / Japan Plane Rectangular CS VIII + JGD2011 height; origin 36N 138.5E.
        BoundingBox box = transformer.toWgs84(10169, 0, 0, 0, 0).orElseThrow();
        assertThat(box.minLon()).isCloseTo(138.5, within(CM));
        assertThat(box.minLat()).isCloseTo(36.0, within(CM));
        assertThat(Wgs84Transformer.horizontal(10169)).isEqualTo(6676);
    }

    @Test
    void toWgs84_projectedBox_coversTheTransformedCorners() {
        BoundingBox box =
                transformer.toWgs84(5186, 540_000, 190_000, 560_000, 210_000).orElseThrow();
        assertThat(box.isValid()).isTrue();
        assertThat(box.minLon()).isLessThan(127.0).isGreaterThan(126.8);
        // 40 km and 60 km south of the 38N origin, about 0.36 and 0.54 degrees
        assertThat(box.maxLat()).isCloseTo(37.64, within(0.01));
        assertThat(box.minLat()).isCloseTo(37.46, within(0.01));
    }

    @Test
    void toWgs84_unknownCode_isEmpty() {
        assertThat(transformer.toWgs84(999_999, 0, 0, 1, 1)).isEmpty();
    }
}
