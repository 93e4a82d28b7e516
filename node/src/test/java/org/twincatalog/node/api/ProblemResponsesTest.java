package org.twincatalog.node.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/** Bad input always gets an RFC 9457 problem saying what was wrong and where, and loses nothing. */
@QuarkusTest
class ProblemResponsesTest {
    private String publisher;

    @BeforeEach
    void newPublisher() {
        publisher = Fixtures.newOrganization();
        // writes need a publisher of the owning organization (the access policy)
        RestAssured.requestSpecification = LocalTokens.asPublisherOf(publisher);
    }

    @Test
    void malformedJson_answers400_withLineAndColumn_andNoClassNames() {
        given().contentType(ContentType.JSON)
                .body("{\"title\": {\"en\": \"x\"")
                .post("/api/v1/datasets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://twin-catalog.org/problems/malformed-request"))
                .body(
                        "detail",
                        allOf(
                                containsString("line 1"),
                                not(containsString("Exception")),
                                not(containsString("com.fasterxml"))));
    }

    @Test
    void emptyBody_answers400() {
        given().contentType(ContentType.JSON)
                .body("")
                .post("/api/v1/datasets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void wrongMediaType_answers415() {
        given().contentType(ContentType.XML)
                .body("<dataset/>")
                .post("/api/v1/datasets")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", is("https://twin-catalog.org/problems/unsupported-media-type"));
    }

    @Test
    void invalidContent_answers422_withAPointerForEachBadField() {
        ObjectNode body = Fixtures.dataset("dataset-full.json", publisher);
        body.remove("title");
        body.withObject("/spatial")
                .putArray("bbox")
                .add(127.2)
                .add(37.5)
                .add(127.1)
                .add(95.0);
        body.withObject("/twin").putArray("levelsOfDetail").add(5);
        body.put("license", "not-absolute");
        body.withObject("/temporal").put("end", "2023-01-01");

        given().contentType(ContentType.JSON)
                .body(body.toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", is("https://twin-catalog.org/problems/validation-failed"))
                .body(
                        "errors.pointer",
                        hasItems(
                                "/title",
                                "/spatial/bbox",
                                "/spatial/bbox/3",
                                "/twin/levelsOfDetail/0",
                                "/license",
                                "/temporal/end"));
        given().queryParam("publisher", publisher)
                .get("/api/v1/datasets")
                .then()
                .body("total", is(0));
    }

    @Test
    void unknownPublisher_answers422_atPublisher() {
        given().contentType(ContentType.JSON)
                .body(Fixtures.dataset("dataset-minimal.json", "no-such-org").toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/publisher"));
    }

    @Test
    void unknownField_answers422_pointingAtIt() {
        ObjectNode body = Fixtures.dataset("dataset-minimal.json", publisher);
        body.withObject("/twin").put("lods", 2);
        given().contentType(ContentType.JSON)
                .body(body.toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/twin/lods"));
    }

    @Test
    void valueOfWrongType_answers422_pointingAtIt() {
        ObjectNode body = Fixtures.dataset("dataset-minimal.json", publisher);
        body.put("issued", "yesterday");
        given().contentType(ContentType.JSON)
                .body(body.toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/issued"));
        body.put("issued", "2024-01-01");
        body.withObject("/twin").put("maturityStage", "omniscience");
        given().contentType(ContentType.JSON)
                .body(body.toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(422)
                .body("errors[0].pointer", is("/twin/maturityStage"))
                .body("errors[0].detail", containsString("mirroring"));
    }

    @Test
    void oversizedBody_answers413() {
        ObjectNode body = Fixtures.dataset("dataset-minimal.json", publisher);
        body.withObject("/description").put("en", "x".repeat(1_100_000));
        given().contentType(ContentType.JSON)
                .body(body.toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", is("https://twin-catalog.org/problems/too-large"));
    }

    @Test
    void unknownPath_answers404Problem() {
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unsupportedAccept_answers406() {
        String id = Fixtures.newDataset("dataset-minimal.json", publisher);
        given().accept("image/png")
                .get("/api/v1/datasets/" + id)
                .then()
                .statusCode(406)
                .contentType("application/problem+json");
    }

    @AfterEach
    void anonymousAgain() {
        RestAssured.requestSpecification = null;
    }
}
