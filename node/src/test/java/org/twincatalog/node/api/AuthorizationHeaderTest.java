package org.twincatalog.node.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/**
 * An Authorization header is one bearer token or a 401, never an anonymous read; an anonymous
 * write is refused with 401 before its body is read, whatever the body and whatever the resource.
 */
@QuarkusTest
class AuthorizationHeaderTest {
    private static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/")
    URL base;

    @Test
    void notABearerToken_is401Problem_neverAnAnonymousRead() {
        String publisher = Fixtures.newOrganization();
        String dataset = Fixtures.newDataset("dataset-minimal.json", publisher); // public
        given().get("/api/v1/datasets/" + dataset).then().statusCode(200);
        for (String header : List.of(
                "Basic dXNlcjpwYXNzd29yZA==",
                "Bearer",
                "Bearer ",
                "Bearer    ",
                "Bearer two tokens",
                "Bearer\ttab",
                "Negotiate YIIB",
                "Token abc",
                "",
                LocalTokens.publisherOf(publisher))) {
            assert401(given().header("Authorization", header).get("/api/v1/datasets/" + dataset), header);
            assert401(given().header("Authorization", header).get("/api/v1/datasets"), header);
        }
    }

    @Test
    void twoAuthorizationHeaders_are401_evenWhenBothAreValid() throws Exception {
        String token = LocalTokens.publisherOf(Fixtures.newOrganization());
        for (HttpClient.Version version : List.of(HttpClient.Version.HTTP_1_1)) {
            for (String first : List.of("Bearer " + token, "Basic dXNlcjpwYXNzd29yZA==")) {
                HttpResponse<String> response = HttpClient.newBuilder()
                        .version(version)
                        .build()
                        .send(
                                HttpRequest.newBuilder(base.toURI().resolve("api/v1/datasets"))
                                        .header("Authorization", first)
                                        .header("Authorization", "Bearer " + token)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(version + " " + first).isEqualTo(401);
                assertThat(response.headers().firstValue("Content-Type").orElse(""))
                        .startsWith(PROBLEM);
                assertThat(response.headers().firstValue("WWW-Authenticate").orElse(""))
                        .startsWith("Bearer");
            }
        }
    }

    @Test
    void twoAuthorizationHeaders_overHttp2Cleartext_are401Too() throws Exception {
        String token = LocalTokens.publisherOf(Fixtures.newOrganization());
        Vertx vertx = Vertx.vertx();
        try {
            io.vertx.core.http.HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(false)); // prior knowledge, as curl --http2-prior-knowledge
            for (String first : List.of("Bearer " + token, "Basic dXNlcjpwYXNzd29yZA==")) {
                HttpClientResponse response = client.request(
                                HttpMethod.GET, base.getPort(), base.getHost(), "/api/v1/datasets")
                        .compose(request -> {
                            request.headers().add("Authorization", first).add("Authorization", "Bearer " + token);
                            return request.send();
                        })
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
                assertThat(response.version()).isEqualTo(HttpVersion.HTTP_2);
                assertThat(response.statusCode()).as("h2c " + first).isEqualTo(401);
                assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theBearerScheme_isCaseInsensitive_andAuthenticates() {
        String publisher = Fixtures.newOrganization();
        ObjectNode secret = Fixtures.dataset("dataset-minimal.json", publisher);
        secret.putObject("access").put("metadataVisibility", "private").put("dataAccess", "private");
        String id = Fixtures.newDataset(secret);
        given().header("Authorization", "bearer " + LocalTokens.publisherOf(publisher))
                .get("/api/v1/datasets/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void anonymousWrites_are401_beforeTheBodyIsRead() {
        String publisher = Fixtures.newOrganization();
        String dataset = Fixtures.newDataset("dataset-minimal.json", publisher);
        for (String body : new String[] {"", "{", "not json at all", "{}"}) {
            for (String[] write : new String[][] {
                {"POST", "/api/v1/datasets"},
                {"PUT", "/api/v1/datasets/" + dataset},
                {"PUT", "/api/v1/datasets/no-such-dataset"},
                {"POST", "/api/v1/datasets/" + dataset + "/distributions"},
                {"POST", "/api/v1/organizations"},
                {"PUT", "/api/v1/organizations/" + publisher},
                {"POST", "/api/v1/services"},
                {"POST", "/api/v1/agreements"},
                {"POST", "/api/v1/agreements/umbrella"},
                {"POST", "/api/v1/datasets/" + dataset + "/access-requests"},
                {"PUT", "/api/v1/federation/peers/some-city"},
            }) {
                assert401(
                        given().contentType(ContentType.JSON).body(body).request(write[0], write[1]),
                        write[0] + " " + write[1] + " " + body);
            }
        }
        assert401(given().delete("/api/v1/datasets/" + dataset), "DELETE dataset");
        assert401(given().delete("/api/v1/datasets/no-such-dataset"), "DELETE missing dataset");
        assert401(given().delete("/api/v1/services/no-such-service"), "DELETE service");
        assert401(given().delete("/api/v1/federation/peers/some-city"), "DELETE peer");
        assert401(given().post("/api/v1/federation/peers/some-city/harvests"), "POST harvest");
        assert401(
                given().contentType("application/zip")
                        .body(new byte[] {1, 2, 3})
                        .queryParam("publisher", publisher)
                        .post("/api/v1/packages"),
                "POST package");
        given().get("/api/v1/datasets/" + dataset).then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void anInvalidToken_onAWrite_is401_beforeTheBodyIsRead() {
        assert401(
                given().header("Authorization", "Bearer not.a.token")
                        .contentType(ContentType.JSON)
                        .body("")
                        .post("/api/v1/datasets"),
                "invalid token");
    }

    @Test
    void readOnlyPosts_stayOpenToAnonymousCallers() {
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/3/action/status_show")
                .then()
                .statusCode(200);
        given().contentType("application/sparql-query")
                .body("ASK { ?s ?p ?o }".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/sparql")
                .then()
                .statusCode(200);
    }

    private static void assert401(Response response, String what) {
        try {
            response.then()
                    .statusCode(401)
                    .contentType(PROBLEM)
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .body("status", is(401));
        } catch (AssertionError e) {
            throw new AssertionError(what + ": " + e.getMessage(), e);
        }
    }
}
