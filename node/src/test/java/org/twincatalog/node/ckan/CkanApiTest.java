package org.twincatalog.node.ckan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.ogc.TestDatasets;
import org.twincatalog.node.support.LocalTokens;

/** /api/3/action/...: CKAN's envelope and shapes, and never past the caller's visibility. */
@QuarkusTest
class CkanApiTest {

    @Test
    void packageSearch_answersCkansShape_withCountResultsAndSearchFacets() {
        TestDatasets mine = new TestDatasets();
        String full = mine.register("dataset-full.json", "alpha", null);
        mine.register("dataset-minimal.json", "bravo", null);

        Response r = given().queryParam("q", mine.word())
                .queryParam("facet.field", "[\"organization\",\"res_format\"]")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("success", is(true))
                .body("help", containsString("/api/3/action/help_show?name=package_search"))
                .body("result.count", is(2))
                .body("result.sort", is("score desc, metadata_modified desc"))
                .body("result.facets.organization." + mine.publisher(), is(2))
                .body("result.search_facets.organization.title", is("organization"))
                .body("result.search_facets.organization.items[0].name", is(mine.publisher()))
                .body("result.search_facets.organization.items[0].count", is(2))
                .extract()
                .response();
        List<Map<String, Object>> results = r.path("result.results");
        assertThat(results).hasSize(2);
        Map<String, Object> pkg = results.stream()
                .filter(p -> full.equals(p.get("id")))
                .findFirst()
                .orElseThrow();
        assertThat(pkg)
                .containsKeys(
                        "name",
                        "title",
                        "notes",
                        "organization",
                        "owner_org",
                        "tags",
                        "num_tags",
                        "resources",
                        "num_resources",
                        "extras",
                        "metadata_created",
                        "metadata_modified",
                        "state",
                        "private",
                        "type",
                        "license_id");
        assertThat(pkg.get("name")).isEqualTo(full);
        assertThat(pkg.get("state")).isEqualTo("active");
        assertThat(pkg.get("private")).isEqualTo(false);
        assertThat((String) pkg.get("metadata_modified")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        @SuppressWarnings("unchecked")
        Map<String, Object> org = (Map<String, Object>) pkg.get("organization");
        assertThat(org).containsEntry("name", mine.publisher()).containsEntry("is_organization", true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> extras = (List<Map<String, Object>>) pkg.get("extras");
        assertThat(extras).extracting(e -> e.get("key")).contains("uri", "spatial", "temporal_start");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> resources = (List<Map<String, Object>>) pkg.get("resources");
        assertThat(resources).isNotEmpty();
        assertThat(resources.get(0)).containsKeys("id", "package_id", "url", "format", "name", "position");
    }

    @Test
    void packageSearch_fqRowsStartAndSort_narrowAndPage() {
        TestDatasets mine = new TestDatasets();
        List<String> ids = new ArrayList<>();
        for (String s : List.of("alpha", "bravo", "charlie")) {
            ids.add(mine.register("dataset-minimal.json", s, null));
        }
        String full = mine.register("dataset-full.json", "delta", null);
        ids.add(full);

        given().queryParam("q", mine.word())
                .queryParam("fq", "organization:" + mine.publisher() + " featureType:\"bldg\"")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .body("result.count", is(1))
                .body("result.results[0].id", is(full));

        List<String> seen = new ArrayList<>();
        for (int start = 0; start < 4; start += 3) {
            seen.addAll(given().queryParam("q", mine.word())
                    .queryParam("rows", 3)
                    .queryParam("start", start)
                    .queryParam("sort", "title_string asc")
                    .get("/api/3/action/package_search")
                    .then()
                    .statusCode(200)
                    .body("result.count", is(4))
                    .extract()
                    .<List<String>>path("result.results.id"));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);

        given().contentType(ContentType.JSON)
                .body(Map.of("q", mine.word(), "rows", 0, "facet.field", List.of("organization")))
                .post("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .body("result.count", is(4))
                .body("result.results.size()", is(0))
                .body("result.facets.organization." + mine.publisher(), is(4));
    }

    @Test
    void aPrivateDataset_isNotInSearchCountsFacetsOrShow_butItsOwnerSeesIt() {
        TestDatasets mine = new TestDatasets();
        String hidden = mine.register("dataset-minimal.json", "secret", "private");

        given().queryParam("q", mine.word())
                .queryParam("facet.field", "[\"organization\"]")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .body("result.count", is(0))
                .body("result.facets.organization", is(Map.of()));
        given().queryParam("id", hidden)
                .get("/api/3/action/package_show")
                .then()
                .statusCode(404)
                .body("success", is(false))
                .body("error.__type", is("Not Found Error"));
        given().spec(LocalTokens.asPublisherOf(mine.publisher()))
                .queryParam("id", hidden)
                .get("/api/3/action/package_show")
                .then()
                .statusCode(200)
                .body("result.id", is(hidden))
                .body("result.private", is(true));
    }

    @Test
    void organizations_tagsAndStatus_answerCkansShapes() {
        TestDatasets mine = new TestDatasets();
        mine.register("dataset-full.json", "alpha", null);

        given().get("/api/3/action/organization_list")
                .then()
                .statusCode(200)
                .body("success", is(true))
                .body("result", hasItem(mine.publisher()));
        Response all = given().queryParam("all_fields", true)
                .get("/api/3/action/organization_list")
                .then()
                .statusCode(200)
                .extract()
                .response();
        List<Map<String, Object>> orgs = all.path("result");
        Map<String, Object> org = orgs.stream()
                .filter(o -> mine.publisher().equals(o.get("name")))
                .findFirst()
                .orElseThrow();
        assertThat(org).containsEntry("package_count", 1).containsEntry("type", "organization");

        given().queryParam("id", mine.publisher())
                .queryParam("include_datasets", true)
                .get("/api/3/action/organization_show")
                .then()
                .statusCode(200)
                .body("result.name", is(mine.publisher()))
                .body("result.package_count", is(1))
                .body("result.packages.size()", is(1));
        given().get("/api/3/action/tag_list").then().statusCode(200).body("result", hasItem("building"));
        given().get("/api/3/action/status_show")
                .then()
                .statusCode(200)
                .body("result.ckan_version", is("2.10.0"))
                .body("result.site_url", containsString("http"));
    }

    @Test
    void badParameters_answerCkansOwnErrors_asCkanDoes() {
        given().queryParam("rows", "abc")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(409)
                .body("success", is(false))
                .body("help", containsString("help_show?name=package_search"))
                .body("error.__type", is("Validation Error"))
                .body("error.rows", is(List.of("Invalid integer")));
        given().queryParam("start", "-3")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(409)
                .body("error.start", is(List.of("Must be a natural number")));
        given().queryParam("facet.field", "organization")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(409)
                .body("error.__type", is("Validation Error"))
                .body("error.'facet.field'", is(List.of("Could not parse as valid JSON")));
        given().contentType(ContentType.JSON)
                .body(Map.of("rows", "ten"))
                .post("/api/3/action/package_search")
                .then()
                .statusCode(409)
                .body("error.rows", is(List.of("Invalid integer")));
        given().queryParam("sort", "name")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(400)
                .body("error.__type", is("Search Query Error"))
                .body("error.message", is("Search Query is invalid: ('Invalid \"sort\" parameter',)"));
        given().queryParam("foo", "1")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(400)
                .body("error.__type", is("Search Query Error"))
                .body("error.message", is("Search Query is invalid: (\"Invalid search parameters: ['foo']\",)"));
        given().queryParam("fq", "organization:(a OR b")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(409)
                .body("error.__type", is("Search Error"))
                .body("error.message", containsString("missing ')'"));
        given().get("/api/3/action/package_show")
                .then()
                .statusCode(409)
                .body("error.name_or_id", is(List.of("Missing value")));
        given().queryParam("id", "no-such-org")
                .get("/api/3/action/organization_show")
                .then()
                .statusCode(404)
                .body("error.__type", is("Not Found Error"));
    }

    @Test
    void rowsAboveTheMaximum_areCutTo1000_asCkanDoes() {
        given().queryParam("rows", "5000")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .body("result.results.size()", org.hamcrest.Matchers.lessThanOrEqualTo(1000));
    }

    @Test
    void packageShow_presentsKeysWithoutValueAsNull_asCkanDoes() {
        TestDatasets mine = new TestDatasets();
        String minimal = mine.register("dataset-minimal.json", "bare", null);

        Map<String, Object> pkg = given().queryParam("id", minimal)
                .get("/api/3/action/package_show")
                .then()
                .statusCode(200)
                .extract()
                .path("result");

        assertThat(pkg)
                .containsEntry("author", null)
                .containsEntry("author_email", null)
                .containsEntry("maintainer", null)
                .containsEntry("maintainer_email", null)
                .containsEntry("url", null)
                .containsEntry("version", null)
                .containsEntry("license_id", null);
    }
}
