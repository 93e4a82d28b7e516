package org.twincatalog.node.ckan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.ogc.TestDatasets;
import org.twincatalog.node.support.LocalTokens;

/** Queries written to widen what a caller sees: the answers stay within the caller's visibility. */
@QuarkusTest
class CkanVisibilityProbesTest {

    @Test
    void luceneInjection_neverReachesAPrivateDataset_inResultsCountsOrFacets() {
        TestDatasets mine = new TestDatasets();
        String hidden = mine.register("dataset-full.json", "secret", "private");
        String ofMine = "organization:" + mine.publisher();

        for (String fq : List.of(
                ofMine,
                ofMine + " OR capacity:private",
                "*:* OR " + ofMine,
                "capacity:private",
                "private:true",
                "id:" + hidden,
                "name:" + hidden.replace(".", "?"),
                "id:* OR -id:*",
                "-capacity:public",
                "(" + ofMine + ") OR (-" + ofMine + ")",
                "+site_id:* " + ofMine,
                "permission_labels:* OR " + ofMine,
                "metadata_modified:[* TO *] " + ofMine)) {
            String body = given().queryParam("fq", fq)
                    .queryParam("q", "*:*")
                    .queryParam("rows", "1000")
                    .queryParam("facet.field", "[\"organization\",\"tags\",\"res_format\"]")
                    .get("/api/3/action/package_search")
                    .then()
                    .statusCode(200)
                    .body("result.results.id", not(hasItem(hidden)))
                    .body("result.facets.organization." + mine.publisher(), is((Object) null))
                    .extract()
                    .asString();
            assertThat(body).as(fq).doesNotContain(hidden).doesNotContain(mine.word());
        }
        given().queryParam("q", mine.word())
                .get("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .body("result.count", is(0));
        given().contentType(ContentType.JSON)
                .body(Map.of("fq", ofMine, "include_private", true))
                .post("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .body("result.count", is(0));
    }

    @Test
    void localParameters_andSolrParameters_cannotReplaceTheVisibilityFilter() {
        given().queryParam("fq", "{!lucene}*:*")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(409)
                .body("error.__type", is("Search Error"))
                .body("error.message", containsString("Local parameters are not supported in param 'fq'."));
        given().queryParam("q", "{!join from=id to=id}*:*")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(409)
                .body("error.__type", is("Search Error"));
        given().queryParam("fq_list", "*:*")
                .queryParam("qt", "/select")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(400)
                .body("error.message", containsString("'qt'"));
    }

    @Test
    void hostileQueries_getCkansErrorEnvelope_neverA500() {
        for (String fq : List.of(
                "(".repeat(5000),
                ")".repeat(50),
                "(".repeat(30) + "tags:x" + ")".repeat(30),
                "tags:\"unterminated",
                "metadata_modified:[NOW-99999999999YEARS TO *]",
                "metadata_modified:[not-a-date TO *]",
                "\\",
                "x ".repeat(3000),
                "tags:" + "*".repeat(3000))) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("fq", fq))
                    .post("/api/3/action/package_search")
                    .then()
                    .statusCode(anyOf(is(200), is(400), is(409)))
                    .contentType(ContentType.JSON)
                    .body("help", containsString("help_show?name=package_search"))
                    .body("error.message", not(containsString("Exception")));
        }
    }

    @Test
    void aPrivateDataset_isNotListed_andItsResourceIsNotFound_asIfMissing() {
        TestDatasets mine = new TestDatasets();
        String hidden = mine.register("dataset-full.json", "secret", "private");

        List<String> names = given().queryParam("limit", "0")
                .get("/api/3/action/package_list")
                .then()
                .statusCode(200)
                .extract()
                .path("result");
        assertThat(names).doesNotContain(hidden);
        String current = given().queryParam("limit", "1000")
                .get("/api/3/action/current_package_list_with_resources")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(current).doesNotContain(hidden);

        Map<String, Object> hiddenError = given().queryParam("id", hidden + "/citygml")
                .get("/api/3/action/resource_show")
                .then()
                .statusCode(404)
                .extract()
                .path("error");
        Map<String, Object> missingError = given().queryParam("id", "nobody.nothing/citygml")
                .get("/api/3/action/resource_show")
                .then()
                .statusCode(404)
                .extract()
                .path("error");
        assertThat(hiddenError).isEqualTo(missingError);

        // its publisher sees it, as in package_show; package_list stays public-only, as CKAN's does
        given().spec(LocalTokens.asPublisherOf(mine.publisher()))
                .queryParam("id", hidden + "/citygml")
                .get("/api/3/action/resource_show")
                .then()
                .statusCode(200)
                .body("result.package_id", is(hidden));
        given().spec(LocalTokens.asPublisherOf(mine.publisher()))
                .queryParam("fq", "organization:" + mine.publisher() + " capacity:private")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .body("result.count", is(1));
    }
}
