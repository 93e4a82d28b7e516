package org.twincatalog.node.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.access.testing.KeycloakServer;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.KeycloakProfile;
import org.twincatalog.node.support.KeycloakResource;

/**
 * Agreements end to end with real Keycloak tokens: a denied data access links to the request,
 * the owner's steward approves or rejects, the grant opens data access until it expires or is
 * revoked (effective on the next request), and an umbrella agreement of the ministry is decided
 * owner by owner.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class AgreementFlowTest {
    private static final String GANGNAM = "seoul-gangnam";
    private static final String MAPO = "seoul-mapo";

    private KeycloakServer keycloak;

    @BeforeEach
    void organizations() {
        keycloak = KeycloakResource.server();
        ensureOrganization(GANGNAM, "11680", "gangnam-publisher");
        ensureOrganization(MAPO, "11440", "mapo-publisher");
    }

    @Test
    void request_approve_access_revoke_deniesTheNextRequest() {
        String dataset = openMetadataRestrictedData(GANGNAM, "gangnam-publisher");
        String requestLink = given().spec(as("mapo-publisher"))
                .get(distributions(dataset))
                .then()
                .statusCode(403)
                .body("rule", is("agreement-required"))
                .extract()
                .path("requestAccess");

        String agreement = given().spec(as("mapo-publisher"))
                .contentType(ContentType.JSON)
                .body(terms(Instant.now().plus(365, ChronoUnit.DAYS)))
                .post(requestLink)
                .then()
                .statusCode(201)
                .body("consumerOrganization", is(MAPO))
                .body("parts[0].ownerOrganization", is(GANGNAM))
                .body("parts[0].state", is("pending"))
                .extract()
                .path("id");
        given().spec(as("mapo-publisher")).get(distributions(dataset)).then().statusCode(403);
        given().spec(as("mapo-publisher"))
                .get("/api/v1/agreements/" + agreement + "/odrl")
                .then()
                .statusCode(200)
                .contentType("application/ld+json")
                .body(containsString("Request"));

        decide(agreement, GANGNAM, "gangnam-steward", "approve", "for the flood programme")
                .statusCode(200)
                .body("parts[0].state", is("approved"));
        given().spec(as("mapo-publisher")).get(distributions(dataset)).then().statusCode(200);
        String odrl = given().spec(as("gangnam-steward"))
                .get("/api/v1/agreements/" + agreement + "/odrl")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(odrl).contains("Agreement").contains("flood simulation").contains(dataset);

        decide(agreement, GANGNAM, "gangnam-steward", "revoke", "programme ended")
                .statusCode(200)
                .body("parts[0].state", is("revoked"));
        given().spec(as("mapo-publisher"))
                .get(distributions(dataset))
                .then()
                .statusCode(403)
                .body("rule", is("agreement-required"));
        decide(agreement, GANGNAM, "gangnam-steward", "approve", null).statusCode(409);
    }

    @Test
    void reject_needsAReason_andKeepsDataClosed() {
        String dataset = openMetadataRestrictedData(GANGNAM, "gangnam-publisher");
        String agreement = request("mapo-publisher", dataset, Instant.now().plus(30, ChronoUnit.DAYS));

        decide(agreement, GANGNAM, "mapo-publisher", "approve", null)
                .statusCode(403)
                .body("rule", is("steward-of-owner-required"));
        decide(agreement, GANGNAM, "gangnam-steward", "reject", null).statusCode(422);
        decide(agreement, GANGNAM, "gangnam-steward", "reject", "no legal basis for this purpose")
                .statusCode(200)
                .body("parts[0].state", is("rejected"))
                .body("parts[0].note", is("no legal basis for this purpose"));
        given().spec(as("mapo-publisher")).get(distributions(dataset)).then().statusCode(403);
        decide(agreement, GANGNAM, "gangnam-steward", "approve", null).statusCode(409);
    }

    @Test
    void approvedGrant_stopsOpeningDataWhenItsPeriodEnds() throws Exception {
        String dataset = openMetadataRestrictedData(GANGNAM, "gangnam-publisher");
        Instant until = Instant.now().plusSeconds(6);
        String agreement = request("mapo-publisher", dataset, until);
        decide(agreement, GANGNAM, "gangnam-steward", "approve", null).statusCode(200);
        given().spec(as("mapo-publisher")).get(distributions(dataset)).then().statusCode(200);

        while (Instant.now().isBefore(until.plusMillis(200))) {
            Thread.sleep(200);
        }
        given().spec(as("mapo-publisher"))
                .get(distributions(dataset))
                .then()
                .statusCode(403)
                .body("rule", is("agreement-required"));
    }

    @Test
    void umbrella_isDecidedByEachOwnerForItsOwnPart() {
        String gangnamData = openMetadataRestrictedData(GANGNAM, "gangnam-publisher");
        String mapoData = openMetadataRestrictedData(MAPO, "mapo-publisher");
        String body = "{\"datasets\":[\"" + gangnamData + "\",\"" + mapoData + "\"],"
                + termsFields(Instant.now().plus(365, ChronoUnit.DAYS)) + "}";

        given().spec(as("mapo-publisher"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/agreements/umbrella")
                .then()
                .statusCode(403)
                .body("rule", is("ministry-required"));
        String umbrella = given().spec(as("molit-analyst"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/agreements/umbrella")
                .then()
                .statusCode(201)
                .body("kind", is("umbrella"))
                .body("parts.size()", is(2))
                .extract()
                .path("id");

        decide(umbrella, MAPO, "gangnam-steward", "approve", null)
                .statusCode(403)
                .body("rule", is("steward-of-owner-required"));
        decide(umbrella, GANGNAM, "gangnam-steward", "approve", "national flood model")
                .statusCode(200);
        decide(umbrella, MAPO, "mapo-steward", "reject", "not for this purpose")
                .statusCode(200)
                .body("parts.find { it.ownerOrganization == 'seoul-gangnam' }.state", is("approved"))
                .body("parts.find { it.ownerOrganization == 'seoul-mapo' }.state", is("rejected"));

        given().spec(as("molit-analyst")).get(distributions(gangnamData)).then().statusCode(200);
        given().spec(as("molit-analyst")).get(distributions(mapoData)).then().statusCode(403);
        given().spec(as("mapo-steward"))
                .get("/api/v1/agreements")
                .then()
                .statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(umbrella));
    }

    private io.restassured.response.ValidatableResponse decide(
            String agreement, String owner, String user, String decision, String note) {
        String body = "{\"decision\":\"" + decision + "\"" + (note == null ? "" : ",\"note\":\"" + note + "\"") + "}";
        return given().spec(as(user))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/agreements/" + agreement + "/parts/" + owner)
                .then();
    }

    private String request(String user, String dataset, Instant until) {
        return given().spec(as(user))
                .contentType(ContentType.JSON)
                .body(terms(until))
                .post("/api/v1/datasets/" + dataset + "/access-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String openMetadataRestrictedData(String owner, String publisher) {
        ObjectNode dataset = Fixtures.dataset("dataset-full.json", owner);
        dataset.putObject("access").put("metadataVisibility", "public").put("dataAccess", "restricted");
        return given().spec(as(publisher))
                .contentType(ContentType.JSON)
                .body(dataset.toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void ensureOrganization(String id, String areaCode, String publisher) {
        ObjectNode org = Fixtures.read("organization.json");
        org.put("id", id).put("areaCode", areaCode);
        int status = given().spec(as(publisher))
                .contentType(ContentType.JSON)
                .body(org.toString())
                .post("/api/v1/organizations")
                .statusCode();
        assertThat(status).isIn(201, 409);
    }

    private RequestSpecification as(String user) {
        return given().header("Authorization", "Bearer " + keycloak.userToken(user));
    }

    private static String distributions(String dataset) {
        return "/api/v1/datasets/" + dataset + "/distributions";
    }

    private static String terms(Instant until) {
        return "{" + termsFields(until) + "}";
    }

    private static String termsFields(Instant until) {
        return "\"purpose\":\"flood simulation\",\"legalBasis\":\"Spatial Data Industry Promotion Act art. 20\","
                + "\"validFrom\":\"" + Instant.now().minusSeconds(60) + "\",\"validUntil\":\"" + until + "\"";
    }
}
