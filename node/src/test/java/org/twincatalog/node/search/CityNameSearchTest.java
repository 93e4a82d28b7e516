package org.twincatalog.node.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/**
 * A dataset is found by its city's name in every language the city's organization is named in,
 * also when its own text names no city: its publisher's names and those of the organizations above
 * it are searched too, and follow a rename.
 */
@QuarkusTest
class CityNameSearchTest {

    @Test
    void aDatasetOfTokyo_isFoundByTokyoInEnglishJapaneseAndKorean() {
        String tokyo = organization("organization-tokyo.json", null);
        String id = dataset(tokyo, 139.56, 35.52, 139.92, 35.82);

        for (String name : new String[] {"tokyo", "東京", "도쿄"}) {
            given().queryParam("q", name)
                    .queryParam("publisher", tokyo)
                    .get("/api/v1/search")
                    .then()
                    .statusCode(200)
                    .body("items.id", hasItem(id));
        }
    }

    @Test
    void aDistrictsDataset_isFoundByItsMetropolitanGovernmentsName_andFollowsItsRename() {
        String seoul = organization("organization-seoul.json", null);
        String mapo = organization("organization-district.json", seoul);
        String id = dataset(mapo, 126.88, 37.53, 126.96, 37.59);

        for (String name : new String[] {"서울", "seoul", "ソウル", "마포구", "mapo"}) {
            given().queryParam("q", name)
                    .queryParam("publisher", mapo)
                    .get("/api/v1/search")
                    .then()
                    .statusCode(200)
                    .body("items.id", hasItem(id));
        }

        ObjectNode renamed = Fixtures.read("organization-seoul.json");
        renamed.put("id", seoul);
        renamed.putObject("name").put("en", "Hanyang Capital Government").put("ko", "한양도성");
        String etag =
                given().get("/api/v1/organizations/" + seoul).then().extract().header("ETag");
        given().spec(LocalTokens.asPublisherOf(seoul))
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(renamed.toString())
                .put("/api/v1/organizations/" + seoul)
                .then()
                .statusCode(200);

        given().queryParam("q", "hanyang")
                .queryParam("publisher", mapo)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id));
        given().queryParam("q", "ソウル")
                .queryParam("publisher", mapo)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
    }

    /** A dataset whose text names no place; its coverage is a bare box. */
    private static String dataset(String publisher, double... bbox) {
        ObjectNode dataset = Fixtures.dataset("dataset-placeless.json", publisher);
        var box = dataset.putObject("spatial").putArray("bbox");
        for (double v : bbox) {
            box.add(v);
        }
        return Fixtures.newDataset(dataset);
    }

    private static String organization(String fixture, String parent) {
        ObjectNode org = Fixtures.read(fixture);
        if (parent != null) {
            org.put("parent", parent);
        }
        return Fixtures.newOrganization(org);
    }
}
