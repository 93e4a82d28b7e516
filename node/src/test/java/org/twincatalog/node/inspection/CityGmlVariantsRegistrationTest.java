package org.twincatalog.node.inspection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twincatalog.node.support.DcatApShapes;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/**
 * CityGML beyond the PLATEAU samples registers in one step: a German CityGML 1.0 file with a
 * compound srsName, and a PLATEAU underground utility (unf) package whose files are named in more
 * than one way. The fixtures are the standards module's CityGML test files.
 */
@QuarkusTest
class CityGmlVariantsRegistrationTest {
    private static final JsonPathConfig DOUBLES = new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE);
    private static final Path CITYGML = Path.of("../standards/src/test/resources/citygml");
    private static final String BERLIN = "berlin-mitte_lod2_25833-5783.gml";
    private static final String UNF = "13999_synthetic-ku_2024_citygml_1_op";

    @TempDir
    Path tmp;

    @Test
    void citygml10WithCompoundCrs_registersWithItsHorizontalCrsAndWgs84Box() throws IOException {
        String publisher = organization("DE", "11000", "Berlin");

        JsonPath dataset = register(
                publisher, "application/gml+xml", BERLIN, Files.readAllBytes(CITYGML.resolve("crs/" + BERLIN)));

        assertThat(dataset.getString("twin.sourceCrs")).isEqualTo("EPSG:25833");
        assertThat(dataset.getList("twin.levelsOfDetail", Integer.class)).containsExactly(1, 2);
        List<Double> bbox = dataset.getList("spatial.bbox", Double.class);
        assertThat(bbox.get(0)).isCloseTo(13.3772873, within(1e-6));
        assertThat(bbox.get(1)).isCloseTo(52.5158278, within(1e-6));
        assertThat(bbox.get(2)).isCloseTo(13.3786330, within(1e-6));
        assertThat(bbox.get(3)).isCloseTo(52.5163852, within(1e-6));
        assertThat(dataset.getBoolean("quality.conforms")).isTrue();
        assertExportConforms(dataset.getString("id"));
    }

    @Test
    void undergroundUtilityPackage_registersOneUnfDistributionForEveryFile() throws IOException {
        String publisher = organization("JP", "13999", "Synthetic-ku");

        JsonPath dataset = register(publisher, "application/zip", UNF + ".zip", zip(CITYGML.resolve("unf/" + UNF)));

        assertThat(dataset.getList("twin.featureTypes", String.class)).containsExactly("unf");
        List<Map<String, Object>> distributions = dataset.getList("distributions");
        assertThat(distributions).hasSize(1);
        assertThat(distributions.get(0).get("featureType")).isEqualTo("unf");
        assertThat((String) ((Map<?, ?>) distributions.get(0).get("title")).get("en"))
                .startsWith("Underground utility (unf)");
        assertThat((String) ((Map<?, ?>) distributions.get(0).get("description")).get("en"))
                .startsWith("3 CityGML files");
        assertExportConforms(dataset.getString("id"));
    }

    private static JsonPath register(String publisher, String mediaType, String name, byte[] body) {
        String id = given().spec(LocalTokens.asPublisherOf(publisher))
                .contentType(mediaType)
                .queryParam("publisher", publisher)
                .queryParam("accessRights", "public")
                .queryParam("accessUrl", "https://data.example.org/citygml/" + name)
                .queryParam("license", "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0")
                .queryParam("name", name)
                .body(body)
                .post("/api/v1/datasets/from-package")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        return given().get("/api/v1/datasets/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .using(DOUBLES);
    }

    private static void assertExportConforms(String id) {
        String turtle = given().accept("text/turtle")
                .get("/api/v1/datasets/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        DcatApShapes.assertConforms(turtle);
    }

    private static String organization(String country, String areaCode, String name) {
        ObjectNode org = Fixtures.read("organization.json");
        String id = Fixtures.uniqueId(country.toLowerCase() + "-" + areaCode);
        org.put("id", id).put("country", country).put("areaCode", areaCode);
        org.putObject("name").put("en", name);
        given().spec(LocalTokens.asPublisherOf(id))
                .contentType(ContentType.JSON)
                .body(org.toString())
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
        return id;
    }

    /** Zips a package folder as {@code <folder name>/...} entries. */
    private byte[] zip(Path folder) throws IOException {
        Path target = tmp.resolve(folder.getFileName() + ".zip");
        try (OutputStream out = Files.newOutputStream(target);
                ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(
                        folder.getFileName() + "/" + folder.relativize(p).toString()));
                Files.copy(p, zip);
                zip.closeEntry();
            }
        }
        return Files.readAllBytes(target);
    }
}
