package org.twincatalog.node.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/**
 * Every GET operation of the contract, read from the node's own OpenAPI document, answers a bad
 * value of each of its integer, boolean and enum query parameters (not a number, below its
 * minimum, above its maximum, not one of its values) with 400 problem+json whose {@code
 * errors[0].pointer} is {@code /query/<name>}, never 404 or 500; the CKAN operations answer CKAN's
 * Validation Error naming the parameter instead, as CKAN clients expect.
 */
@QuarkusTest
class BadQueryParametersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One request with one bad value: one that does not convert to the parameter's type, or one
     * out of its range (checked by the operation itself, after it has decided the caller may use
     * it at all).
     */
    private record Case(String path, String operation, String parameter, String value, boolean converts) {
        boolean ckan() {
            return path.startsWith("/api/3/");
        }
    }

    @Test
    void everyTypedQueryParameterOfEveryGetOperation_answersABadValueWith400NamingIt() throws Exception {
        JsonNode contract = JSON.readTree(given().accept("application/json")
                .get("/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        List<Case> cases = cases(contract);
        assertThat(cases).as("typed query parameters found in the contract").hasSizeGreaterThan(20);
        RequestSpecification caller = LocalTokens.asPublisherOf(Fixtures.newOrganization());

        List<String> wrong = new ArrayList<>();
        Map<String, Integer> plainStatus = new java.util.HashMap<>();
        for (Case c : cases) {
            int plain = plainStatus.computeIfAbsent(
                    c.path(), path -> given().spec(caller).get(path).statusCode());
            if (c.converts() && (plain == 401 || plain == 403)) {
                continue; // the operation refuses this caller before it reads its range checks
            }
            Response response = given().spec(caller)
                    .urlEncodingEnabled(true)
                    .queryParam(c.parameter(), c.value())
                    .get(c.path());
            String problem = check(c, response);
            if (problem != null) {
                wrong.add(c + ": " + problem);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aBadEnumValueOfAPostOperation_answers400NamingIt() {
        String publisher = Fixtures.newOrganization();
        given().spec(LocalTokens.asPublisherOf(publisher))
                .queryParam("publisher", publisher)
                .queryParam("accessRights", "PUBLIC")
                .contentType("application/zip")
                .body(new byte[] {1, 2, 3})
                .post("/api/v1/datasets/from-package")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].pointer", is("/query/accessRights"))
                .body("errors[0].detail", containsString("'PUBLIC' is not one of"));
    }

    @Test
    void nonNumericAfter_onTheChangeFeed_answers400NamingIt_notNotFound() {
        given().queryParam("after", "x")
                .get("/api/v1/changes")
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("type", is("https://twin-catalog.org/problems/malformed-request"))
                .body("errors[0].pointer", is("/query/after"))
                .body("errors[0].detail", is("'x' is not an integer"));
    }

    private static String check(Case c, Response response) {
        String body = response.asString();
        if (c.ckan()) {
            if (response.statusCode() != 409 || !body.contains("Validation Error") || !body.contains(c.parameter())) {
                return response.statusCode() + " " + body;
            }
            return null;
        }
        if (response.statusCode() != 400 || !response.contentType().startsWith("application/problem+json")) {
            return response.statusCode() + " " + body;
        }
        String pointer = response.jsonPath().getString("errors[0].pointer");
        if (!("/query/" + c.parameter()).equals(pointer)) {
            return "pointer " + pointer + " in " + body;
        }
        return null;
    }

    private static List<Case> cases(JsonNode contract) {
        List<Case> cases = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            JsonNode get = path.getValue().get("get");
            if (get == null) {
                continue;
            }
            String concrete =
                    path.getKey().replace("{collectionId}", "datasets").replaceAll("\\{[^}]+}", "x");
            for (JsonNode p : get.path("parameters")) {
                JsonNode parameter = resolve(contract, p);
                if (!"query".equals(parameter.path("in").asText())) {
                    continue;
                }
                String name = parameter.get("name").asText();
                for (String value : badValues(resolve(contract, parameter.path("schema")))) {
                    boolean converts = value.matches("-?[0-9]+");
                    cases.add(new Case(concrete, get.path("operationId").asText(), name, value, converts));
                }
            }
        }
        return cases;
    }

    private static List<String> badValues(JsonNode schema) {
        List<String> values = new ArrayList<>();
        if (schema.has("enum")) {
            values.add("bogus-value");
            return values;
        }
        switch (schema.path("type").asText()) {
            case "integer" -> {
                values.add("abc");
                values.add("1.5");
                if (schema.has("minimum")) {
                    values.add(Long.toString(schema.get("minimum").asLong() - 1));
                }
                if (schema.has("maximum")) {
                    values.add(Long.toString(schema.get("maximum").asLong() + 1));
                }
            }
            case "boolean" -> values.add("maybe");
            default -> {}
        }
        return values;
    }

    private static JsonNode resolve(JsonNode contract, JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        JsonNode target = contract;
        for (String part : ref.asText().substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }
}
