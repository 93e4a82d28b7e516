package org.twincatalog.node.federation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.twincatalog.api.v1.model.AccessLevel;
import org.twincatalog.api.v1.model.AccessSettings;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.RecordOrigin;
import org.twincatalog.federation.harvest.MirrorWriter;
import org.twincatalog.node.support.DcatApShapes;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/** The federation endpoints' statuses and problem bodies; the multi-node behaviour is in system-tests. */
@QuarkusTest
@TestProfile(FederationApiTest.WithADeadPeer.class)
class FederationApiTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String PROV = "http://www.w3.org/ns/prov#";

    @Inject
    MirrorWriter writer;

    /** This node is operated by Seoul; one configured peer listens nowhere. */
    public static class WithADeadPeer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "tc.node.operator", "seoul",
                    "tc.federation.peers.dead-city.base-url", "http://127.0.0.1:9",
                    "tc.federation.peers.dead-city.client-id", "node-city-dead",
                    "tc.federation.peers.dead-city.harvest", "false",
                    "tc.federation.broker.deadline", "1s");
        }
    }

    @Test
    void listPeers_showsTheConfiguredPeer_withItsStatus() {
        given().get("/api/v1/federation/peers")
                .then()
                .statusCode(200)
                .body("items.id", hasItem("dead-city"))
                .body("items.find { it.id == 'dead-city' }.source", is("configuration"))
                .body("items.find { it.id == 'dead-city' }.status.circuit", notNullValue());
    }

    @Test
    void peerStatus_countsOnlyTheMirrorsTheCallerMaySee_andShowsHarvestActivityOnlyToTheOperator() {
        String peer = Fixtures.uniqueId("city");
        given().spec(LocalTokens.bearer(LocalTokens.stewardOf("seoul")))
                .contentType(ContentType.JSON)
                .body(
                        "{\"name\":{\"en\":\"Somewhere\"},\"tier\":\"city\",\"baseUrl\":\"http://127.0.0.1:9\",\"harvest\":true}")
                .put("/api/v1/federation/peers/" + peer)
                .then()
                .statusCode(200);
        String publisher = Fixtures.newOrganization();
        Dataset open = FeedPages.dataset("open", publisher, 1, "Open buildings");
        Dataset secret = FeedPages.dataset("secret", publisher, 1, "Private survey")
                .access(new AccessSettings()
                        .metadataVisibility(AccessLevel.PRIVATE)
                        .dataAccess(AccessLevel.PRIVATE));
        writer.state(peer);
        writer.apply(peer, 0, FeedPages.page(2, 2, FeedPages.created(1, open), FeedPages.created(2, secret)));
        String path = "/api/v1/federation/peers/" + peer;

        for (var caller : List.of(
                given(),
                given().spec(LocalTokens.bearer(LocalTokens.stewardOf(Fixtures.newOrganization()))),
                given().spec(LocalTokens.asPublisherOf("seoul")))) {
            caller.get(path)
                    .then()
                    .statusCode(200)
                    .body("status.harvest.mirrored", is(1))
                    .body("status.harvest", not(hasKey("cursor")))
                    .body("status.harvest", not(hasKey("peerHead")))
                    .body("status.harvest", not(hasKey("quarantined")))
                    .body("status.harvest", not(hasKey("lastRun")));
        }
        given().get("/api/v1/federation/peers")
                .then()
                .body("items.find { it.id == '" + peer + "' }.status.harvest.mirrored", is(1))
                .body("items.find { it.id == '" + peer + "' }.status.harvest", not(hasKey("cursor")));
        given().spec(LocalTokens.asPublisherOf(publisher)).get(path).then().body("status.harvest.mirrored", is(2));
        given().spec(LocalTokens.bearer(LocalTokens.stewardOf("seoul")))
                .get(path)
                .then()
                .body("status.harvest.mirrored", is(2))
                .body("status.harvest.cursor", is(2))
                .body("status.harvest.quarantined", is(0));
    }

    @Test
    void aHarvestedDataset_linksBackToItsOriginal_andKeepsTheDateItWasLastChangedThere() {
        String peer = Fixtures.uniqueId("city");
        registerPeer(peer, "http://127.0.0.1:9/");
        String publisher = Fixtures.newOrganization();
        Dataset original = FeedPages.dataset("bldg", publisher, 3, "Buildings at the origin")
                .modified(OffsetDateTime.parse("2024-03-01T10:00:00Z"));
        writer.state(peer);
        writer.apply(peer, 0, FeedPages.page(1, 1, FeedPages.created(1, original)));
        String mirror = "/api/v1/datasets/" + peer + ".bldg";
        String source = "http://127.0.0.1:9/api/v1/datasets/bldg";

        given().get(mirror)
                .then()
                .statusCode(200)
                .body("modified", startsWith("2024-03-01T10:00"))
                .body("origin.modified", startsWith("2024-03-01T10:00"))
                .body("origin.source", is(source))
                .body("origin.harvestedAt", notNullValue());
        String turtle = given().accept("text/turtle")
                .get(mirror)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Model model =
                ModelFactory.createDefaultModel().read(new java.io.StringReader(turtle), "http://localhost/", "TURTLE");
        List<Resource> derived = model.listSubjectsWithProperty(DCTerms.source).toList();
        assertThat(derived).hasSize(1);
        Resource dataset = derived.get(0);
        assertThat(dataset.getURI()).endsWith(mirror);
        assertThat(model.contains(dataset, RDF.type, DCAT.Dataset)).isTrue();
        Resource originalResource = model.createResource(source);
        assertThat(model.contains(dataset, DCTerms.source, originalResource)).isTrue();
        assertThat(model.contains(dataset, model.createProperty(PROV + "wasDerivedFrom"), originalResource))
                .isTrue();
        assertThat(model.listObjectsOfProperty(dataset, DCTerms.modified)
                        .next()
                        .asLiteral()
                        .getLexicalForm())
                .startsWith("2024-03-01T10:00");
        DcatApShapes.assertConforms(turtle);
    }

    @Test
    void aMirrorOfAMirror_keepsTheSourceAndDateOfTheOriginal_notThoseOfThePeerItCameThrough() {
        String metro = Fixtures.uniqueId("metro");
        registerPeer(metro, "http://127.0.0.1:9/metro");
        String publisher = Fixtures.newOrganization();
        Dataset mirrored = FeedPages.dataset("city-far.bldg", publisher, 1, "Buildings two hops away")
                .modified(OffsetDateTime.parse("2026-01-05T00:00:00Z"))
                .origin(new RecordOrigin()
                        .node("city-far")
                        .id("bldg")
                        .version(7L)
                        .chain(List.of("city-far"))
                        .source(URI.create("https://city-far.example.kr/api/v1/datasets/bldg"))
                        .modified(OffsetDateTime.parse("2024-12-24T08:30:00Z")));
        Dataset forged = FeedPages.dataset("city-bad.bldg", publisher, 1, "A script as its source")
                .origin(new RecordOrigin()
                        .node("city-bad")
                        .id("bldg")
                        .version(1L)
                        .chain(List.of("city-bad"))
                        .source(URI.create("javascript:alert(1)")));
        writer.state(metro);
        writer.apply(metro, 0, FeedPages.page(2, 2, FeedPages.created(1, mirrored), FeedPages.created(2, forged)));

        given().get("/api/v1/datasets/city-far.bldg")
                .then()
                .statusCode(200)
                .body("modified", startsWith("2024-12-24T08:30"))
                .body("origin.source", is("https://city-far.example.kr/api/v1/datasets/bldg"))
                .body("origin.chain", equalTo(List.of("city-far", metro)));
        given().get("/api/v1/datasets/city-bad.bldg").then().statusCode(200).body("origin.source", nullValue());
    }

    private static void registerPeer(String id, String baseUrl) {
        given().spec(LocalTokens.bearer(LocalTokens.stewardOf("seoul")))
                .contentType(ContentType.JSON)
                .body(Map.of("name", Map.of("en", id), "tier", "city", "baseUrl", baseUrl, "harvest", false))
                .put("/api/v1/federation/peers/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void getPeer_unknown_is404Problem() {
        given().get("/api/v1/federation/peers/nowhere")
                .then()
                .statusCode(404)
                .contentType(PROBLEM)
                .body("status", is(404));
    }

    @Test
    void aRefusedRegistration_namesTheOperatorInTheReadersLanguage_andTheCallerByName() {
        ObjectNode seoul = Fixtures.read("organization-seoul.json");
        seoul.put("id", "seoul");
        given().spec(LocalTokens.asPublisherOf("seoul"))
                .contentType(ContentType.JSON)
                .body(seoul.toString())
                .post("/api/v1/organizations")
                .then()
                .statusCode(anyOf(is(201), is(409)));
        String peer = "{\"name\":{\"en\":\"Mapo\"},\"tier\":\"city\",\"baseUrl\":\"http://127.0.0.1:8102\","
                + "\"harvest\":false}";
        String kim = LocalTokens.person(
                UUID.randomUUID().toString(), "kim.gangnam", "seoul-gangnam", "city", List.of("steward"));

        given().spec(LocalTokens.bearer(kim))
                .header("Accept-Language", "ko")
                .contentType(ContentType.JSON)
                .body(peer)
                .put("/api/v1/federation/peers/city-mapo")
                .then()
                .statusCode(403)
                .body("rule", is("federation-admin"))
                .body(
                        "detail",
                        is("Only stewards of 서울특별시 (seoul), which operates this node, may register peers;"
                                + " kim.gangnam is not one of them."));
        given().header("Accept-Language", "en")
                .get("/api/v1/federation/peers/dead-city/quarantine")
                .then()
                .statusCode(401)
                .body(
                        "detail",
                        is("Sign in as a steward of Seoul Metropolitan Government (seoul), which operates this node,"
                                + " to read the quarantine"));
    }

    @Test
    void registerPeer_withoutToken_is401_asAPublisher_is403_asTheOperatorsSteward_is200() {
        String peer = "{\"name\":{\"en\":\"Mapo\"},\"tier\":\"city\",\"baseUrl\":\"http://127.0.0.1:8102\","
                + "\"harvest\":false}";
        given().contentType(ContentType.JSON)
                .body(peer)
                .put("/api/v1/federation/peers/city-mapo")
                .then()
                .statusCode(401)
                .contentType(PROBLEM);
        given().spec(LocalTokens.asPublisherOf("seoul"))
                .contentType(ContentType.JSON)
                .body(peer)
                .put("/api/v1/federation/peers/city-mapo")
                .then()
                .statusCode(403)
                .contentType(PROBLEM)
                .body("rule", is("federation-admin"));
        given().spec(LocalTokens.bearer(LocalTokens.stewardOf("seoul")))
                .contentType(ContentType.JSON)
                .body(peer)
                .put("/api/v1/federation/peers/city-mapo")
                .then()
                .statusCode(200)
                .body("id", is("city-mapo"))
                .body("source", is("api"));
        given().get("/api/v1/federation/peers/city-mapo").then().statusCode(200).body("clientId", nullValue());
    }

    @Test
    void registerPeer_withAClientId_thatThisNodeCannotVerify_is422_pointingAtIt_andStoresNothing() {
        // this node has no federation client, so it cannot ask the identity provider whose client it is
        given().spec(LocalTokens.bearer(LocalTokens.stewardOf("seoul")))
                .contentType(ContentType.JSON)
                .body("{\"tier\":\"city\",\"baseUrl\":\"http://127.0.0.1:8104\",\"clientId\":\"node-city-mapo\"}")
                .put("/api/v1/federation/peers/city-unverified")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.pointer", hasItem("/clientId"));
        given().get("/api/v1/federation/peers/city-unverified").then().statusCode(404);
    }

    @Test
    void registerPeer_withARelativeBaseUrl_is422_pointingAtIt() {
        given().spec(LocalTokens.bearer(LocalTokens.stewardOf("seoul")))
                .contentType(ContentType.JSON)
                .body("{\"name\":{\"en\":\"X\"},\"tier\":\"city\",\"baseUrl\":\"/relative\"}")
                .put("/api/v1/federation/peers/city-x")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.pointer", hasItem("/baseUrl"));
    }

    @Test
    void federatedSearch_withAPeerThatDoesNotAnswer_is200_withThePeerMarkedError() {
        given().queryParam("peer", "dead-city")
                .get("/api/v1/federation/search")
                .then()
                .statusCode(200)
                .body("items", empty())
                .body("peers[0].peer", is("dead-city"))
                .body("peers[0].outcome", is("error"))
                .body("peers[0].status", nullValue())
                .body("peers[0].detail", startsWith("the peer did not answer: ConnectException"));
    }

    @Test
    void federatedSearch_unknownPeer_is404_andAnImpossibleDeadline_is400() {
        given().queryParam("peer", "nowhere")
                .get("/api/v1/federation/search")
                .then()
                .statusCode(404);
        given().queryParam("deadlineMs", 10)
                .get("/api/v1/federation/search")
                .then()
                .statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void harvestFeed_answersThisNodesIdAndHead_andRefusesANegativeCursor() {
        given().queryParam("after", 0)
                .get("/api/v1/federation/feed")
                .then()
                .statusCode(200)
                .body("node", notNullValue())
                .body("head", notNullValue());
        given().queryParam("after", -1).get("/api/v1/federation/feed").then().statusCode(400);
    }

    @Test
    void startHarvest_andQuarantine_needTheOperatorsSteward() {
        given().post("/api/v1/federation/peers/dead-city/harvests").then().statusCode(401);
        given().spec(LocalTokens.bearer(LocalTokens.stewardOf("seoul")))
                .post("/api/v1/federation/peers/dead-city/harvests")
                .then()
                .statusCode(202)
                .body("peer", equalTo("dead-city"));
        given().spec(LocalTokens.bearer(LocalTokens.stewardOf("seoul")))
                .get("/api/v1/federation/peers/dead-city/quarantine")
                .then()
                .statusCode(200)
                .body("items", notNullValue());
    }
}
