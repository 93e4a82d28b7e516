package org.twincatalog.node.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/**
 * Renaming an organization re-indexes every dataset below it a page at a time (here 2 changes
 * per index step), not all in one read: an organization above a million datasets once made the
 * search projector read them in one transaction, past its timeout, and the node did not start.
 */
@QuarkusTest
@TestProfile(OrganizationRenameReindexTest.SmallBatches.class)
class OrganizationRenameReindexTest {

    public static class SmallBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tc.search.batch-size", "2");
        }
    }

    @Test
    void renamingAMetroGovernment_reindexesEveryDatasetOfItsDistricts_pageByPage() {
        ObjectNode metro = Fixtures.read("organization-seoul.json");
        String seoul = Fixtures.newOrganization(metro);
        ObjectNode district = Fixtures.read("organization-district.json");
        district.put("parent", seoul);
        String mapo = Fixtures.newOrganization(district);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ObjectNode dataset = Fixtures.dataset("dataset-placeless.json", mapo);
            dataset.putObject("spatial")
                    .putArray("bbox")
                    .add(126.88)
                    .add(37.53)
                    .add(126.96)
                    .add(37.59);
            ids.add(Fixtures.newDataset(dataset));
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
                .queryParam("limit", 20)
                .get("/api/v1/search")
                .then()
                .statusCode(200)
                .body("total", is(ids.size()))
                .body("items.id", hasItems(ids.toArray()));
    }
}
