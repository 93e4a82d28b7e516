package org.twincatalog.node.ogc;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OGC API - Records landing page's {@code service-desc} is that API's own definition, rooted
 * at the landing page, as OGC clients and the OGC test suite resolve {@code /conformance} and
 * {@code /collections} against it.
 */
@QuarkusTest
class OgcApiDefinitionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/v1/ogc-records")
    URL landingPage;

    @Test
    void serviceDesc_isTheRecordsApiRootedAtItsLandingPage_withEveryReferenceResolvable() throws Exception {
        JsonNode landing = JSON.readTree(given().accept("application/json")
                .get(landingPage)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        String serviceDesc = null;
        for (JsonNode link : landing.path("links")) {
            if ("service-desc".equals(link.path("rel").asText())) {
                serviceDesc = link.path("href").asText();
            }
        }
        assertThat(serviceDesc).isNotNull();

        String body = given().accept("application/vnd.oai.openapi+json;version=3.0")
                .get(serviceDesc)
                .then()
                .statusCode(200)
                .contentType("application/vnd.oai.openapi+json")
                .extract()
                .asString();
        JsonNode definition = JSON.readTree(body);
        assertThat(definition.path("openapi").asText()).startsWith("3.0");
        assertThat(definition.path("servers").get(0).path("url").asText())
                .isEqualTo(landingPage.toString().replaceAll("/$", ""));
        List<String> paths = new ArrayList<>();
        definition.path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths)
                .contains(
                        "/",
                        "/conformance",
                        "/collections",
                        "/collections/{collectionId}",
                        "/collections/{collectionId}/items",
                        "/collections/{collectionId}/items/{recordId}")
                .allSatisfy(p -> assertThat(p).doesNotStartWith("/api/"));

        JsonNode bbox = null;
        for (JsonNode parameter : definition.at("/paths/~1collections~1{collectionId}~1items/get/parameters")) {
            if ("bbox".equals(parameter.path("name").asText())) {
                bbox = parameter;
            }
        }
        assertThat(bbox).as("bbox of items").isNotNull();
        assertThat(bbox.at("/schema/type").asText()).isEqualTo("array");
        assertThat(bbox.at("/schema/items/type").asText()).isEqualTo("number");
        assertThat(bbox.path("style").asText()).isEqualTo("form");
        assertThat(bbox.path("explode").asBoolean(true)).isFalse();

        Matcher refs = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/([^\"]+)\"").matcher(body);
        int checked = 0;
        while (refs.find()) {
            JsonNode target = definition.at("/" + refs.group(1));
            assertThat(target.isMissingNode()).as(refs.group(1)).isFalse();
            checked++;
        }
        assertThat(checked).isPositive();

        given().get(serviceDesc + "?f=yaml").then().statusCode(400);
    }
}
