package org.twincatalog.node.federation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.LocalTokens;

/**
 * {@code POST /api/v1/federation/pokes}: a peer this node harvests, as its own service account,
 * makes this node harvest it now (scheduled runs are off in tests). Nobody else may.
 */
@QuarkusTest
@TestProfile(HarvestPokeTest.WithAHarvestedPeer.class)
class HarvestPokeTest {
    private static final String SELF = "node-metro-poked";

    /** This node is {@value #SELF}; it harvests {@code city-poker} (which listens nowhere). */
    public static class WithAHarvestedPeer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tc.node.operator", "seoul",
                    "tc.federation.client-id", SELF,
                    "quarkus.oidc.token.audience", "twin-catalog-node," + SELF,
                    "tc.federation.peers.city-poker.base-url", "http://127.0.0.1:9",
                    "tc.federation.peers.city-poker.client-id", "node-city-poker",
                    "tc.federation.peers.city-poker.harvest", "true",
                    "tc.federation.peers.city-quiet.base-url", "http://127.0.0.1:9",
                    "tc.federation.peers.city-quiet.client-id", "node-city-quiet",
                    "tc.federation.peers.city-quiet.harvest", "false");
        }
    }

    @Test
    void poke_byTheHarvestedPeersServiceAccount_is202_andStartsARunOfThatPeer() throws Exception {
        assertThat(lastRunOutcome()).isNull();

        given().spec(LocalTokens.bearer(LocalTokens.nodeServiceAccount("node-city-poker", SELF, "seoul-poker")))
                .post("/api/v1/federation/pokes")
                .then()
                .statusCode(202);

        long deadline = System.nanoTime() + 15_000_000_000L;
        while (lastRunOutcome() == null || "running".equals(lastRunOutcome())) {
            assertThat(System.nanoTime()).as("a run of city-poker within 15 s").isLessThan(deadline);
            Thread.sleep(100);
        }
        assertThat(lastRunOutcome()).isEqualTo("failed"); // it listens nowhere; the run did call it
    }

    @Test
    void poke_anonymous_is401_byAPerson_orAPeerNotHarvested_orAForwardedCaller_is403() {
        given().post("/api/v1/federation/pokes").then().statusCode(401).contentType("application/problem+json");
        given().spec(LocalTokens.bearer(LocalTokens.stewardOf("seoul")))
                .post("/api/v1/federation/pokes")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("rule", is("harvested-peer-only"));
        given().spec(LocalTokens.bearer(LocalTokens.nodeServiceAccount("node-city-quiet", SELF, "seoul-quiet")))
                .post("/api/v1/federation/pokes")
                .then()
                .statusCode(403)
                .body("rule", is("harvested-peer-only"));
        given().spec(LocalTokens.bearer(LocalTokens.forwardedBy("node-city-poker", SELF, "seoul-poker")))
                .post("/api/v1/federation/pokes")
                .then()
                .statusCode(403)
                .body("rule", is("harvested-peer-only"));
        given().spec(LocalTokens.bearer(LocalTokens.nodeServiceAccount("node-city-unknown", SELF, "seoul-x")))
                .post("/api/v1/federation/pokes")
                .then()
                .statusCode(403);
    }

    private static String lastRunOutcome() {
        return given().spec(LocalTokens.bearer(LocalTokens.stewardOf("seoul")))
                .get("/api/v1/federation/peers/city-poker")
                .then()
                .statusCode(200)
                .extract()
                .path("status.harvest.lastRun.outcome");
    }
}
