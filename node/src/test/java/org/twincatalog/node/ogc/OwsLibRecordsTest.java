package org.twincatalog.node.ogc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/**
 * OWSLib ({@code owslib.ogcapi.records.Records}, Debian's python3-owslib) finds records through
 * the node's OGC API - Records: a Python script drives the running test node and prints what it
 * saw. Without python3 and OWSLib the test fails and says how to install them.
 */
@QuarkusTest
class OwsLibRecordsTest {
    private static final Path SCRIPT = Path.of("src/test/python/owslib_records.py");

    @TestHTTPResource("/api/v1/ogc-records")
    URL landingPage;

    @Test
    void owslib_findsPagesAndReadsRecords_butNeverAPrivateOne() throws Exception {
        TestDatasets mine = new TestDatasets();
        List<String> ids = new ArrayList<>();
        ids.add(mine.register("dataset-full.json", "alpha", null));
        ids.add(mine.register("dataset-minimal.json", "bravo", null));
        ids.add(mine.register("dataset-minimal.json", "charlie", null));
        TestDatasets other = new TestDatasets();
        other.register("dataset-full.json", "hidden", "private");

        JsonNode out = runOwsLib(landingPage.toString(), mine.word(), other.word());

        assertThat(texts(out.get("landing_links"))).contains("conformance", "data", "service-desc", "self");
        assertThat(texts(out.get("conformance")))
                .contains("http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/core")
                .contains("http://www.opengis.net/spec/ogcapi-records-1/1.0/conf/searchable-catalog");
        assertThat(texts(out.get("record_collections"))).containsExactly("datasets");
        assertThat(out.get("collection").asText()).isEqualTo("record");
        assertThat(texts(out.get("queryables"))).contains("q", "geometry", "time", "type", "externalIds");

        assertThat(out.get("matched").asInt()).isEqualTo(3);
        assertThat(texts(out.get("page_sizes"))).containsExactly("2", "1");
        assertThat(texts(out.get("paged_ids"))).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(out.get("next_link").asBoolean()).isTrue();
        assertThat(texts(out.get("bbox_ids"))).containsExactly(ids.get(0));
        List<String> titles = texts(out.get("titles_sorted"));
        assertThat(titles).hasSize(3).isSorted();

        JsonNode record = out.get("record");
        assertThat(ids).contains(record.get("id").asText());
        assertThat(record.get("type").asText()).isEqualTo("Feature");
        assertThat(record.get("title").asText()).contains(mine.word());
        assertThat(texts(record.get("alternate"))).contains("text/turtle", "application/ld+json");
        assertThat(texts(out.get("external_ids")))
                .containsExactly(record.get("id").asText());

        assertThat(out.get("hidden_matched").asInt()).isZero();

        assertThat(texts(out.get("either_ids"))).containsExactlyInAnyOrder(ids.get(0), ids.get(2));
        assertThat(out.get("all_words_matched").asInt()).isZero();
        assertThat(texts(out.get("ids_found")))
                .hasSize(2)
                .containsExactlyInAnyOrderElementsOf(texts(out.get("ids_asked")));
        JsonNode refused = out.get("unknown_parameter");
        assertThat(refused.get("status").asInt()).isEqualTo(400);
        assertThat(refused.at("/errors/0/pointer").asText()).isEqualTo("/query/frobnicate");

        JsonNode box = out.at("/extent/spatial/bbox/0");
        assertThat(box.get(0).asDouble()).isLessThanOrEqualTo(126.88);
        assertThat(box.get(1).asDouble()).isLessThanOrEqualTo(37.535);
        assertThat(box.get(2).asDouble()).isGreaterThanOrEqualTo(126.965);
        assertThat(box.get(3).asDouble()).isGreaterThanOrEqualTo(37.59);
        JsonNode interval = out.at("/extent/temporal/interval/0");
        assertThat(interval.get(0).isNull() || interval.get(0).asText().compareTo("2024-01-01") <= 0)
                .as("interval start %s", interval.get(0))
                .isTrue();
        assertThat(interval.get(1).isNull() || interval.get(1).asText().compareTo("2024-12-31") >= 0)
                .as("interval end %s", interval.get(1))
                .isTrue();
    }

    @Test
    void theCollectionsExtent_coversTheRecordsTheCallerMaySee_andNoOthers() {
        TestDatasets mine = new TestDatasets();
        // one public record with a box (Mapo), whatever other tests left in the database
        mine.register("dataset-full.json", "near", null);
        ObjectNode far = Fixtures.dataset("dataset-full.json", mine.publisher());
        far.withObject("/title").put("en", "Far away " + mine.word());
        far.putObject("spatial")
                .putArray("bbox")
                .add(-170.5)
                .add(-80.25)
                .add(-169.5)
                .add(-79.75);
        far.putObject("temporal").put("start", "1850-01-01").put("end", "1850-12-31");
        far.putObject("access").put("metadataVisibility", "private").put("dataAccess", "private");
        given().spec(LocalTokens.asPublisherOf(mine.publisher()))
                .contentType(ContentType.JSON)
                .body(far.toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(201);

        JsonPath owner = given().spec(LocalTokens.asPublisherOf(mine.publisher()))
                .get("/api/v1/ogc-records/collections/datasets")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(owner.getList("extent.spatial.bbox[0]", Float.class)).startsWith(-170.5f, -80.25f);
        assertThat(owner.getString("extent.temporal.interval[0][0]")).isEqualTo("1850-01-01");

        JsonPath anonymous = given().get("/api/v1/ogc-records/collections")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(anonymous.getFloat("collections[0].extent.spatial.bbox[0][0]"))
                .isGreaterThan(-170.5f);
        assertThat(anonymous.getFloat("collections[0].extent.spatial.bbox[0][1]"))
                .isGreaterThan(-80.25f);
        assertThat(anonymous.getString("collections[0].extent.temporal.interval[0][0]"))
                .isNotEqualTo("1850-01-01");
    }

    private static JsonNode runOwsLib(String url, String word, String hiddenWord) throws Exception {
        String python = python();
        Process process = new ProcessBuilder(python, SCRIPT.toString(), url, word, hiddenWord)
                .redirectErrorStream(false)
                .start();
        byte[] stdout;
        byte[] stderr;
        try {
            stdout = process.getInputStream().readAllBytes();
            stderr = process.getErrorStream().readAllBytes();
        } finally {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("the OWSLib script did not finish within 120 s");
            }
        }
        String err = new String(stderr, StandardCharsets.UTF_8);
        if (err.contains("No module named 'owslib'")) {
            fail(python + " has no OWSLib: install Debian's python3-owslib (apt-get install python3-owslib), "
                    + "or name an interpreter that has it with -Dtc.python=...\n" + err);
        }
        assertThat(process.exitValue()).as("the OWSLib script failed:\n%s", err).isZero();
        return new ObjectMapper().readTree(new String(stdout, StandardCharsets.UTF_8));
    }

    /** Debian's python3 (where python3-owslib installs), unless -Dtc.python names another. */
    private static String python() throws IOException {
        String chosen = System.getProperty("tc.python", System.getenv().getOrDefault("TC_PYTHON", ""));
        if (!chosen.isBlank()) {
            return chosen;
        }
        for (String candidate : List.of("/usr/bin/python3", "/usr/local/bin/python3")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        fail("python3 was not found (looked for /usr/bin/python3): install Debian's python3 and python3-owslib "
                + "(apt-get install python3-owslib), or name an interpreter with -Dtc.python=...");
        throw new IOException("unreachable");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
