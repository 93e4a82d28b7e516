package org.twincatalog.node.standards;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/**
 * Registration runs the SHACL metadata profile after the Java rules: violations are 422 problems
 * with a JSON Pointer per finding; warnings and the DQV quality come back and are kept with the record.
 */
@QuarkusTest
class DatasetProfileApiTest {
    private String publisher;

    @BeforeEach
    void newPublisher() {
        publisher = Fixtures.newOrganization();
    }

    @Test
    void minimalDataset_isRegistered_withWarningsPointingAtRecommendedFields() {
        JsonPath created = create(Fixtures.dataset("dataset-minimal.json", publisher))
                .statusCode(201)
                .extract()
                .jsonPath();

        assertThat(created.getList("warnings.pointer", String.class))
                .contains(
                        "/keywords",
                        "/themes",
                        "/contactPoint",
                        "/temporal",
                        "/issued",
                        "/accrualPeriodicity",
                        "/distributions",
                        "/conformsTo",
                        "/twin/domain",
                        "/twin/maturityStage",
                        "/twin/sourceCrs",
                        "/spatial/bbox")
                .doesNotContain("/modified", "");
        assertThat(created.getString("warnings.find { it.pointer == '/temporal' }.detail"))
                .startsWith("Recommended");
        assertThat(created.getBoolean("quality.conforms")).isTrue();
        assertThat(created.getDouble("quality.completeness")).isBetween(0.0, 0.6);
        assertThat(created.getDouble("quality.score")).isBetween(40.0, 80.0);
        assertThat(created.getInt("quality.warnings"))
                .isEqualTo(created.getList("warnings").size());
        assertThat(created.getList("quality.measurements.metric", String.class))
                .contains(
                        "https://twin-catalog.org/ns/tc#metadataCompleteness",
                        "https://twin-catalog.org/ns/tc#qualityScore")
                .doesNotContain("https://twin-catalog.org/ns/tc#linkHealth");
    }

    @Test
    void fullDataset_hasNoWarnings_andFullCompleteness() {
        JsonPath created = create(Fixtures.dataset("dataset-full.json", publisher))
                .statusCode(201)
                .extract()
                .jsonPath();

        assertThat(created.getList("warnings")).isNull();
        assertThat(created.getDouble("quality.completeness")).isEqualTo(1.0);
        assertThat(created.getDouble("quality.score")).isEqualTo(100.0);
        assertThat(created.getList("quality.missing")).isNull();
    }

    @Test
    void qualityIsStored_notRecomputedOnRead() {
        JsonPath created = create(Fixtures.dataset("dataset-minimal.json", publisher))
                .statusCode(201)
                .extract()
                .jsonPath();
        String id = created.getString("id");

        for (int i = 0; i < 2; i++) {
            given().get("/api/v1/datasets/" + id)
                    .then()
                    .statusCode(200)
                    .body("quality.computedAt", is(created.getString("quality.computedAt")))
                    .body("warnings.pointer", hasItem("/keywords"));
        }
        given().queryParam("publisher", publisher)
                .get("/api/v1/datasets")
                .then()
                .body("items[0].quality.score", is(created.getFloat("quality.score")));
    }

    @Test
    void readOnlyFieldsSentBack_areIgnored_andMakeNoNewVersion() throws Exception {
        String id = Fixtures.newDataset("dataset-minimal.json", publisher);
        String read = given().get("/api/v1/datasets/" + id).then().extract().asString();
        ObjectNode body = (ObjectNode) new ObjectMapper().readTree(read);
        body.putObject("quality").put("score", 100.0);

        given().spec(LocalTokens.asPublisherOf(publisher))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(body.toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("recordVersion", is(1))
                .body("quality.score", is(JsonPath.from(read).getFloat("quality.score")));
    }

    @Test
    void update_recomputesWarningsAndQuality() {
        String id = Fixtures.newDataset("dataset-minimal.json", publisher);
        ObjectNode body = Fixtures.dataset("dataset-minimal.json", publisher);
        body.putObject("keywords").putArray("en").add("road");
        body.putObject("temporal").put("start", "2024-01-01");

        JsonPath updated = given().spec(LocalTokens.asPublisherOf(publisher))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(body.toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(updated.getList("warnings.pointer", String.class)).doesNotContain("/keywords", "/temporal");
    }

    @Test
    void missingAccessRightsAndSpatial_answer422_withPointers() {
        ObjectNode body = Fixtures.dataset("dataset-minimal.json", publisher);
        body.remove("accessRights");
        body.remove("spatial");

        create(body)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", is("https://twin-catalog.org/problems/validation-failed"))
                .body("detail", containsString("metadata profile"))
                .body("errors", hasSize(2))
                .body("errors.pointer", org.hamcrest.Matchers.containsInAnyOrder("/accessRights", "/spatial"));
    }

    @Test
    void javaRuleAndProfileViolations_allComeInTheFirstAnswer() {
        List<String> pointers = create(Fixtures.dataset("dataset-many-problems.json", publisher))
                .statusCode(422)
                .body("type", is("https://twin-catalog.org/problems/validation-failed"))
                .body("detail", containsString("metadata profile"))
                .extract()
                .jsonPath()
                .getList("errors.pointer", String.class);
        assertThat(pointers)
                .contains(
                        // the Java rules
                        "/license",
                        "/temporal/end",
                        "/twin/levelsOfDetail/1",
                        "/keywords/en/1",
                        // the SHACL profile
                        "/accessRights",
                        "/twin/domain",
                        "/distributions/0/featureType")
                .doesNotHaveDuplicates();
    }

    @Test
    void conceptsOutsideTheirScheme_answer422_atTheField() {
        ObjectNode body = Fixtures.dataset("dataset-full.json", publisher);
        ObjectNode twin = (ObjectNode) body.get("twin");
        twin.put("domain", "astrology");
        twin.putArray("featureTypes").add("bldg").add("nope");
        ((ObjectNode) body.get("distributions").get(0)).put("featureType", "nope");

        List<String> pointers =
                create(body).statusCode(422).extract().jsonPath().getList("errors.pointer", String.class);
        assertThat(pointers)
                .containsExactlyInAnyOrder("/twin/domain", "/twin/featureTypes/1", "/distributions/0/featureType");
    }

    @Test
    void addedDistribution_outsideTheProfile_answers422_pointingIntoItsBody() {
        String id = Fixtures.newDataset("dataset-minimal.json", publisher);
        ObjectNode dist = (ObjectNode)
                Fixtures.read("dataset-full.json").get("distributions").get(0);
        dist.remove("id");
        dist.put("featureType", "nope");

        given().spec(LocalTokens.asPublisherOf(publisher))
                .contentType(ContentType.JSON)
                .body(dist.toString())
                .post("/api/v1/datasets/" + id + "/distributions")
                .then()
                .statusCode(422)
                .body("errors.pointer", org.hamcrest.Matchers.contains("/featureType"));
    }

    private ValidatableResponse create(ObjectNode body) {
        return given().spec(LocalTokens.asPublisherOf(publisher))
                .contentType(ContentType.JSON)
                .body(body.toString())
                .post("/api/v1/datasets")
                .then();
    }
}
