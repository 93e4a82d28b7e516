package org.twincatalog.node.changes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/** The change feed is the harvest contract: ordered, gap-free, every write exactly once. */
@QuarkusTest
class ChangeFeedTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Test
    void feed_reportsCreateUpdateWithdraw_inOrder_withVersionsAndHashes() {
        String publisher = Fixtures.newOrganization();
        // writes need a publisher of the owning organization (the access policy)
        RestAssured.requestSpecification = LocalTokens.asPublisherOf(publisher);
        long start = lastSequence();
        String id = Fixtures.newDataset("dataset-minimal.json", publisher);
        ObjectNode changed = Fixtures.dataset("dataset-minimal.json", publisher);
        changed.putObject("title").put("en", "Changed");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(changed.toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(200);
        given().delete("/api/v1/datasets/" + id).then().statusCode(204);

        List<JsonNode> changes = readAll(start);

        assertThat(changes)
                .extracting(c -> c.get("sequence").asLong())
                .containsExactly(start + 1, start + 2, start + 3);
        assertThat(changes).extracting(c -> c.get("recordId").asText()).containsOnly(id);
        assertThat(changes).extracting(c -> c.get("kind").asText()).containsExactly("created", "updated", "withdrawn");
        assertThat(changes).extracting(c -> c.get("recordVersion").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(changes.get(0).get("contentHash").asText())
                .startsWith("sha256:")
                .isNotEqualTo(changes.get(1).get("contentHash").asText());
        assertThat(changes.get(2).get("contentHash")).isEqualTo(changes.get(1).get("contentHash"));
    }

    @Test
    void rejectedWrite_appendsNoChange() {
        long start = lastSequence();
        given().spec(LocalTokens.asPublisherOf("no-such-org"))
                .contentType(ContentType.JSON)
                .body(Fixtures.dataset("dataset-minimal.json", "no-such-org").toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(422);
        assertThat(lastSequence()).isEqualTo(start);
    }

    @Test
    void page_pastTheEnd_isEmpty_andKeepsTheCursor() {
        long last = lastSequence();
        given().queryParam("after", last + 100)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .body("changes.size()", org.hamcrest.Matchers.is(0))
                .body("next", org.hamcrest.Matchers.is((int) (last + 100)))
                .body("hasMore", org.hamcrest.Matchers.is(false));
        given().queryParam("after", -1).get("/api/v1/changes").then().statusCode(400);
        given().queryParam("limit", 1001).get("/api/v1/changes").then().statusCode(400);
    }

    @Test
    void hiddenWrites_moveNeitherTheCursorNorTheHeads_ofACallerWhoCannotSeeThem() {
        String neighbour = Fixtures.newOrganization();
        String owner = Fixtures.newOrganization();
        Fixtures.newDataset("dataset-minimal.json", owner); // public: everyone sees this change
        ObjectNode secret = Fixtures.dataset("dataset-minimal.json", owner);
        secret.putObject("access").put("metadataVisibility", "private").put("dataAccess", "private");
        String hidden = Fixtures.newDataset(secret);
        long hiddenSequence = given().spec(LocalTokens.asPublisherOf(owner))
                .get("/api/v1/catalog")
                .then()
                .extract()
                .<Number>path("lastSequence")
                .longValue();
        long visibleHead = lastSequence(); // anonymous

        assertThat(visibleHead).isEqualTo(hiddenSequence - 1);
        given().queryParam("after", visibleHead - 1)
                .get("/api/v1/changes")
                .then()
                .statusCode(200)
                .body("changes.size()", org.hamcrest.Matchers.is(1))
                .body("next", org.hamcrest.Matchers.is((int) visibleHead))
                .body("hasMore", org.hamcrest.Matchers.is(false));
        given().queryParam("after", visibleHead)
                .get("/api/v1/changes")
                .then()
                .body("changes.size()", org.hamcrest.Matchers.is(0))
                .body("next", org.hamcrest.Matchers.is((int) visibleHead));
        given().queryParam("after", visibleHead - 1)
                .get("/api/v1/federation/feed")
                .then()
                .statusCode(200)
                .body("next", org.hamcrest.Matchers.is((int) visibleHead))
                .body("head", org.hamcrest.Matchers.is((int) visibleHead));
        given().queryParam("after", visibleHead - 1)
                .queryParam("limit", 1)
                .get("/api/v1/federation/feed")
                .then()
                .body("head", org.hamcrest.Matchers.is((int) visibleHead));
        // another organization's steward cannot see it either; its publisher follows it
        given().spec(LocalTokens.bearer(LocalTokens.stewardOf(neighbour)))
                .queryParam("after", visibleHead)
                .get("/api/v1/changes")
                .then()
                .body("changes.size()", org.hamcrest.Matchers.is(0))
                .body("next", org.hamcrest.Matchers.is((int) visibleHead));
        given().spec(LocalTokens.asPublisherOf(owner))
                .queryParam("after", visibleHead)
                .get("/api/v1/changes")
                .then()
                .body("changes[0].recordId", org.hamcrest.Matchers.is(hidden))
                .body("next", org.hamcrest.Matchers.is((int) hiddenSequence));
    }

    @Test
    void concurrentWriters_produceAGapFreeFeed_thatAConcurrentReaderFollowsWithoutMissingAny() throws Exception {
        String publisher = Fixtures.newOrganization();
        // writes need a publisher of the owning organization (the access policy)
        RestAssured.requestSpecification = LocalTokens.asPublisherOf(publisher);
        long start = lastSequence();
        HttpClient http = HttpClient.newHttpClient();
        String body = Fixtures.dataset("dataset-minimal.json", publisher).toString();
        String token = LocalTokens.publisherOf(publisher);
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Long> followed = new ArrayList<>();
        Future<?> reader = pool.submit(() -> {
            long cursor = start;
            while (writing.get() || cursor < lastSequence()) {
                JsonNode page = get(http, "api/v1/changes?limit=7&after=" + cursor);
                for (JsonNode c : page.get("changes")) {
                    followed.add(c.get("sequence").asLong());
                }
                cursor = page.get("next").asLong();
            }
            return null;
        });
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 15; i++) {
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(base.toURI().resolve("api/v1/datasets"))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", "Bearer " + token)
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).isEqualTo(201);
                }
                return null;
            }));
        }
        for (Future<?> f : writers) {
            f.get(120, TimeUnit.SECONDS);
        }
        writing.set(false);
        reader.get(120, TimeUnit.SECONDS);
        pool.shutdown();

        List<Long> expected = java.util.stream.LongStream.rangeClosed(start + 1, start + 60)
                .boxed()
                .toList();
        assertThat(readAll(start)).extracting(c -> c.get("sequence").asLong()).containsExactlyElementsOf(expected);
        assertThat(followed).containsExactlyElementsOf(expected);
    }

    private long lastSequence() {
        return given().get("/api/v1/catalog")
                .then()
                .extract()
                .<Number>path("lastSequence")
                .longValue();
    }

    private List<JsonNode> readAll(long after) {
        List<JsonNode> all = new ArrayList<>();
        long cursor = after;
        boolean more = true;
        while (more) {
            String page = given().queryParam("after", cursor)
                    .queryParam("limit", 25)
                    .get("/api/v1/changes")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            JsonNode node = read(page);
            node.get("changes").forEach(all::add);
            cursor = node.get("next").asLong();
            more = node.get("hasMore").asBoolean();
        }
        return all;
    }

    private JsonNode get(HttpClient http, String path) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return read(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void anonymousAgain() {
        RestAssured.requestSpecification = null;
    }
}
