package org.twincatalog.node.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/**
 * A record's validation answers every problem of the document at once: members the contract does
 * not know, values of the wrong type and unknown enum values (the JSON's shape) come in the same
 * 422 as the Java rules and the metadata profile, so nobody has to fix a document in rounds.
 */
@QuarkusTest
class EveryProblemInOneAnswerTest {
    private String publisher;

    @BeforeEach
    void newPublisher() {
        publisher = Fixtures.newOrganization();
        RestAssured.requestSpecification = LocalTokens.asPublisherOf(publisher);
    }

    @AfterEach
    void anonymousAgain() {
        RestAssured.requestSpecification = null;
    }

    @Test
    void datasetWithShapeRuleAndProfileProblems_getsThemAllInTheFirstAnswer_andNothingIsStored() {
        ObjectNode body = Fixtures.dataset("dataset-many-problems.json", publisher);
        body.put("accessRights", "PUBLIC");
        body.put("issued", "yesterday");
        body.withObject("/twin").put("lods", 2);
        body.withObject("/keywords").put("ja", "not-a-list");
        ((ObjectNode) body.get("distributions").get(0)).put("byteSize", "big");

        List<String> pointers = given().contentType(ContentType.JSON)
                .body(body.toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", is("https://twin-catalog.org/problems/validation-failed"))
                .extract()
                .jsonPath()
                .getList("errors.pointer", String.class);

        assertThat(pointers)
                .contains(
                        // the JSON's shape
                        "/accessRights",
                        "/issued",
                        "/twin/lods",
                        "/keywords/ja",
                        "/distributions/0/byteSize",
                        // the Java rules
                        "/license",
                        "/temporal/end",
                        "/twin/levelsOfDetail/1",
                        "/keywords/en/1",
                        // the SHACL profile
                        "/twin/domain",
                        "/distributions/0/featureType")
                .doesNotHaveDuplicates();
        given().queryParam("publisher", publisher)
                .get("/api/v1/datasets")
                .then()
                .body("total", is(0));
    }

    @Test
    void eachShapeProblem_saysWhatWasExpected() {
        ObjectNode body = Fixtures.dataset("dataset-minimal.json", publisher);
        body.put("issued", "yesterday");
        body.withObject("/twin").put("maturityStage", "omniscience");
        body.withObject("/keywords").put("en", "not-a-list");
        body.put("spatial", "Mapo");
        body.withObject("/twin").put("lods", 2);

        ValidatableResponse answer = given().contentType(ContentType.JSON)
                .body(body.toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(422)
                .body("detail", containsString("5 problems"));
        answer.body("errors.find { it.pointer == '/issued' }.detail", containsString("date"))
                .body("errors.find { it.pointer == '/twin/maturityStage' }.detail", containsString("mirroring"))
                .body("errors.find { it.pointer == '/keywords/en' }.detail", containsString("array"))
                .body("errors.find { it.pointer == '/spatial' }.detail", containsString("object"))
                .body("errors.find { it.pointer == '/twin/lods' }.detail", containsString("not a field"));
    }

    @Test
    void updateAndAddedDistribution_reportShapeAndRuleProblemsTogether() {
        String id = Fixtures.newDataset("dataset-minimal.json", publisher);
        ObjectNode body = Fixtures.dataset("dataset-minimal.json", publisher);
        body.remove("title");
        body.put("modifiedBy", "me");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(body.toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(422)
                .body("errors.pointer", containsInAnyOrder("/title", "/modifiedBy"));

        ObjectNode distribution = (ObjectNode)
                Fixtures.read("dataset-full.json").get("distributions").get(0);
        distribution.remove("id");
        distribution.remove("accessUrl");
        distribution.put("byteSize", -1);
        distribution.put("size", 10);
        distribution.put("levelsOfDetail", "two");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(distribution.toString())
                .post("/api/v1/datasets/" + id + "/distributions")
                .then()
                .statusCode(422)
                .body("errors.pointer", hasItems("/accessUrl", "/byteSize", "/size", "/levelsOfDetail"));
        given().get("/api/v1/datasets/" + id).then().body("recordVersion", is(1));
    }

    @Test
    void organizationAndDataService_reportShapeAndRuleProblemsTogether() {
        ObjectNode org = Fixtures.read("organization.json");
        org.put("id", Fixtures.uniqueId("org"));
        org.put("kind", "kingdom");
        org.put("country", "Korea");
        org.put("motto", "x");
        given().spec(LocalTokens.asPublisherOf(org.get("id").asText()))
                .contentType(ContentType.JSON)
                .body(org.toString())
                .post("/api/v1/organizations")
                .then()
                .statusCode(422)
                .body("errors.pointer", containsInAnyOrder("/kind", "/country", "/motto"));

        String service = "{\"title\":{\"en\":\"Broken\"},\"publisher\":\"" + publisher
                + "\",\"endpointUrl\":42,\"servesDatasets\":\"missing\",\"protocol\":\"gopher\"}";
        given().contentType(ContentType.JSON)
                .body(service)
                .post("/api/v1/services")
                .then()
                .statusCode(422)
                .body("errors.pointer", hasItems("/endpointUrl", "/servesDatasets", "/protocol"));
    }

    @Test
    void hundredsOfUnknownMembers_areReportedUpToALimit() {
        ObjectNode body = Fixtures.dataset("dataset-minimal.json", publisher);
        for (int i = 0; i < 5000; i++) {
            body.put("x" + i, i);
        }
        given().contentType(ContentType.JSON)
                .body(body.toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(422)
                .body("errors.size()", is(100));
    }

    @Test
    void anAnonymousWrite_isRefusedBeforeItsShapeIsLookedAt() {
        ObjectNode body = Fixtures.dataset("dataset-minimal.json", publisher);
        body.put("lods", 2);
        RestAssured.requestSpecification = null;
        given().contentType(ContentType.JSON)
                .body(body.toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(401);
    }

    @Test
    void aBadBodyForADatasetTheCallerCannotSee_isA404_andTellsNothingOfIt() {
        ObjectNode hidden = Fixtures.dataset("dataset-minimal.json", publisher);
        hidden.putObject("access").put("metadataVisibility", "private").put("dataAccess", "private");
        String id = Fixtures.newDataset(hidden);
        ObjectNode body = Fixtures.dataset("dataset-minimal.json", publisher);
        body.put("lods", 2);
        body.put("issued", "yesterday");
        given().spec(LocalTokens.asPublisherOf(Fixtures.newOrganization()))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(body.toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(404);
        given().spec(LocalTokens.asPublisherOf(Fixtures.newOrganization()))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body("{\"accessUrl\": 7, \"size\": 1}")
                .post("/api/v1/datasets/" + id + "/distributions")
                .then()
                .statusCode(404);
    }

    @Test
    void aBodyThatIsNotAnObject_isStillA400() {
        given().contentType(ContentType.JSON)
                .body("[1, 2]")
                .post("/api/v1/datasets")
                .then()
                .statusCode(400)
                .body("type", is("https://twin-catalog.org/problems/malformed-request"));
    }
}
