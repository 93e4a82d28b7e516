package org.twincatalog.standards.crs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CrsRefTest {

    @ParameterizedTest
    @CsvSource({
        "http://www.opengis.net/def/crs/EPSG/0/6697, 6697",
        "https://www.opengis.net/def/crs/EPSG/0/6697, 6697",
        "urn:ogc:def:crs:EPSG::6697, 6697",
        "urn:ogc:def:crs:EPSG::5186, 5186",
        "urn:ogc:def:crs:EPSG:6.12:25833, 25833",
        "urn:x-ogc:def:crs:EPSG:6697, 6697",
        "EPSG:25833, 25833",
        "EPSG:10169, 10169",
        "epsg:10169, 10169"
    })
    void parse_singleCrsSpellings_giveTheEpsgCodeAndNoHeight(String srsName, int epsg) {
        CrsRef crs = CrsRef.parse(srsName).orElseThrow();

        assertThat(crs.epsg()).isEqualTo(epsg);
        assertThat(crs.verticalEpsg()).isNull();
        assertThat(crs.uri()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/" + epsg);
        assertThat(crs.srsName()).isEqualTo(srsName);
    }

    @ParameterizedTest
    @CsvSource({
        "'urn:ogc:def:crs,crs:EPSG:6.12:25833,crs:EPSG:6.12:5783', 25833, 5783",
        "'urn:ogc:def:crs,crs:EPSG::25832,crs:EPSG::7837', 25832, 7837",
        "'http://www.opengis.net/def/crs-compound?1=http://www.opengis.net/def/crs/EPSG/0/25833"
                + "&2=http://www.opengis.net/def/crs/EPSG/0/5783', 25833, 5783",
        "'urn:adv:crs:ETRS89_UTM32*DE_DHHN92_NH', 25832, 5783",
        "'urn:adv:crs:ETRS89_UTM33*DE_DHHN2016_NH', 25833, 7837"
    })
    void parse_compoundName_givesTheHorizontalCrsAndTheHeight(String srsName, int horizontal, int height) {
        CrsRef crs = CrsRef.parse(srsName).orElseThrow();

        assertThat(crs.epsg()).isEqualTo(horizontal);
        assertThat(crs.verticalEpsg()).isEqualTo(height);
        assertThat(crs.uri()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/" + horizontal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:adv:crs:ETRS89_UTM32", "urn:adv:crs:ETRS89_UTM33"})
    void parse_advHorizontalAlone_givesEtrs89Utm(String srsName) {
        CrsRef crs = CrsRef.parse(srsName).orElseThrow();

        assertThat(crs.epsg()).isIn(25832, 25833);
        assertThat(crs.verticalEpsg()).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "local",
                "urn:adv:crs:DE_DHDN_3GK3*DE_DHHN92_NH",
                "urn:ogc:def:crs,crs:EPSG::25833,crs:local:height",
                "urn:ogc:def:crs,crs:EPSG::25833,crs:EPSG::5783,crs:EPSG::4326"
            })
    void parse_namesItCannotFullyUnderstand_areEmpty(String srsName) {
        assertThat(CrsRef.parse(srsName)).isEmpty();
    }
}
