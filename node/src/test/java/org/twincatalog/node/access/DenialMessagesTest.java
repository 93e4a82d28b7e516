package org.twincatalog.node.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/**
 * Denials name organizations by their name in the reader's language (with their id) and callers
 * by the name people know them by: never a token's opaque subject, never {@code null}.
 */
@QuarkusTest
class DenialMessagesTest {
    private final String kimSubject = UUID.randomUUID().toString();
    private final String leeSubject = UUID.randomUUID().toString();
    private String mapo;
    private String gangnam;
    private String restricted;
    private String privateData;

    @BeforeEach
    void twoCities() {
        mapo = Fixtures.newOrganization(); // 서울특별시 마포구 / Mapo-gu, Seoul / ソウル特別市 麻浦区
        gangnam = Fixtures.uniqueId("org");
        ObjectNode org = Fixtures.read("access/organization-gangnam.json");
        org.put("id", gangnam);
        given().spec(LocalTokens.asPublisherOf(gangnam))
                .contentType(ContentType.JSON)
                .body(org.toString())
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
        restricted = mapoDataset("restricted");
        privateData = mapoDataset("private");
    }

    @Test
    void writeToAnotherOrganizationsRecord_namesTheOwnerInTheReadersLanguage_andTheCallerByUsername() {
        for (var expected : List.of(
                List.of("ko", "Only publishers of 서울특별시 마포구 (" + mapo + ") may change its records"),
                List.of("ja", "Only publishers of ソウル特別市 麻浦区 (" + mapo + ") may change its records"),
                List.of("fr, en;q=0.5", "Only publishers of Mapo-gu, Seoul (" + mapo + ") may change its records"),
                List.of("de", "Only publishers of Mapo-gu, Seoul (" + mapo + ") may change its records"))) {
            JsonPath problem = given().spec(kim())
                    .header("Accept-Language", expected.get(0))
                    .contentType(ContentType.JSON)
                    .header("If-Match", "\"1\"")
                    .body(Fixtures.dataset("dataset-full.json", mapo).toString())
                    .put("/api/v1/datasets/" + restricted)
                    .then()
                    .statusCode(403)
                    .extract()
                    .jsonPath();
            assertThat(problem.getString("rule")).isEqualTo("publisher-of-owner-required");
            assertThat(problem.getString("detail"))
                    .startsWith(expected.get(1))
                    .contains("kim.gangnam is not one of them");
            assertNoLeak(problem);
        }
    }

    @Test
    void creatingForAnotherOrganization_namesIt() {
        JsonPath problem = given().spec(kim())
                .contentType(ContentType.JSON)
                .body(Fixtures.dataset("dataset-minimal.json", mapo).toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(403)
                .extract()
                .jsonPath();
        assertThat(problem.getString("detail"))
                .isEqualTo("Only publishers of Mapo-gu, Seoul (" + mapo + ") may create its records;"
                        + " kim.gangnam is not one of them.");
        assertNoLeak(problem);
    }

    @Test
    void privateData_namesTheDatasetByTitle_andTheOwner() {
        JsonPath problem = given().spec(kim())
                .header("Accept-Language", "ko")
                .get("/api/v1/datasets/" + privateData + "/distributions")
                .then()
                .statusCode(403)
                .extract()
                .jsonPath();
        assertThat(problem.getString("rule")).isEqualTo("owner-only");
        assertThat(problem.getString("detail"))
                .isEqualTo("The data of the dataset “마포구 3D 건축물 모델” are private to 서울특별시 마포구 (" + mapo + ").");
        assertThat(problem.getString("hint")).contains("서울특별시 마포구 (" + mapo + ")");
        assertNoLeak(problem);
    }

    @Test
    void agreementRequired_namesBothOrganizations_andTheHintTheCallersOwn() {
        JsonPath problem = given().spec(kim())
                .get("/api/v1/datasets/" + restricted + "/distributions")
                .then()
                .statusCode(403)
                .extract()
                .jsonPath();
        assertThat(problem.getString("rule")).isEqualTo("agreement-required");
        assertThat(problem.getString("detail"))
                .isEqualTo("The data of the dataset “Mapo-gu 3D building models” are open only to organizations"
                        + " Mapo-gu, Seoul (" + mapo + ") names or that hold an approved agreement;"
                        + " Gangnam-gu, Seoul (" + gangnam + ") holds none.");
        assertThat(problem.getString("hint")).startsWith("Request access for Gangnam-gu, Seoul (" + gangnam + ")");
        assertNoLeak(problem);
    }

    @Test
    void aDeveloperOfNoOrganization_isNamed_andToldOrganizationsGetAccess() {
        JsonPath problem = given().spec(
                        LocalTokens.bearer(LocalTokens.person(leeSubject, "lee.dev", null, null, List.of("developer"))))
                .get("/api/v1/datasets/" + restricted + "/distributions")
                .then()
                .statusCode(403)
                .extract()
                .jsonPath();
        assertThat(problem.getString("detail")).endsWith("are open to organizations only: lee.dev acts for none.");
        assertNoLeak(problem);
    }

    @Test
    void anonymous_isToldToSignIn_withoutNull() {
        JsonPath data = given().get("/api/v1/datasets/" + restricted + "/distributions")
                .then()
                .statusCode(401)
                .extract()
                .jsonPath();
        assertThat(data.getString("rule")).isEqualTo("authentication-required");
        assertThat(data.getString("detail")).contains("sign in");
        assertNoLeak(data);
        JsonPath write = given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/datasets")
                .then()
                .statusCode(401)
                .extract()
                .jsonPath();
        assertNoLeak(write);
    }

    @Test
    void decidingAnotherOrganizationsRequests_andReadingItsAudit_nameItAndTheCaller() {
        String agreement = given().spec(kim())
                .contentType(ContentType.JSON)
                .body(Fixtures.read("access/terms.json").toString())
                .post("/api/v1/datasets/" + restricted + "/access-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        JsonPath decide = given().spec(kim())
                .contentType(ContentType.JSON)
                .body("{\"decision\":\"approve\"}")
                .post("/api/v1/agreements/" + agreement + "/parts/" + mapo)
                .then()
                .statusCode(403)
                .extract()
                .jsonPath();
        assertThat(decide.getString("rule")).isEqualTo("steward-of-owner-required");
        assertThat(decide.getString("detail"))
                .isEqualTo("Only stewards of Mapo-gu, Seoul (" + mapo + ") may decide its access requests;"
                        + " kim.gangnam is not one of them.");
        assertNoLeak(decide);

        JsonPath audit = given().spec(kim())
                .header("Accept-Language", "ja")
                .get("/api/v1/audit/organizations/" + mapo)
                .then()
                .statusCode(403)
                .extract()
                .jsonPath();
        assertThat(audit.getString("detail"))
                .isEqualTo("Only stewards of ソウル特別市 麻浦区 (" + mapo + ") may read its audit;"
                        + " kim.gangnam is not one of them.");
        assertNoLeak(audit);
    }

    /** A publisher of Gangnam-gu whose token's subject is a UUID, known to people as kim.gangnam. */
    private RequestSpecification kim() {
        return LocalTokens.bearer(LocalTokens.person(kimSubject, "kim.gangnam", gangnam, "city", List.of("publisher")));
    }

    private String mapoDataset(String dataAccess) {
        ObjectNode dataset = Fixtures.dataset("dataset-full.json", mapo);
        dataset.putObject("access").put("metadataVisibility", "public").put("dataAccess", dataAccess);
        return Fixtures.newDataset(dataset);
    }

    private void assertNoLeak(JsonPath problem) {
        for (String field : List.of("detail", "hint")) {
            String text = problem.getString(field);
            if (text != null) {
                assertThat(text)
                        .as(field)
                        .doesNotContain("null")
                        .doesNotContain(kimSubject)
                        .doesNotContain(leeSubject)
                        .doesNotContain("publisher-of-");
            }
        }
    }
}
