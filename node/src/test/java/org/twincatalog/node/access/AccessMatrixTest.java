package org.twincatalog.node.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.twincatalog.access.testing.KeycloakServer;
import org.twincatalog.node.support.BadTokens;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.KeycloakProfile;
import org.twincatalog.node.support.KeycloakResource;

/**
 * Every endpoint against every persona with real Keycloak tokens; the expected outcome of each
 * cell is written down in {@code access/matrix.txt}.
 */
@QuarkusTest
@TestProfile(AccessMatrixTest.OwnDatabase.class)
class AccessMatrixTest {
    static final String OWNER = "seoul-gangnam";

    /** Real Keycloak, and a database of its own so that counts are exact. */
    public static class OwnDatabase extends KeycloakProfile {
        @Override
        protected String storage() {
            return "access-matrix";
        }
    }

    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> ids = new LinkedHashMap<>();
    private String pendingAgreement;

    @TestFactory
    Stream<DynamicTest> matrix() throws Exception {
        seed();
        List<DynamicTest> tests = new ArrayList<>();
        List<String[]> rows = readMatrix();
        String[] personas = rows.get(0);
        for (String[] row : rows.subList(1, rows.size())) {
            for (int i = 1; i < row.length; i++) {
                String endpoint = row[0];
                String persona = personas[i];
                String expected = row[i];
                tests.add(dynamicTest(endpoint + " x " + persona, () -> check(endpoint, persona, expected)));
            }
        }
        return tests.stream();
    }

    private void check(String endpoint, String persona, String expected) {
        RequestSpecification request = as(persona);
        if (expected.startsWith("=")) {
            int count = count(endpoint, request);
            assertThat(count).as(endpoint + " as " + persona).isEqualTo(Integer.parseInt(expected.substring(1)));
            return;
        }
        String[] parts = expected.split(":", 2);
        Response response = call(endpoint, request);
        assertThat(response.statusCode())
                .as(endpoint + " as " + persona + ": " + response.body().asString())
                .isEqualTo(Integer.parseInt(parts[0]));
        if (response.statusCode() >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        if (response.statusCode() == 401) {
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
        if (parts.length == 2) {
            assertThat(response.jsonPath().getString("rule")).isEqualTo(parts[1]);
        }
        if (endpoint.startsWith("distributions-") && parts.length == 2) {
            // a denied data access explains itself: how to get access, and where to request it
            String id = ids.get(endpoint.substring("distributions-".length()));
            assertThat(response.jsonPath().getString("hint")).isNotBlank();
            assertThat(response.jsonPath().getString("requestAccess"))
                    .endsWith("/api/v1/datasets/" + id + "/access-requests");
        }
        if (endpoint.equals("create-for-owner") && response.statusCode() == 201) {
            given().spec(as("owner-publisher"))
                    .delete("/api/v1/datasets/" + response.jsonPath().getString("id"))
                    .then()
                    .statusCode(204);
        }
    }

    private Response call(String endpoint, RequestSpecification as) {
        String[] name = endpoint.split("-", 2);
        return switch (endpoint) {
            case "dcat-dataset-restr" ->
                given().spec(as).accept("text/turtle").get("/api/v1/datasets/" + ids.get("restr"));
            case "request-access-open" ->
                given().spec(as)
                        .contentType(ContentType.JSON)
                        .body(terms())
                        .post("/api/v1/datasets/" + ids.get("open") + "/access-requests");
            case "list-agreements" -> given().spec(as).get("/api/v1/agreements");
            case "list-count" -> given().spec(as).get("/api/v1/datasets");
            case "changes-count" -> given().spec(as).get("/api/v1/changes");
            case "dcat-catalog-count" -> given().spec(as).accept("text/turtle").get("/api/v1/catalog");
            case "approve-pending" ->
                given().spec(as)
                        .contentType(ContentType.JSON)
                        .body("{\"decision\":\"approve\",\"note\":\"matrix\"}")
                        .post("/api/v1/agreements/" + pendingAgreement + "/parts/" + OWNER);
            case "audit-export" -> given().spec(as).get("/api/v1/audit/organizations/" + OWNER);
            case "update-pub", "update-priv" -> update(as, ids.get(name[1]));
            case "create-for-owner" ->
                given().spec(as)
                        .contentType(ContentType.JSON)
                        .body(Fixtures.dataset("dataset-minimal.json", OWNER).toString())
                        .post("/api/v1/datasets");
            default -> {
                if (endpoint.startsWith("get-")) {
                    yield given().spec(as).get("/api/v1/datasets/" + ids.get(name[1]));
                }
                if (endpoint.startsWith("distributions-")) {
                    yield given().spec(as).get("/api/v1/datasets/" + ids.get(name[1]) + "/distributions");
                }
                throw new IllegalArgumentException("no endpoint " + endpoint + " in the matrix runner");
            }
        };
    }

    private Response update(RequestSpecification as, String id) {
        Response current = given().spec(as("owner-publisher")).get("/api/v1/datasets/" + id);
        ObjectNode body = current.as(ObjectNode.class);
        body.putObject("title").put("en", "Updated in the access matrix");
        return given().spec(as)
                .contentType(ContentType.JSON)
                .header("If-Match", current.header("ETag"))
                .body(body.toString())
                .put("/api/v1/datasets/" + id);
    }

    /** How many of the seeded datasets an answer includes; -1 if the answer is not 200. */
    private int count(String endpoint, RequestSpecification as) {
        Function<Response, List<String>> shown;
        Response response;
        switch (endpoint) {
            case "list-count" -> {
                response = given().spec(as)
                        .queryParam("publisher", OWNER)
                        .queryParam("limit", 500)
                        .get("/api/v1/datasets");
                shown = r -> r.jsonPath().getList("items.id", String.class);
                if (response.statusCode() == 200) {
                    // the total counts exactly what the caller may see, never hidden records
                    assertThat(response.jsonPath().getLong("total"))
                            .isEqualTo(shown.apply(response).size());
                }
            }
            case "changes-count" -> {
                response = given().spec(as).queryParam("limit", 1000).get("/api/v1/changes");
                shown = r -> r.jsonPath().getList("changes.recordId", String.class);
            }
            case "dcat-catalog-count" -> {
                response = given().spec(as).accept("text/turtle").get("/api/v1/catalog");
                shown = r -> {
                    Model model =
                            RDFParser.fromString(r.asString(), Lang.TURTLE).toModel();
                    return model.listSubjectsWithProperty(RDF.type, DCAT.Dataset)
                            .mapWith(s -> s.getURI().substring(s.getURI().lastIndexOf('/') + 1))
                            .toList();
                };
            }
            default -> throw new IllegalArgumentException("no count endpoint " + endpoint);
        }
        if (response.statusCode() != 200) {
            return -response.statusCode();
        }
        return (int) shown.apply(response).stream()
                .distinct()
                .filter(ids::containsValue)
                .count();
    }

    private RequestSpecification as(String persona) {
        RequestSpecification spec = given();
        String token = tokens.get(persona);
        return token == null ? spec : spec.header("Authorization", "Bearer " + token);
    }

    private void seed() throws Exception {
        KeycloakServer keycloak = KeycloakResource.server();
        String mapo = keycloak.userToken("mapo-publisher");
        tokens.put("anonymous", null);
        tokens.put("developer", keycloak.userToken("dev"));
        tokens.put("owner-publisher", keycloak.userToken("gangnam-publisher"));
        tokens.put("other-publisher", mapo);
        tokens.put("steward", keycloak.userToken("gangnam-steward"));
        tokens.put("analyst", keycloak.userToken("molit-analyst"));
        // what the metro node sends when it harvests this node: its token addressed to this node alone
        tokens.put(
                "node",
                keycloak.exchange(
                        "node-metro-seoul",
                        keycloak.serviceAccountToken("node-metro-seoul"),
                        KeycloakProfile.NODE_CLIENT));
        tokens.put("expired", BadTokens.expired(keycloak));
        tokens.put("forged", BadTokens.forged(mapo, OWNER));
        tokens.put("wrong-audience", BadTokens.wrongAudience(keycloak, mapo));

        ObjectNode org = Fixtures.read("organization.json");
        org.put("id", OWNER).put("areaCode", "11680");
        given().spec(as("owner-publisher"))
                .contentType(ContentType.JSON)
                .body(org.toString())
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
        seedDataset("pub", "public", "public", false);
        seedDataset("auth", "authenticated", "authenticated", false);
        seedDataset("gov", "government", "government", false);
        seedDataset("restr", "restricted", "restricted", false, "seoul");
        seedDataset("priv", "private", "private", false);
        seedDataset("open", "public", "restricted", false);
        seedDataset("personal", "government", "restricted", true, "seoul-mapo");
        pendingAgreement = given().spec(as("other-publisher"))
                .contentType(ContentType.JSON)
                .body(terms())
                .post("/api/v1/datasets/" + ids.get("open") + "/access-requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private void seedDataset(String key, String metadata, String data, boolean personal, String... sharedWith) {
        ObjectNode dataset = Fixtures.dataset("dataset-full.json", OWNER);
        String id = OWNER + "." + Fixtures.uniqueId("matrix-" + key);
        dataset.put("id", id);
        ObjectNode access = dataset.putObject("access");
        access.put("metadataVisibility", metadata).put("dataAccess", data).put("personalData", personal);
        var shared = access.putArray("sharedWith");
        for (String org : sharedWith) {
            shared.add(org);
        }
        given().spec(as("owner-publisher"))
                .contentType(ContentType.JSON)
                .body(dataset.toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(201);
        ids.put(key, id);
    }

    static String terms() {
        return "{\"purpose\":\"flood simulation\",\"legalBasis\":\"Spatial Data Industry Promotion Act art. 20\","
                + "\"validFrom\":\"2026-01-01T00:00:00Z\",\"validUntil\":\"2036-01-01T00:00:00Z\"}";
    }

    private static List<String[]> readMatrix() throws IOException {
        try (InputStream in = AccessMatrixTest.class.getClassLoader().getResourceAsStream("access/matrix.txt")) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.trim().split("\\s+"));
                }
            }
            int width = rows.get(0).length;
            for (String[] row : rows) {
                if (row.length != width) {
                    throw new IllegalStateException(
                            "matrix row " + row[0] + " has " + row.length + " cells, not " + width);
                }
            }
            return rows;
        }
    }
}
