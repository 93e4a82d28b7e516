package org.twincatalog.node.federation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/**
 * A change that takes a record out of a caller's sight is shown to that caller in the federation
 * feed as a {@code hidden} entry (the id and the version and hash it last saw, nothing of the new
 * state), so that a parent withdraws its mirror at its next harvest. A caller that never saw the
 * record learns nothing.
 */
@QuarkusTest
class HiddenChangesFeedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "Relocation plan not yet announced";

    @Test
    void feed_showsACallerThatSawARecord_thatItWasHidden_andNothingOfItsNewState() throws Exception {
        String org = Fixtures.newOrganization();
        RequestSpecification anonymous = given();
        long cursor = head(null);
        String id = Fixtures.newDataset("dataset-minimal.json", org);
        JsonNode created = only(entries(null, cursor), id);
        assertThat(created.path("change").path("kind").asText()).isEqualTo("created");
        long seen = created.path("change").path("sequence").asLong();

        makePrivate(org, id, 1, SECRET);
        makePrivate(org, id, 2, SECRET + " (revised)"); // while private: nobody outside learns of it

        String body = feed(null, seen);
        assertThat(body).doesNotContain(SECRET).doesNotContain("Relocation");
        JsonNode hidden = only(entries(null, seen), id);
        assertThat(hidden.path("change").path("kind").asText()).isEqualTo("hidden");
        assertThat(hidden.path("change").path("recordVersion").asLong()).isEqualTo(1);
        assertThat(hidden.path("change").path("contentHash").asText())
                .isEqualTo(created.path("change").path("contentHash").asText());
        assertThat(hidden.has("dataset")).isFalse();
        // the feed's head moves to it, and the page after it is empty for this record
        long after = hidden.path("change").path("sequence").asLong();
        assertThat(entries(null, after))
                .noneMatch(e -> id.equals(e.path("change").path("recordId").asText()));
        assertThat(anonymous.get("/api/v1/datasets/" + id).statusCode()).isEqualTo(404);

        // its owner still sees every change, as it is
        List<JsonNode> own = entries(LocalTokens.publisherOf(org), seen).stream()
                .filter(e -> id.equals(e.path("change").path("recordId").asText()))
                .toList();
        assertThat(own).extracting(e -> e.path("change").path("kind").asText()).containsOnly("updated");
        assertThat(own).hasSize(2);
    }

    @Test
    void feed_tellsACallerThatNeverSawTheRecord_nothing() throws Exception {
        String org = Fixtures.newOrganization();
        String other = LocalTokens.publisherOf(Fixtures.newOrganization());
        ObjectNode dataset = Fixtures.dataset("dataset-minimal.json", org);
        dataset.putObject("access").put("metadataVisibility", "restricted").put("dataAccess", "restricted");
        dataset.put("accessRights", "restricted");
        long anonymousCursor = head(null);
        long otherCursor = head(other);
        String id = Fixtures.newDataset(dataset);
        makePrivate(org, id, 1, SECRET);

        assertThat(feed(null, anonymousCursor)).doesNotContain(id);
        assertThat(feed(other, otherCursor)).doesNotContain(id);
    }

    @Test
    void feed_ofARecordSharedWithACaller_hidesItFromThatCaller_onlyWhenItLeavesItsSight() throws Exception {
        String org = Fixtures.newOrganization();
        String partnerOrg = Fixtures.newOrganization();
        String partner = LocalTokens.publisherOf(partnerOrg);
        String stranger = LocalTokens.publisherOf(Fixtures.newOrganization());
        ObjectNode dataset = Fixtures.dataset("dataset-minimal.json", org);
        dataset.putObject("access")
                .put("metadataVisibility", "restricted")
                .put("dataAccess", "restricted")
                .putArray("sharedWith")
                .add(partnerOrg);
        dataset.put("accessRights", "restricted");
        long partnerCursor = head(partner);
        long strangerCursor = head(stranger);
        String id = Fixtures.newDataset(dataset);
        makePrivate(org, id, 1, SECRET);

        List<JsonNode> forPartner = entries(partner, partnerCursor).stream()
                .filter(e -> id.equals(e.path("change").path("recordId").asText()))
                .toList();
        assertThat(forPartner)
                .extracting(e -> e.path("change").path("kind").asText())
                .containsExactly("hidden");
        assertThat(feed(stranger, strangerCursor)).doesNotContain(id);
    }

    private static void makePrivate(String org, String id, long version, String title) {
        ObjectNode dataset = Fixtures.dataset("dataset-minimal.json", org);
        dataset.put("id", id);
        dataset.putObject("title").put("en", title);
        dataset.putObject("access").put("metadataVisibility", "private").put("dataAccess", "private");
        dataset.put("accessRights", "non-public");
        given().spec(LocalTokens.asPublisherOf(org))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"" + version + "\"")
                .body(dataset.toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(200);
    }

    private static long head(String token) throws Exception {
        return JSON.readTree(feed(token, 0, 1)).path("head").asLong();
    }

    private static String feed(String token, long after) {
        return feed(token, after, 1000);
    }

    private static String feed(String token, long after, int limit) {
        RequestSpecification request = token == null ? given() : given().spec(LocalTokens.bearer(token));
        return request.get("/api/v1/federation/feed?after=" + after + "&limit=" + limit)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static List<JsonNode> entries(String token, long after) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        JSON.readTree(feed(token, after)).path("entries").forEach(all::add);
        return all;
    }

    private static JsonNode only(List<JsonNode> entries, String id) {
        List<JsonNode> of = entries.stream()
                .filter(e -> id.equals(e.path("change").path("recordId").asText()))
                .toList();
        assertThat(of).as("entries of " + id).hasSize(1);
        return of.get(0);
    }
}
