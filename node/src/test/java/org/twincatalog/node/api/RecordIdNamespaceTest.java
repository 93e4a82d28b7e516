package org.twincatalog.node.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/**
 * Choosing an id never tells a caller whether a record it may not see exists: ids chosen by
 * clients lie in their publisher's namespace ({@code <publisher>.<name>}), so an id can only be
 * taken by a record of the caller's own organization. Probed as an attacker would: with the ids
 * of another organization's private records.
 */
@QuarkusTest
class RecordIdNamespaceTest {
    private static final String PROBLEM = "application/problem+json";

    @Test
    void createDataset_withTheIdOfAnotherOrganizationsPrivateDataset_answersAsForAFreeId() {
        String victim = Fixtures.newOrganization();
        String attacker = Fixtures.newOrganization();
        String hidden = victim + ".housing-survey";
        create("/api/v1/datasets", victim, privateDataset(victim).put("id", hidden), 201);
        String free = victim + ".nothing-here";

        // as its own publisher, in its own namespace
        Response taken =
                create("/api/v1/datasets", attacker, privateDataset(attacker).put("id", hidden), 422);
        Response untaken =
                create("/api/v1/datasets", attacker, privateDataset(attacker).put("id", free), 422);
        assertSameAnswer(taken, untaken, hidden, free);
        taken.then().body("errors.pointer", contains("/id"));
        // as the victim's publisher it is not: refused before the id is looked at
        taken = create("/api/v1/datasets", attacker, privateDataset(victim).put("id", hidden), 403);
        untaken = create("/api/v1/datasets", attacker, privateDataset(victim).put("id", free), 403);
        assertSameAnswer(taken, untaken, hidden, free);
        // the organization's own publishers learn of their own record
        create("/api/v1/datasets", victim, privateDataset(victim).put("id", hidden), 409);
    }

    @Test
    void createService_withTheIdOfAnotherOrganizationsPrivateService_answersAsForAFreeId() {
        String victim = Fixtures.newOrganization();
        String attacker = Fixtures.newOrganization();
        String hidden = victim + ".internal-api";
        create("/api/v1/services", victim, privateService(victim).put("id", hidden), 201);
        String free = victim + ".no-api";

        Response taken =
                create("/api/v1/services", attacker, privateService(attacker).put("id", hidden), 422);
        Response untaken =
                create("/api/v1/services", attacker, privateService(attacker).put("id", free), 422);
        assertSameAnswer(taken, untaken, hidden, free);
        taken = create("/api/v1/services", attacker, privateService(victim).put("id", hidden), 403);
        untaken = create("/api/v1/services", attacker, privateService(victim).put("id", free), 403);
        assertSameAnswer(taken, untaken, hidden, free);
        create("/api/v1/services", victim, privateService(victim).put("id", hidden), 409);
    }

    @Test
    void createService_servingAnotherOrganizationsPrivateDataset_answersAsForAMissingOne() {
        String victim = Fixtures.newOrganization();
        String attacker = Fixtures.newOrganization();
        String hidden = given().spec(LocalTokens.asPublisherOf(victim))
                .contentType(ContentType.JSON)
                .body(privateDataset(victim).toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        ObjectNode serving = service(attacker);
        serving.putArray("servesDatasets").add(hidden);
        Response taken = create("/api/v1/services", attacker, serving, 422);
        ObjectNode servingNothing = service(attacker);
        servingNothing.putArray("servesDatasets").add("missing-dataset");
        Response untaken = create("/api/v1/services", attacker, servingNothing, 422);
        assertSameAnswer(taken, untaken, hidden, "missing-dataset");
        taken.then().body("errors.pointer", contains("/servesDatasets/0"));
    }

    @Test
    void createDataset_withAnIdOutsideItsPublishersNamespace_is422AtId() {
        String publisher = Fixtures.newOrganization();
        for (String id : List.of("buildings", publisher + ".", publisher + "x.buildings", "x." + publisher)) {
            create(
                            "/api/v1/datasets",
                            publisher,
                            Fixtures.dataset("dataset-minimal.json", publisher).put("id", id),
                            422)
                    .then()
                    .body("errors.pointer", contains("/id"));
        }
        create(
                "/api/v1/datasets",
                publisher,
                Fixtures.dataset("dataset-minimal.json", publisher).put("id", publisher + ".buildings"),
                201);
    }

    @Test
    void moveToAnotherPublisher_ofANamespacedId_is422_ofANodePickedId_isLeftToTheCreateRight() {
        String from = Fixtures.newOrganization();
        String to = Fixtures.newOrganization();
        String namespaced = from + ".moving";
        create(
                "/api/v1/datasets",
                from,
                Fixtures.dataset("dataset-minimal.json", from).put("id", namespaced),
                201);
        String picked = Fixtures.newDataset("dataset-minimal.json", from);
        given().spec(LocalTokens.asPublisherOf(from))
                .header("If-Match", "\"1\"")
                .contentType(ContentType.JSON)
                .body(Fixtures.dataset("dataset-minimal.json", to)
                        .put("id", namespaced)
                        .toString())
                .put("/api/v1/datasets/" + namespaced)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.pointer", contains("/publisher"));
        // a node-picked id lies in no namespace: only the create right at the new publisher decides
        given().spec(LocalTokens.asPublisherOf(from))
                .header("If-Match", "\"1\"")
                .contentType(ContentType.JSON)
                .body(Fixtures.dataset("dataset-minimal.json", to).toString())
                .put("/api/v1/datasets/" + picked)
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
        assertThat(picked).doesNotContain(".");
    }

    @Test
    void createOrganization_withADotInItsId_is422AtId() {
        String id = Fixtures.uniqueId("org") + ".sub";
        ObjectNode org = Fixtures.read("organization.json").put("id", id);
        given().spec(LocalTokens.asPublisherOf(id))
                .contentType(ContentType.JSON)
                .body(org.toString())
                .post("/api/v1/organizations")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.pointer", contains("/id"));
    }

    private static ObjectNode privateDataset(String publisher) {
        ObjectNode dataset = Fixtures.dataset("dataset-minimal.json", publisher);
        dataset.putObject("access").put("metadataVisibility", "private").put("dataAccess", "private");
        return dataset;
    }

    private static ObjectNode service(String publisher) {
        ObjectNode service = new ObjectMapper().createObjectNode();
        service.putObject("title").put("en", "An API");
        service.put("publisher", publisher).put("endpointUrl", "https://api.example.org/ogc");
        return service;
    }

    private static ObjectNode privateService(String publisher) {
        ObjectNode service = service(publisher);
        service.putObject("access").put("metadataVisibility", "private").put("dataAccess", "private");
        return service;
    }

    private static Response create(String path, String asPublisherOf, ObjectNode body, int status) {
        Response response = given().spec(LocalTokens.asPublisherOf(asPublisherOf))
                .contentType(ContentType.JSON)
                .body(body.toString())
                .post(path);
        response.then().statusCode(status);
        return response;
    }

    /** The same status, headers of note and problem body, once each id is written the same way. */
    private static void assertSameAnswer(Response taken, Response untaken, String takenId, String freeId) {
        assertThat(taken.statusCode()).isEqualTo(untaken.statusCode());
        assertThat(taken.contentType()).isEqualTo(PROBLEM).isEqualTo(untaken.contentType());
        Map<String, Object> a = taken.jsonPath().getMap("$");
        Map<String, Object> b = untaken.jsonPath().getMap("$");
        assertThat(a.toString().replace(takenId, "<id>")).isEqualTo(b.toString().replace(freeId, "<id>"));
    }
}
