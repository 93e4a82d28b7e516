package org.twincatalog.node.inspection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;
import org.twincatalog.node.support.Plateau;

/**
 * {@code POST /api/v1/inspections}: real PLATEAU files give a draft that matches the truth; hostile,
 * oversized and non-CityGML uploads are refused with a problem; no upload is left on disk.
 */
@QuarkusTest
class InspectionApiTest {
    private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);

    /** {@code %test.tc.inspection.spool-dir}, relative to the module folder the tests run in. */
    private static final Path SPOOL = Path.of("target/inspection-spool");

    private static final String TOKYO = "13100_tokyo23-ku_2020_citygml_sample";
    private static final String TOKYO_BLDG = TOKYO + "/udx/bldg/53394525_bldg_6697_2_op.gml";

    @TempDir
    Path tmp;

    @AfterEach
    void noUploadIsLeftBehind() throws IOException {
        if (Files.isDirectory(SPOOL)) {
            try (Stream<Path> left = Files.list(SPOOL)) {
                assertThat(left.toList()).as("spooled uploads left in " + SPOOL).isEmpty();
            }
        }
    }

    @Test
    void singleGml_answersADraftMatchingTheTruth() throws IOException {
        JsonNode truth = Plateau.truth().get("files").get(TOKYO_BLDG);
        Path file = Plateau.root().resolve(TOKYO_BLDG);

        JsonPath answer = given().contentType("application/gml+xml")
                .queryParam("name", file.getFileName().toString())
                .body(Files.readAllBytes(file))
                .post("/api/v1/inspections")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .jsonPath()
                .using(DOUBLES);

        assertThat(answer.getList("draft.twin.featureTypes", String.class)).containsExactly("bldg");
        assertThat(answer.getString("draft.twin.sourceCrs"))
                .isEqualTo("EPSG:" + truth.get("epsg").asInt());
        assertThat(answer.getList("draft.twin.levelsOfDetail", Integer.class))
                .containsExactlyElementsOf(ints(truth.get("lods")));
        assertBbox(answer.getList("draft.spatial.bbox", Double.class), truth.get("bbox"));
        assertThat(answer.getList("draft.distributions")).hasSize(1);
        assertThat(answer.getString("draft.distributions[0].mediaType")).isEqualTo("application/gml+xml");
        assertThat(answer.getString("inspection.files[0].meshCode"))
                .isEqualTo(truth.get("meshCode").asText());
        assertThat(answer.getMap("inspection.files[0].cityObjectCounts", String.class, Long.class))
                .isEqualTo(counts(truth.get("counts")));
    }

    @Test
    void packageZip_asOctetStream_answersOneDistributionPerFeatureType() throws IOException {
        Path zip = Plateau.zip(TOKYO, tmp.resolve("upload.bin"));
        Map<String, Long> expectedCounts = new TreeMap<>();
        int[] files = {0};
        Plateau.truth().get("files").fields().forEachRemaining(e -> {
            if (e.getKey().startsWith(TOKYO + "/")) {
                files[0]++;
                counts(e.getValue().get("counts")).forEach((k, v) -> expectedCounts.merge(k, v, Long::sum));
            }
        });

        JsonPath answer = given().contentType("application/octet-stream")
                .queryParam("publisher", "someone")
                .body(Files.readAllBytes(zip))
                .post("/api/v1/inspections")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(DOUBLES);

        assertThat(answer.getString("inspection.packageName.cityCode")).isEqualTo("13100");
        assertThat(answer.getInt("inspection.summary.fileCount")).isEqualTo(files[0]);
        assertThat(answer.getMap("inspection.summary.cityObjectCounts", String.class, Long.class))
                .isEqualTo(expectedCounts);
        List<String> types = answer.getList("draft.twin.featureTypes", String.class);
        assertThat(answer.getList("draft.distributions.featureType", String.class))
                .containsExactlyElementsOf(types);
        assertThat(answer.getString("draft.publisher")).isEqualTo("someone");
        assertThat(answer.getString("draft.title.en")).contains("tokyo23-ku", "13100", "2020");
    }

    @ParameterizedTest
    @ValueSource(strings = {"billion-laughs.gml", "xxe-file.gml"})
    void hostileXml_answers422_refusedAsUnsafe(String fixture) throws IOException {
        given().contentType("application/xml")
                .body(resource("fixtures/hostile/" + fixture))
                .post("/api/v1/inspections")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("Refused as unsafe (XML_DOCTYPE)"))
                .body("detail", org.hamcrest.Matchers.not(containsString("root:")));
    }

    @Test
    void zipEntryEscapingItsFolder_answers422() throws IOException {
        byte[] zip = zip(Map.of("../../evil_bldg_6697_op.gml", "<x/>".getBytes()));
        given().contentType("application/zip")
                .body(zip)
                .post("/api/v1/inspections")
                .then()
                .statusCode(422)
                .body("detail", containsString("ZIP_PATH_TRAVERSAL"));
    }

    @Test
    void zipBomb_answers413() throws IOException {
        byte[] gml = new byte[8 << 20]; // a CityGML root, then whitespace: it parses on and inflates 1000-fold
        byte[] root = "<core:CityModel xmlns:core=\"http://www.opengis.net/citygml/2.0\">".getBytes();
        System.arraycopy(root, 0, gml, 0, root.length);
        java.util.Arrays.fill(gml, root.length, gml.length, (byte) ' ');
        byte[] zip = zip(Map.of("pkg/udx/bldg/1_bldg_6697_op.gml", gml));
        assertThat(zip.length).isLessThan(64 << 10);
        given().contentType("application/zip")
                .body(zip)
                .post("/api/v1/inspections")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("ZIP_RATIO"));
    }

    @Test
    void notCityGml_answers422() {
        given().contentType("application/xml")
                .body("<html><body>hello</body></html>")
                .post("/api/v1/inspections")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("Not CityGML"));
    }

    @Test
    void uploadOverTheLimit_withContentLength_answers413() {
        given().contentType("application/zip")
                .body(new byte[5 << 20])
                .post("/api/v1/inspections")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("tc.inspection.max-upload-bytes"));
    }

    @Test
    void uploadOverTheLimit_streamedWithoutLength_answers413() {
        InputStream chunked = new ByteArrayInputStream(new byte[5 << 20]);
        given().contentType("application/octet-stream")
                .body(chunked)
                .post("/api/v1/inspections")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("tc.inspection.max-upload-bytes"));
    }

    @Test
    void uploadBetweenTheJsonAndUploadLimits_isAccepted() {
        byte[] padded = new byte[2 << 20]; // over tc.api.max-body-bytes (1 MiB), under the upload limit
        byte[] gml = "<core:CityModel xmlns:core=\"http://www.opengis.net/citygml/2.0\"/>".getBytes();
        System.arraycopy(gml, 0, padded, 0, gml.length);
        java.util.Arrays.fill(padded, gml.length, padded.length, (byte) ' ');
        given().contentType("application/gml+xml")
                .body(padded)
                .post("/api/v1/inspections")
                .then()
                .statusCode(200)
                .body("inspection.summary.fileCount", is(1))
                .body("inspection.summary.totalBytes", is(padded.length));
    }

    @Test
    void jsonBody_answers415() {
        given().contentType("application/json")
                .body("{}")
                .post("/api/v1/inspections")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void registration_withoutItsRequiredParameters_answers400_beforeReadingTheUpload() {
        given().spec(LocalTokens.asPublisherOf("someone"))
                .contentType("application/zip")
                .queryParam("publisher", "someone")
                .body(new byte[] {1, 2, 3})
                .post("/api/v1/datasets/from-package")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("accessRights"));
    }

    @Test
    void registration_withoutAToken_answers401_andRegistersNothing() throws IOException {
        Path zip = Plateau.zip(TOKYO, tmp.resolve(TOKYO + ".zip"));
        given().contentType("application/zip")
                .queryParam("publisher", Fixtures.newOrganization())
                .queryParam("accessRights", "public")
                .queryParam("accessUrl", "https://data.example.jp/tokyo.zip")
                .queryParam("id", "anonymous-package")
                .body(Files.readAllBytes(zip))
                .post("/api/v1/datasets/from-package")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");
        given().get("/api/v1/datasets/anonymous-package").then().statusCode(404);
    }

    private static void assertBbox(List<Double> actual, JsonNode expected) {
        assertThat(actual).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(actual.get(i))
                    .as("bbox[%d]", i)
                    .isCloseTo(expected.get(i).asDouble(), within(1e-6));
        }
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> list = new java.util.ArrayList<>();
        array.forEach(n -> list.add(n.asInt()));
        return list;
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> map = new TreeMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asLong()));
        return map;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = InspectionApiTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
