package org.twincatalog.standards.citygml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.twincatalog.standards.TestData;
import org.twincatalog.standards.crs.BoundingBox;

/**
 * Compares the inspection of every real PLATEAU file with the truth computed independently by
 * {@code src/test/truth/plateau_truth.py}.
 */
class PlateauTruthTest {
    private static final double DEGREES = 1e-6;
    private static final CityGmlInspector INSPECTOR = new CityGmlInspector();

    static JsonNode truth() throws IOException {
        try (InputStream in = PlateauTruthTest.class.getResourceAsStream("/citygml/plateau-truth.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Stream<Arguments> truthFiles() throws IOException {
        List<Arguments> args = new ArrayList<>();
        truth().get("files").fields().forEachRemaining(e -> args.add(Arguments.of(e.getKey(), e.getValue())));
        return args.stream();
    }

    @Test
    void truthManifest_coversEveryCityGmlFileInTheSharedFolder() throws IOException {
        Path base = TestData.plateau();
        List<String> onDisk;
        try (Stream<Path> walk = Files.walk(base)) {
            onDisk = walk.filter(p -> p.toString().endsWith(".gml"))
                    .map(p -> base.relativize(p).toString().replace('\\', '/'))
                    .toList();
        }
        List<String> inTruth = new ArrayList<>();
        truth().get("files").fieldNames().forEachRemaining(inTruth::add);
        assertThat(onDisk).isNotEmpty().containsExactlyInAnyOrderElementsOf(inTruth);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("truthFiles")
    void inspect_realPlateauFile_matchesIndependentTruth(String path, JsonNode expected) {
        PackageInspection pkg = INSPECTOR.inspect(TestData.plateau().resolve(path));
        assertThat(pkg.files()).hasSize(1);
        FileInspection f = pkg.files().get(0);

        assertThat(f.citygmlVersion()).isEqualTo(expected.get("citygmlVersion").asText());
        assertThat(f.iurVersion())
                .isEqualTo(
                        expected.get("iurVersion").isNull()
                                ? null
                                : expected.get("iurVersion").asText());
        assertThat(f.adeNamespaces()).containsExactlyElementsOf(strings(expected.get("adeNamespaces")));
        assertThat(f.epsg()).isEqualTo(expected.get("epsg").asInt());
        assertThat(f.crsUri())
                .isEqualTo("http://www.opengis.net/def/crs/EPSG/0/"
                        + expected.get("epsg").asInt());
        assertThat(f.lods()).containsExactlyElementsOf(ints(expected.get("lods")));
        assertThat(f.cityObjectCounts()).isEqualTo(counts(expected.get("counts")));
        assertThat(f.plateauName().meshCode())
                .isEqualTo(expected.get("meshCode").asText());
        assertThat(f.plateauName().featureType())
                .isEqualTo(expected.get("featureType").asText());
        assertThat(f.plateauName().crsToken())
                .isEqualTo(expected.get("crsToken").asText());

        JsonNode box = expected.get("bbox");
        BoundingBox actual = f.bbox();
        assertThat(actual.minLon()).isCloseTo(box.get(0).asDouble(), within(DEGREES));
        assertThat(actual.minLat()).isCloseTo(box.get(1).asDouble(), within(DEGREES));
        assertThat(actual.maxLon()).isCloseTo(box.get(2).asDouble(), within(DEGREES));
        assertThat(actual.maxLat()).isCloseTo(box.get(3).asDouble(), within(DEGREES));
    }

    @Test
    void inspect_eachSamplePackageFolder_parsesCityCodeNameAndYearAsTruthSays() throws IOException {
        JsonNode packages = truth().get("packages");
        assertThat(packages.size()).isEqualTo(6);
        packages.fields().forEachRemaining(e -> {
            PackageInspection pkg = INSPECTOR.inspect(TestData.plateau().resolve(e.getKey()));
            JsonNode t = e.getValue();
            assertThat(pkg.packageName().cityCode()).isEqualTo(t.get("cityCode").asText());
            assertThat(pkg.packageName().cityName()).isEqualTo(t.get("cityName").asText());
            assertThat(pkg.packageName().year())
                    .isEqualTo(t.get("year").isNull() ? null : t.get("year").asInt());
        });
    }

    @Test
    void inspect_sharedRootFolder_sumsCountsOfEveryFile() throws IOException {
        PackageInspection all = INSPECTOR.inspect(TestData.plateau());
        Map<String, Long> expected = new TreeMap<>();
        truth().get("files").forEach(f -> counts(f.get("counts")).forEach((k, v) -> expected.merge(k, v, Long::sum)));
        assertThat(all.summary().cityObjectCounts()).isEqualTo(expected);
        assertThat(all.summary().fileCount()).isEqualTo(truth().get("files").size());
        assertThat(all.packageName()).isNull();
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asInt()));
        return list;
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> map = new TreeMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asLong()));
        return map;
    }
}
