package org.twincatalog.node.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/**
 * NUL and other C0 controls, unpaired surrogates (escaped or raw) and, in titles and names,
 * bidirectional controls are refused at the edge with a pointer to each offending string; bodies
 * that are not UTF-8 are a 400 problem. Fixtures under {@code fixtures/hostile/text/}.
 */
@QuarkusTest
class HostileTextTest {
    private static final String JSON = "application/json";
    private String publisher;

    @BeforeEach
    void newPublisher() {
        publisher = Fixtures.newOrganization();
        RestAssured.requestSpecification = LocalTokens.asPublisherOf(publisher);
    }

    @AfterEach
    void anonymousAgain() {
        RestAssured.requestSpecification = null;
    }

    @Test
    void datasetWithControlsSurrogatesAndBidiInTitles_answers422_withAPointerForEach_andStoresNothing() {
        given().contentType(JSON)
                .body(fixture("dataset-escaped.json"))
                .post("/api/v1/datasets")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", is("https://twin-catalog.org/problems/validation-failed"))
                .body(
                        "errors.pointer",
                        containsInAnyOrder(
                                "/title/en",
                                "/title/ja",
                                "/description/ko",
                                "/keywords/en/1",
                                "/contactPoint/name",
                                "/twin/sourceSystem/name",
                                "/distributions/0/title/en"))
                .body("errors.detail", hasItem(containsString("U+0000")))
                .body("errors.detail", hasItem(containsString("U+D800")))
                .body("errors.detail", hasItem(containsString("U+202E")));
        given().queryParam("publisher", publisher)
                .get("/api/v1/datasets")
                .then()
                .body("total", is(0));
    }

    @Test
    void rawUnpairedSurrogateBytes_answer422AtTheField_orA400_neverA500() {
        given().contentType(JSON)
                .body(fixture("dataset-raw-surrogate.json"))
                .post("/api/v1/datasets")
                .then()
                .statusCode(org.hamcrest.Matchers.either(is(422)).or(is(400)))
                .contentType("application/problem+json")
                .body("detail", not(containsString("Exception")));
        given().queryParam("publisher", publisher)
                .get("/api/v1/datasets")
                .then()
                .body("total", is(0));
    }

    @Test
    void bodyThatIsNotUtf8_answers400Problem() {
        given().contentType(JSON)
                .body(fixture("dataset-invalid-utf8.json"))
                .post("/api/v1/datasets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://twin-catalog.org/problems/malformed-request"))
                .body("detail", not(containsString("com.fasterxml")));
    }

    @Test
    void rawNulInAString_answers400Problem() {
        given().contentType(JSON)
                .body(fixture("dataset-raw-nul.json"))
                .post("/api/v1/datasets")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", is("https://twin-catalog.org/problems/malformed-request"));
    }

    @Test
    void organizationWithNulOrBidiInItsName_answers422AtEachName() {
        String id = Fixtures.uniqueId("org");
        given().spec(LocalTokens.asPublisherOf(id))
                .contentType(JSON)
                .body(fixture("organization-escaped.json", id))
                .post("/api/v1/organizations")
                .then()
                .statusCode(422)
                .body("errors.pointer", containsInAnyOrder("/name/ko", "/name/en"));
    }

    @Test
    void dataServiceWithHostileText_answers422AtEachString() {
        given().contentType(JSON)
                .body(fixture("service-escaped.json"))
                .post("/api/v1/services")
                .then()
                .statusCode(422)
                .body("errors.pointer", containsInAnyOrder("/title/en", "/description/en", "/keywords/en/1"));
    }

    @Test
    void addedDistributionWithHostileText_answers422_withPointersIntoTheDistribution() {
        String dataset = Fixtures.newDataset("dataset-minimal.json", publisher);
        given().contentType(JSON)
                .header("If-Match", "\"1\"")
                .body(fixture("distribution-escaped.json"))
                .post("/api/v1/datasets/" + dataset + "/distributions")
                .then()
                .statusCode(422)
                .body("errors.pointer", containsInAnyOrder("/title/en", "/description/en"));
    }

    @Test
    void bidiControlsInADescription_areKept() {
        String body = new String(fixture("dataset-escaped.json"), StandardCharsets.UTF_8)
                .replace("\\u0000", "")
                .replace("\\u202e", "")
                .replace("\\u001b", "")
                .replace("\\ud800", "")
                .replace("\\u2066", "")
                .replace("\\udc00", "")
                .replace("\\u0007", "");
        given().contentType(JSON)
                .body(body)
                .post("/api/v1/datasets")
                .then()
                .statusCode(201)
                .body("description.en", containsString("\u202BLOD1/LOD2\u202C"))
                .body("keywords.en", everyItem(not(containsString("\uFFFD"))));
    }

    /** A fixture's bytes, as they are (raw ones included), with its placeholder publisher replaced. */
    private byte[] fixture(String name) {
        return fixture(name, publisher);
    }

    private static byte[] fixture(String name, String publisher) {
        try (InputStream in =
                HostileTextTest.class.getClassLoader().getResourceAsStream("fixtures/hostile/text/" + name)) {
            byte[] bytes = in.readAllBytes();
            return replace(
                    bytes,
                    "to-be-replaced".getBytes(StandardCharsets.US_ASCII),
                    publisher.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] replace(byte[] in, byte[] what, byte[] with) {
        var out = new java.io.ByteArrayOutputStream(in.length + with.length);
        for (int i = 0; i < in.length; ) {
            if (i + what.length <= in.length && java.util.Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                out.write(with, 0, with.length);
                i += what.length;
            } else {
                out.write(in[i++]);
            }
        }
        return out.toByteArray();
    }
}
