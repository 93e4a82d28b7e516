package org.twincatalog.node.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/** GET /api/v1/search: multilingual, faceted, spatial, paged, and never past the caller's visibility. */
@QuarkusTest
class SearchApiTest {
    private String publisher;
    private String word;

    @BeforeEach
    void newPublisher() {
        publisher = Fixtures.newOrganization();
        word = "zq" + publisher.substring(publisher.length() - 8).replaceAll("[^a-z0-9]", "x");
    }

    @Test
    void aDatasetJustRegistered_isFoundInItsOwnLanguages() {
        String id = register("dataset-full.json", word, null);

        given().queryParam("q", word)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("total", is(1))
                .body("items[0].id", is(id))
                .body("items[0].highlights.'title.en'[0]", containsString("<em>" + word + "</em>"));
        given().queryParam("q", "건축물")
                .queryParam("publisher", publisher)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        given().queryParam("q", "建築物")
                .queryParam("publisher", publisher)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void facetsFiltersBboxAndPeriod_narrowTheResult() {
        String full = register("dataset-full.json", word, null);
        register("dataset-minimal.json", word, null);

        Response all = given().queryParam("q", word)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .extract()
                .response();
        assertThat(all.<Integer>path("total")).isEqualTo(2);
        assertThat(all.<List<String>>path("facets.featureType.value")).containsExactly("bldg");
        assertThat(all.<List<Integer>>path("facets.publisher.count")).containsExactly(2);

        given().queryParam("q", word)
                .queryParam("featureType", "bldg")
                .queryParam("lod", "2")
                .get("/api/v1/search")
                .then()
                .body("total", is(1))
                .body("items[0].id", is(full));
        given().queryParam("q", word)
                .queryParam("bbox", "126.9,37.5,127.0,37.6")
                .queryParam("bboxRelation", "within")
                .get("/api/v1/search")
                .then()
                .body("total", is(0));
        given().queryParam("q", word)
                .queryParam("bbox", "126.9,37.5,127.0,37.6")
                .get("/api/v1/search")
                .then()
                .body("total", is(1))
                .body("items[0].id", is(full));
        given().queryParam("q", word)
                .queryParam("datetime", "2024-06-01/..")
                .get("/api/v1/search")
                .then()
                .body("total", is(1));
        given().queryParam("q", word)
                .queryParam("datetime", "../2023-12-31")
                .get("/api/v1/search")
                .then()
                .body("total", is(0));
    }

    @Test
    void aPrivateDataset_isInvisibleToOthers_inHitsAndCounts_butFoundByItsOwner() {
        String id = register("dataset-minimal.json", word, "private");
        String other = Fixtures.newOrganization();

        given().queryParam("q", word)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("total", is(0))
                .body("facets.publisher", org.hamcrest.Matchers.nullValue());
        given().spec(LocalTokens.asPublisherOf(other))
                .queryParam("q", word)
                .get("/api/v1/search")
                .then()
                .body("total", is(0))
                .body("items.id", not(hasItem(id)));
        given().spec(LocalTokens.asPublisherOf(publisher))
                .queryParam("q", word)
                .get("/api/v1/search")
                .then()
                .body("total", is(1))
                .body("items[0].id", is(id));
    }

    @Test
    void aWithdrawnDataset_leavesTheResults() {
        String id = register("dataset-minimal.json", word, null);
        given().spec(LocalTokens.asPublisherOf(publisher))
                .delete("/api/v1/datasets/" + id)
                .then()
                .statusCode(204);
        given().queryParam("q", word).get("/api/v1/search").then().body("total", is(0));
    }

    @Test
    void paging_visitsEveryHitOnce() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(register("dataset-minimal.json", word, null));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("q", word).queryParam("limit", 2).queryParam("sort", "title");
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/search")
                    .then()
                    .statusCode(200)
                    .extract()
                    .response();
            seen.addAll(page.path("items.id"));
            cursor = page.path("next");
        } while (cursor != null);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void badParameters_answer400Problems_sayingWhich() {
        given().queryParam("bbox", "127,37")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("bbox"));
        given().queryParam("bbox", "127.2,37,127.1,38")
                .get("/api/v1/search")
                .then()
                .statusCode(400);
        given().queryParam("datetime", "2024-13-01/..")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .body("detail", containsString("datetime"));
        given().queryParam("sort", "popularity")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .body("detail", containsString("relevance"));
        given().queryParam("cursor", "bm9wZQ")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .body("detail", containsString("cursor"));
        given().queryParam("limit", 101).get("/api/v1/search").then().statusCode(400);
    }

    private String register(String fixture, String keyword, String level) {
        ObjectNode dataset = Fixtures.dataset(fixture, publisher);
        dataset.withObject("/title").put("en", dataset.get("title").get("en").asText() + " " + keyword);
        if (level != null) {
            dataset.putObject("access").put("metadataVisibility", level).put("dataAccess", level);
        }
        return Fixtures.newDataset(dataset);
    }
}
