package org.twincatalog.node.inspection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.twincatalog.node.support.DcatApShapes;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;
import org.twincatalog.node.support.Plateau;

/**
 * Issue 4, done when: a PLATEAU package zip, made here from the shared sample folders, registers as
 * one dataset with one distribution per feature type, matching the independently computed truth,
 * and its DCAT export passes the DCAT-AP 3.0.0 shapes.
 */
@QuarkusTest
class PackageRegistrationTest {
    private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    private static final String ACCESS_URL = "https://data.example.jp/plateau/";

    @TempDir
    Path tmp;

    static List<String> packages() {
        return Plateau.packages();
    }

    @ParameterizedTest
    @MethodSource("packages")
    void plateauPackageZip_registersAsOneDataset_withOneDistributionPerFeatureType(String pkg) throws IOException {
        Path zip = Plateau.zip(pkg, tmp.resolve(pkg + ".zip"));
        Expected expected = Expected.of(pkg);
        String publisher = japaneseMunicipality(expected.cityCode);

        JsonPath created = given().spec(LocalTokens.asPublisherOf(publisher))
                .contentType("application/zip")
                .queryParam("publisher", publisher)
                .queryParam("accessRights", "public")
                .queryParam("accessUrl", ACCESS_URL + pkg + ".zip")
                .queryParam("license", "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")
                .queryParam("name", pkg + ".zip")
                .body(Files.readAllBytes(zip))
                .post("/api/v1/datasets/from-package")
                .then()
                .statusCode(201)
                .header("ETag", "\"1\"")
                .extract()
                .jsonPath()
                .using(DOUBLES);
        String id = created.getString("id");

        JsonPath dataset = given().get("/api/v1/datasets/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(DOUBLES);
        assertThat(dataset.getString("publisher")).isEqualTo(publisher);
        assertThat(dataset.getString("title.en")).contains(expected.cityCode);
        assertThat(dataset.getList("twin.featureTypes", String.class))
                .containsExactlyElementsOf(expected.lodsByType.keySet());
        assertThat(dataset.getList("twin.levelsOfDetail", Integer.class)).containsExactlyElementsOf(expected.lods);
        assertThat(dataset.getString("twin.sourceCrs")).isEqualTo("EPSG:" + expected.mostCommonEpsg);
        assertThat(dataset.getList("spatial.adminAreas", String.class)).containsExactly(expected.cityCode);
        List<Double> bbox = dataset.getList("spatial.bbox", Double.class);
        for (int i = 0; i < 4; i++) {
            assertThat(bbox.get(i)).as("bbox[%d]", i).isCloseTo(expected.bbox[i], within(1e-6));
        }
        for (String version : expected.citygmlVersions) {
            String uri = given().get("/api/v1/standards")
                    .then()
                    .extract()
                    .path("find { it.id == 'citygml-" + version + "' }.uri");
            assertThat(dataset.getList("conformsTo", String.class)).contains(uri);
        }

        List<Map<String, Object>> distributions = dataset.getList("distributions");
        assertThat(distributions).hasSize(expected.lodsByType.size());
        Map<String, List<Integer>> lodsByType = new TreeMap<>();
        for (Map<String, Object> d : distributions) {
            assertThat(d.get("accessUrl")).isEqualTo(ACCESS_URL + pkg + ".zip");
            assertThat(d.get("mediaType")).isEqualTo("application/zip");
            @SuppressWarnings("unchecked")
            List<Integer> lods = (List<Integer>) d.get("levelsOfDetail");
            lodsByType.put((String) d.get("featureType"), lods);
        }
        Map<String, List<Integer>> expectedLods = new TreeMap<>();
        expected.lodsByType.forEach((type, lods) -> expectedLods.put(type, new ArrayList<>(lods)));
        assertThat(lodsByType).isEqualTo(expectedLods);
        assertThat(dataset.getBoolean("quality.conforms")).isTrue();

        String turtle = given().accept("text/turtle")
                .get("/api/v1/datasets/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        DcatApShapes.assertConforms(turtle);
    }

    private static String japaneseMunicipality(String cityCode) {
        ObjectNode org = Fixtures.read("organization.json");
        String id = Fixtures.uniqueId("jp-" + cityCode);
        org.put("id", id).put("country", "JP").put("areaCode", cityCode);
        org.putObject("name").put("en", "City " + cityCode).put("ja", "市 " + cityCode);
        given().spec(LocalTokens.asPublisherOf(id))
                .contentType(ContentType.JSON)
                .body(org.toString())
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
        return id;
    }

    /** What the truth manifest says about one package's files. */
    private record Expected(
            String cityCode,
            Map<String, TreeSet<Integer>> lodsByType,
            TreeSet<Integer> lods,
            double[] bbox,
            int mostCommonEpsg,
            TreeSet<String> citygmlVersions) {

        static Expected of(String pkg) {
            JsonNode truth = Plateau.truth();
            Map<String, TreeSet<Integer>> byType = new TreeMap<>();
            TreeSet<Integer> lods = new TreeSet<>();
            TreeSet<String> versions = new TreeSet<>();
            Map<Integer, Integer> epsgCounts = new TreeMap<>();
            double[] bbox = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
            truth.get("files").fields().forEachRemaining(e -> {
                if (!e.getKey().startsWith(pkg + "/")) {
                    return;
                }
                JsonNode f = e.getValue();
                TreeSet<Integer> typeLods =
                        byType.computeIfAbsent(f.get("featureType").asText(), k -> new TreeSet<>());
                f.get("lods").forEach(l -> {
                    typeLods.add(l.asInt());
                    lods.add(l.asInt());
                });
                versions.add(f.get("citygmlVersion").asText());
                epsgCounts.merge(f.get("epsg").asInt(), 1, Integer::sum);
                JsonNode b = f.get("bbox");
                bbox[0] = Math.min(bbox[0], b.get(0).asDouble());
                bbox[1] = Math.min(bbox[1], b.get(1).asDouble());
                bbox[2] = Math.max(bbox[2], b.get(2).asDouble());
                bbox[3] = Math.max(bbox[3], b.get(3).asDouble());
            });
            assertThat(byType).as("truth files of " + pkg).isNotEmpty();
            int epsg = epsgCounts.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .orElseThrow()
                    .getKey();
            return new Expected(
                    truth.get("packages").get(pkg).get("cityCode").asText(), byType, lods, bbox, epsg, versions);
        }
    }
}
