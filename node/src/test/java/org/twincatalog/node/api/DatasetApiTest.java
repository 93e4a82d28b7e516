package org.twincatalog.node.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/** Dataset registry: create, read, list, update with If-Match, withdraw, distributions. */
@QuarkusTest
class DatasetApiTest {
    private String publisher;

    @BeforeEach
    void newPublisher() {
        publisher = Fixtures.newOrganization();
        // writes need a publisher of the owning organization (the access policy)
        RestAssured.requestSpecification = LocalTokens.asPublisherOf(publisher);
    }

    @Test
    void create_minimalDataset_answers201WithLocationEtagAndServerFields() {
        given().contentType(ContentType.JSON)
                .body(Fixtures.dataset("dataset-minimal.json", publisher).toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/v1/datasets/"))
                .header("ETag", equalTo("\"1\""))
                .body("id", notNullValue())
                .body("recordVersion", is(1))
                .body("status", is("published"))
                .body("created", notNullValue())
                .body("title.ko", is("마포구 도로 3D 모델"));
    }

    @Test
    void create_fullDataset_roundTripsEveryField() {
        ObjectNode sent = Fixtures.dataset("dataset-full.json", publisher);
        String id = Fixtures.newDataset("dataset-full.json", publisher);

        ObjectNode read = given().get("/api/v1/datasets/" + id)
                .then()
                .statusCode(200)
                .extract()
                .as(ObjectNode.class);

        for (String field : List.of(
                "title",
                "description",
                "keywords",
                "themes",
                "contactPoint",
                "spatial",
                "temporal",
                "issued",
                "accrualPeriodicity",
                "license",
                "accessRights",
                "conformsTo",
                "version",
                "landingPage",
                "twin",
                "distributions")) {
            assertThat(read.get(field)).as(field).isEqualTo(sent.get(field));
        }
    }

    @Test
    void create_withClientId_usesIt_andSecondCreateConflicts() {
        ObjectNode body = Fixtures.dataset("dataset-minimal.json", publisher);
        String id = publisher + "." + Fixtures.uniqueId("ds");
        body.put("id", id);

        given().contentType(ContentType.JSON)
                .body(body.toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(201)
                .header("Location", endsWith("/api/v1/datasets/" + id));
        given().contentType(ContentType.JSON)
                .body(body.toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", is("https://twin-catalog.org/problems/conflict"))
                .body("detail", containsString(id));
    }

    @Test
    void get_unknownId_answers404Problem() {
        given().get("/api/v1/datasets/no-such-dataset")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404))
                .body("title", is("Not found"))
                .body("instance", is("/api/v1/datasets/no-such-dataset"));
    }

    @Test
    void update_withCurrentEtag_bumpsVersion_andStaleEtagAnswers412() {
        String id = Fixtures.newDataset("dataset-minimal.json", publisher);
        ObjectNode body = Fixtures.dataset("dataset-minimal.json", publisher);
        body.putObject("title").put("en", "Renamed");

        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(body.toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("recordVersion", is(2))
                .body("title.en", is("Renamed"));

        body.putObject("title").put("en", "Lost update");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(body.toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", is("https://twin-catalog.org/problems/stale-version"));
        given().get("/api/v1/datasets/" + id).then().body("title.en", is("Renamed"));
    }

    @Test
    void update_withoutIfMatch_answers428() {
        String id = Fixtures.newDataset("dataset-minimal.json", publisher);
        given().contentType(ContentType.JSON)
                .body(Fixtures.dataset("dataset-minimal.json", publisher).toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("detail", containsString("If-Match"));
    }

    @Test
    void update_thatChangesNothing_keepsTheVersion() {
        String id = Fixtures.newDataset("dataset-minimal.json", publisher);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(Fixtures.dataset("dataset-minimal.json", publisher).toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(200)
                .body("recordVersion", is(1));
    }

    @Test
    void update_withoutDistributions_keepsThem() {
        String id = Fixtures.newDataset("dataset-full.json", publisher);
        ObjectNode body = Fixtures.dataset("dataset-full.json", publisher);
        body.remove("distributions");
        body.put("version", "2024.3");

        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(body.toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(200)
                .body("distributions", hasSize(1))
                .body("version", is("2024.3"));
    }

    @Test
    void withdraw_leavesTombstone_answering410_andIsListedOnlyOnRequest() {
        String id = Fixtures.newDataset("dataset-minimal.json", publisher);

        given().delete("/api/v1/datasets/" + id).then().statusCode(204);

        given().get("/api/v1/datasets/" + id).then().statusCode(410).contentType("application/problem+json");
        given().queryParam("publisher", publisher)
                .get("/api/v1/datasets")
                .then()
                .body("items", hasSize(0))
                .body("total", is(0));
        given().queryParam("publisher", publisher)
                .queryParam("includeWithdrawn", true)
                .get("/api/v1/datasets")
                .then()
                .body("items[0].status", is("withdrawn"))
                .body("items[0].recordVersion", is(2));
        given().contentType(ContentType.JSON)
                .header("If-Match", "*")
                .body(Fixtures.dataset("dataset-minimal.json", publisher).toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(410);
    }

    @Test
    void list_pagesWithCursor_inRegistrationOrder_withoutDuplicatesOrGaps() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(Fixtures.newDataset("dataset-minimal.json", publisher));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("publisher", publisher).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/datasets")
                    .then()
                    .statusCode(200)
                    .extract()
                    .response();
            assertThat(page.<Integer>path("total")).isEqualTo(pages == 0 ? 7 : 8);
            seen.addAll(page.path("items.id"));
            cursor = page.path("next");
            pages++;
            if (pages == 1) {
                // a record registered while paging appears at the end, never shifting earlier pages
                created.add(Fixtures.newDataset("dataset-minimal.json", publisher));
            }
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void list_withForeignCursor_answers400() {
        given().queryParam("cursor", "not-a-cursor")
                .get("/api/v1/datasets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("cursor"));
    }

    @Test
    void list_withLimitOutOfRange_answers400() {
        given().queryParam("limit", 0)
                .get("/api/v1/datasets")
                .then()
                .statusCode(400)
                .body("detail", containsString("limit"));
    }

    @Test
    void distributions_addGetRemove_eachMakeANewDatasetVersion() {
        String id = Fixtures.newDataset("dataset-minimal.json", publisher);
        ObjectNode dist = Fixtures.read("dataset-full.json")
                .withArray("distributions")
                .get(0)
                .deepCopy();
        dist.remove("id");

        String location = given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(dist.toString())
                .post("/api/v1/datasets/" + id + "/distributions")
                .then()
                .statusCode(201)
                .header("ETag", "\"2\"")
                .body("id", notNullValue())
                .extract()
                .header("Location");
        String distId = location.substring(location.lastIndexOf('/') + 1);

        given().get("/api/v1/datasets/" + id + "/distributions/" + distId)
                .then()
                .statusCode(200)
                .body("featureType", is("bldg"));
        given().get("/api/v1/datasets/" + id + "/distributions").then().body("id", hasItem(distId));
        given().header("If-Match", "\"1\"")
                .delete("/api/v1/datasets/" + id + "/distributions/" + distId)
                .then()
                .statusCode(412);
        given().delete("/api/v1/datasets/" + id + "/distributions/" + distId)
                .then()
                .statusCode(204);
        given().get("/api/v1/datasets/" + id)
                .then()
                .body("recordVersion", is(3))
                .body("distributions", nullValue());
        given().get("/api/v1/datasets/" + id + "/distributions/" + distId)
                .then()
                .statusCode(404);
    }

    @AfterEach
    void anonymousAgain() {
        RestAssured.requestSpecification = null;
    }
}
