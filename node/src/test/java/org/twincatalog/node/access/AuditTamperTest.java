package org.twincatalog.node.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twincatalog.catalog.access.AuditEntryEntity;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/**
 * Every access decision lands in the hash-chained audit log; editing or deleting a row in the
 * database is detected. The whole chain holds every organization's entries, so only stewards of
 * the node's operator verify it; an organization's stewards export their own entries.
 */
@QuarkusTest
@TestProfile(AuditTamperTest.OperatedByAuditOperator.class)
class AuditTamperTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR = "audit-operator";

    /** This node is operated by {@value #OPERATOR}. */
    public static class OperatedByAuditOperator implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tc.node.operator", OPERATOR);
        }
    }

    @Test
    void verify_asAStewardOfAnotherOrganization_is403_anonymous401_publisherOfTheOperator403() {
        String org = Fixtures.newOrganization();
        Fixtures.newDataset("dataset-full.json", org);
        given().spec(LocalTokens.bearer(LocalTokens.stewardOf(org)))
                .get("/api/v1/audit/verification")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", is("steward-of-owner-required"))
                .body("$", not(hasKey("intact")))
                .body("$", not(hasKey("headSequence")));
        given().get("/api/v1/audit/verification")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().spec(LocalTokens.asPublisherOf(OPERATOR))
                .get("/api/v1/audit/verification")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().spec(LocalTokens.bearer(LocalTokens.stewardOf(OPERATOR)))
                .get("/api/v1/audit/verification")
                .then()
                .statusCode(200)
                .body("intact", is(true));
    }

    @Test
    void export_ofAnotherOrganization_asItsNeighboursSteward_is403() {
        String org = Fixtures.newOrganization();
        String neighbour = Fixtures.newOrganization();
        given().spec(LocalTokens.bearer(LocalTokens.stewardOf(neighbour)))
                .get("/api/v1/audit/organizations/" + org)
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", is("steward-of-owner-required"));
    }

    @Inject
    EntityManager em;

    @Test
    void editedOrDeletedRow_isNamedByVerify_andAnOrganizationExportsOnlyItsOwnEntries() throws Exception {
        String org = Fixtures.newOrganization();
        String dataset = Fixtures.newDataset("dataset-full.json", org);
        given().get("/api/v1/datasets/" + dataset).then().statusCode(200);
        given().get("/api/v1/datasets/" + dataset + "/distributions").then().statusCode(200);
        var steward = LocalTokens.bearer(LocalTokens.stewardOf(org));
        var operator = LocalTokens.bearer(LocalTokens.stewardOf(OPERATOR));
        given().spec(operator)
                .get("/api/v1/audit/verification")
                .then()
                .statusCode(200)
                .body("intact", is(true));

        String lines = given().spec(steward)
                .get("/api/v1/audit/organizations/" + org)
                .then()
                .statusCode(200)
                .contentType("application/x-ndjson")
                .extract()
                .asString();
        List<JsonNode> entries = lines.lines().map(AuditTamperTest::parse).toList();
        assertThat(entries)
                .allSatisfy(e -> assertThat(e.get("resourceOwner").asText()).isEqualTo(org));
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.get("action").asText()).isEqualTo("access-data");
            assertThat(e.get("subject").asText()).isEqualTo("anonymous");
            assertThat(e.get("resource").asText()).isEqualTo(dataset);
            assertThat(e.get("decision").asText()).isEqualTo("permit");
        });
        assertThat(entries).anySatisfy(e -> assertThat(e.get("action").asText()).isEqualTo("create"));
        given().spec(LocalTokens.asPublisherOf(org))
                .get("/api/v1/audit/organizations/" + org)
                .then()
                .statusCode(403)
                .body("rule", is("steward-of-owner-required"));

        long edited = entries.get(0).get("sequence").asLong();
        String original = QuarkusTransaction.requiringNew().call(() -> {
            AuditEntryEntity row = em.find(AuditEntryEntity.class, edited);
            String reason = row.reason;
            row.reason = "nothing happened here";
            return reason;
        });
        try {
            given().spec(operator)
                    .get("/api/v1/audit/verification")
                    .then()
                    .statusCode(200)
                    .body("intact", is(false))
                    .body("problems.kind", hasItem("edited"))
                    .body("problems.sequence", hasItem((int) edited));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.find(AuditEntryEntity.class, edited).reason = original);
        }
        given().spec(operator).get("/api/v1/audit/verification").then().body("intact", is(true));

        long deleted = entries.get(entries.size() - 1).get("sequence").asLong();
        AuditEntryEntity removed = QuarkusTransaction.requiringNew().call(() -> {
            AuditEntryEntity row = em.find(AuditEntryEntity.class, deleted);
            em.remove(row);
            return row;
        });
        try {
            given().spec(operator)
                    .get("/api/v1/audit/verification")
                    .then()
                    .body("intact", is(false))
                    .body("problems.kind", hasItem("deleted"))
                    .body("problems.sequence", hasItem((int) deleted));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.merge(removed));
        }
        given().spec(operator).get("/api/v1/audit/verification").then().body("intact", is(true));
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(line, e);
        }
    }
}
