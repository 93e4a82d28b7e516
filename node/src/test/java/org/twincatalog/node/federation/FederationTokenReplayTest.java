package org.twincatalog.node.federation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.access.testing.KeycloakServer;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.KeycloakProfile;
import org.twincatalog.node.support.KeycloakResource;

/**
 * The replays an outside probe tried, with real Keycloak tokens, at a node that runs as
 * {@code node-city-gangnam} (operated by seoul-gangnam): a token a broker or harvester obtained for
 * one peer is refused at another, a forwarded caller never writes, and only the operator registers
 * peers, under a client id the identity provider binds to the registered address.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class FederationTokenReplayTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String HERE = KeycloakProfile.NODE_CLIENT;
    private static final String OTHER_PEER = "node-city-mapo";

    private KeycloakServer keycloak;

    @BeforeEach
    void organization() {
        keycloak = KeycloakResource.server();
        ObjectNode org = Fixtures.read("organization.json");
        org.put("id", "seoul-gangnam").put("areaCode", "11680");
        int status = bearer(keycloak.userToken("gangnam-publisher"))
                .contentType(ContentType.JSON)
                .body(org.toString())
                .post("/api/v1/organizations")
                .statusCode();
        assertThat(status).isIn(201, 409);
    }

    @Test
    void callerTokenExchangedForAnotherPeer_isRefusedHere_401() {
        // what the national broker sends Mapo for the Gangnam publisher, replayed at Gangnam
        String forMapo = keycloak.exchange("node-national", keycloak.userToken("gangnam-publisher"), OTHER_PEER);
        assertThat(audience(forMapo)).containsExactly(OTHER_PEER);

        bearer(forMapo)
                .get("/api/v1/datasets")
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .body("status", is(401));
    }

    @Test
    void callerTokenExchangedForThisNode_readsButNeverWrites_403() {
        String publisher = keycloak.userToken("gangnam-publisher");
        String forHere = keycloak.exchange("node-national", publisher, HERE);
        ObjectNode dataset = Fixtures.dataset("dataset-full.json", "seoul-gangnam");

        bearer(forHere).get("/api/v1/datasets").then().statusCode(200);
        bearer(forHere)
                .contentType(ContentType.JSON)
                .body(dataset.toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("rule", is("forwarded-read-only"));
        // the same publisher, signed in directly, writes
        bearer(publisher)
                .contentType(ContentType.JSON)
                .body(dataset.toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(201);
    }

    @Test
    void harvestTokenForAnotherPeer_isRefusedHere_401_andTheRawServiceTokenToo() {
        String national = keycloak.serviceAccountToken("node-national");
        // what the national harvester sends Mapo: its own token exchanged for Mapo's client
        String forMapo = keycloak.exchange("node-national", national, OTHER_PEER);
        assertThat(audience(forMapo)).containsExactly(OTHER_PEER);

        bearer(forMapo)
                .get("/api/v1/federation/feed?after=0")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        // a node's own client-credentials token names every node: addressed to none alone, valid nowhere
        bearer(national)
                .get("/api/v1/federation/feed?after=0")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        // addressed to this node, it reads (the national node harvesting Gangnam)
        bearer(keycloak.exchange("node-national", national, HERE))
                .get("/api/v1/federation/feed?after=0")
                .then()
                .statusCode(200);
    }

    @Test
    void registration_namingAnotherNodesClient_atAnAddressThatIsNotItsOwn_is422_andStoresNothing() {
        String steward = keycloak.userToken("gangnam-steward");
        bearer(steward)
                .contentType(ContentType.JSON)
                .body(peer("http://127.0.0.1:9", OTHER_PEER))
                .put("/api/v1/federation/peers/city-mapo-elsewhere")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.pointer", hasItem("/baseUrl"));
        given().get("/api/v1/federation/peers/city-mapo-elsewhere").then().statusCode(404);

        bearer(steward)
                .contentType(ContentType.JSON)
                .body(peer("http://127.0.0.1:9", "node-city-nowhere"))
                .put("/api/v1/federation/peers/city-nowhere")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.pointer", hasItem("/clientId"));
        given().get("/api/v1/federation/peers/city-nowhere").then().statusCode(404);

        // at the address the realm records for node-city-mapo, the registration stands
        bearer(steward)
                .contentType(ContentType.JSON)
                .body(peer("http://127.0.0.1:8083/", OTHER_PEER))
                .put("/api/v1/federation/peers/city-mapo")
                .then()
                .statusCode(200)
                .body("clientId", is(OTHER_PEER));
        bearer(steward).delete("/api/v1/federation/peers/city-mapo").then().statusCode(204);
    }

    @Test
    void registration_byAStewardOfAnotherOrganization_is403_andStoresNothing() {
        for (String user : List.of("mapo-steward", "seoul-steward", "gangnam-publisher")) {
            bearer(keycloak.userToken(user))
                    .contentType(ContentType.JSON)
                    .body(peer("http://127.0.0.1:8083", OTHER_PEER))
                    .put("/api/v1/federation/peers/city-mapo-by-" + user)
                    .then()
                    .statusCode(403)
                    .contentType(PROBLEM)
                    .body("rule", is("federation-admin"));
            given().get("/api/v1/federation/peers/city-mapo-by-" + user).then().statusCode(404);
        }
        // the operator's steward forwarded by a broker is no operator either
        bearer(keycloak.exchange("node-national", keycloak.userToken("gangnam-steward"), HERE))
                .contentType(ContentType.JSON)
                .body(peer("http://127.0.0.1:8083", OTHER_PEER))
                .put("/api/v1/federation/peers/city-mapo-forwarded")
                .then()
                .statusCode(403)
                .contentType(PROBLEM);
    }

    private static String peer(String baseUrl, String clientId) {
        return "{\"tier\":\"city\",\"baseUrl\":\"" + baseUrl + "\",\"clientId\":\"" + clientId
                + "\",\"harvest\":false}";
    }

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    @SuppressWarnings("unchecked")
    private static List<String> audience(String token) {
        Object aud = KeycloakServer.claims(token).get("aud");
        return aud instanceof List<?> list ? (List<String>) list : List.of(String.valueOf(aud));
    }
}
