package org.twincatalog.node.ckan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.ogc.TestDatasets;

/**
 * The requests ckanext-harvest's CKAN harvester sends ({@code package_search} with
 * {@code rows=100}, {@code start}, {@code sort=id asc} and an {@code fq} of organization and group
 * filters and {@code metadata_modified:[<since>Z TO *]}), and the other read actions CKAN clients
 * use, answered as CKAN answers them.
 */
@QuarkusTest
class CkanHarvesterRequestsTest {

    /** As the harvester writes it: (gather_started - 1 hour).isoformat() + "Z", microseconds included. */
    private static String harvesterSince(LocalDateTime time) {
        return time.minusHours(1).withNano(123_456_000).toString() + "Z";
    }

    @Test
    void aHarvestersPaging_sortedByIdAsc_walksEveryDatasetOnce() {
        TestDatasets mine = new TestDatasets();
        List<String> ids = new ArrayList<>();
        for (String s : List.of("alpha", "bravo", "charlie")) {
            ids.add(mine.register("dataset-minimal.json", s, null));
        }
        String since = harvesterSince(LocalDateTime.now(ZoneOffset.UTC));

        List<String> seen = new ArrayList<>();
        for (int start = 0; ; start += 2) {
            List<String> page = given().queryParam(
                            "fq", "organization:" + mine.publisher() + " metadata_modified:[" + since + " TO *]")
                    .queryParam("rows", "2")
                    .queryParam("start", String.valueOf(start))
                    .queryParam("sort", "id asc")
                    .get("/api/3/action/package_search")
                    .then()
                    .statusCode(200)
                    .body("result.count", is(3))
                    .body("result.sort", is("id asc"))
                    .extract()
                    .path("result.results.id");
            if (page.isEmpty()) {
                break;
            }
            seen.addAll(page);
        }
        assertThat(seen).containsExactlyElementsOf(ids.stream().sorted().toList());
    }

    @Test
    void aSinceFilter_keepsOnlyDatasetsModifiedInTheRange() {
        TestDatasets mine = new TestDatasets();
        mine.register("dataset-minimal.json", "alpha", null);
        String org = "organization:" + mine.publisher();

        given().queryParam("fq", org + " metadata_modified:[2020-01-01T00:00:00Z TO NOW]")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .body("result.count", is(1));
        given().queryParam(
                        "fq",
                        org + " metadata_modified:["
                                + harvesterSince(
                                        LocalDateTime.now(ZoneOffset.UTC).plusDays(2)) + " TO *]")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .body("result.count", is(0));
        given().queryParam("fq", org + " metadata_modified:[NOW/DAY-1DAY TO NOW/DAY+1DAY]")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .body("result.count", is(1));
    }

    @Test
    void organizationAndGroupFilters_includeAndExclude_asTheHarvesterWritesThem() {
        TestDatasets mine = new TestDatasets();
        TestDatasets other = new TestDatasets();
        String full = mine.register("dataset-full.json", "alpha", null);
        mine.register("dataset-minimal.json", "bravo", null);
        String others = other.register("dataset-minimal.json", "charlie", null);
        String both = "organization:" + mine.publisher() + " OR organization:" + other.publisher();

        given().queryParam("fq", both)
                .get("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .body("result.count", is(3));
        given().queryParam("fq", "(" + both + ") -organization:" + mine.publisher())
                .get("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .body("result.count", is(1))
                .body("result.results[0].id", is(others));
        given().queryParam("fq", "(" + both + ") groups:REGI")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .body("result.count", is(1))
                .body("result.results[0].id", is(full));
        given().queryParam("fq", "(" + both + ") -groups:REGI")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .body("result.count", is(2));
    }

    @Test
    void tagFormatAndFieldedQueries_narrow_andFacetsCountWhatMatched() {
        TestDatasets mine = new TestDatasets();
        String full = mine.register("dataset-full.json", "alpha", null);
        String minimal = mine.register("dataset-minimal.json", "bravo", null);
        String org = "organization:" + mine.publisher();

        given().queryParam("fq", org + " tags:building res_format:ZIP")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .body("result.count", is(1))
                .body("result.results[0].id", is(full));
        given().queryParam("q", "name:" + minimal)
                .get("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .body("result.count", is(1))
                .body("result.results[0].id", is(minimal));
        given().queryParam("q", "title:road tags:building")
                .queryParam("fq", org)
                .get("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .body("result.count", is(0));
        given().queryParam("q", "title:" + mine.word() + " -tags:building")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .body("result.count", is(1))
                .body("result.results[0].id", is(minimal));

        Map<String, Object> result = given().queryParam("fq", org)
                .queryParam("rows", "0")
                .queryParam("facet.field", "[\"tags\",\"res_format\",\"groups\",\"organization\",\"license_id\"]")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .body("result.count", is(2))
                .body("result.results.size()", is(0))
                .body("result.facets.tags.building", is(1))
                .body("result.facets.res_format.ZIP", is(1))
                .body("result.facets.groups.REGI", is(1))
                .body("result.facets.organization." + mine.publisher(), is(2))
                .body(
                        "result.facets.license_id",
                        is(Map.of("http://publications.europa.eu/resource/authority/licence/CC_BY_4_0", 1)))
                .body("result.search_facets.license_id.items[0].display_name", is("CC_BY_4_0"))
                .body("result.search_facets.organization.items[0].count", is(2))
                .extract()
                .path("result");
        assertThat(result).containsKeys("count", "facets", "results", "sort", "search_facets");
    }

    @Test
    void sortOrders_asCkanClientsAskThem() {
        TestDatasets mine = new TestDatasets();
        String first = mine.register("dataset-minimal.json", "one", null);
        String second = mine.register("dataset-minimal.json", "two", null);
        String org = "organization:" + mine.publisher();

        for (String sort : List.of("metadata_modified desc", "score desc, metadata_modified desc")) {
            given().queryParam("fq", org)
                    .queryParam("sort", sort)
                    .get("/api/3/action/package_search")
                    .then()
                    .statusCode(200)
                    .body("result.results.id", is(List.of(second, first)));
        }
        given().queryParam("fq", org)
                .queryParam("sort", "name asc")
                .get("/api/3/action/package_search")
                .then()
                .statusCode(200)
                .body(
                        "result.results.id",
                        is(List.of(first, second).stream().sorted().toList()));
    }

    @Test
    void packageList_andCurrentPackageList_pageThePublicDatasets() {
        TestDatasets mine = new TestDatasets();
        String older = mine.register("dataset-full.json", "alpha", null);
        String newer = mine.register("dataset-minimal.json", "bravo", null);

        List<String> names = given().get("/api/3/action/package_list")
                .then()
                .statusCode(200)
                .body("success", is(true))
                .extract()
                .path("result");
        assertThat(names).contains(older, newer).isSorted();
        int at = names.indexOf(older);
        given().queryParam("limit", "1")
                .queryParam("offset", String.valueOf(at))
                .get("/api/3/action/package_list")
                .then()
                .statusCode(200)
                .body("result", is(List.of(older)));
        given().queryParam("limit", "x")
                .get("/api/3/action/package_list")
                .then()
                .statusCode(409)
                .body("error.__type", is("Validation Error"))
                .body("error.limit", is(List.of("Invalid integer")));

        List<Map<String, Object>> current = given().queryParam("limit", "2")
                .get("/api/3/action/current_package_list_with_resources")
                .then()
                .statusCode(200)
                .extract()
                .path("result");
        assertThat(current).extracting(p -> p.get("id")).containsExactly(newer, older);
        assertThat(current.get(1)).containsKey("resources");
        assertThat((List<?>) current.get(1).get("resources")).hasSize(1);
        given().queryParam("limit", "1")
                .queryParam("page", "2")
                .get("/api/3/action/current_package_list_with_resources")
                .then()
                .statusCode(200)
                .body("result.id", is(List.of(older)));
        given().queryParam("limit", "lots")
                .get("/api/3/action/current_package_list_with_resources")
                .then()
                .statusCode(409)
                .body("error.rows", is(List.of("Invalid integer")));
    }

    @Test
    void resourceShow_answersADistribution_andNotFoundAsCkan() {
        TestDatasets mine = new TestDatasets();
        String full = mine.register("dataset-full.json", "alpha", null);

        given().queryParam("id", full + "/citygml")
                .get("/api/3/action/resource_show")
                .then()
                .statusCode(200)
                .body("result.id", is(full + "/citygml"))
                .body("result.package_id", is(full))
                .body("result.format", is("ZIP"))
                .body("result.url", is("https://data.mapo.example.kr/3d/bldg/mapo_bldg.zip"));
        given().queryParam("id", full + "/nope")
                .get("/api/3/action/resource_show")
                .then()
                .statusCode(404)
                .body("success", is(false))
                .body("error", is(Map.of("__type", "Not Found Error", "message", "Not found")));
        given().get("/api/3/action/resource_show")
                .then()
                .statusCode(409)
                .body("error.id", is(List.of("Missing value")));
    }

    @Test
    void helpShow_answersTheActionsDocumentation_andNotFoundForOthers() {
        given().queryParam("name", "package_search")
                .get("/api/3/action/help_show")
                .then()
                .statusCode(200)
                .body("result", containsString(":param fq:"));
        given().queryParam("name", "package_create")
                .get("/api/3/action/help_show")
                .then()
                .statusCode(404)
                .body("error.message", is("Not found: Action function not found"));
        given().queryParam("name", "../../application.properties")
                .get("/api/3/action/help_show")
                .then()
                .statusCode(404);
        given().get("/api/3/action/help_show").then().statusCode(409).body("error.name", is(List.of("Missing value")));
    }
}
