package org.twincatalog.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/**
 * A body sent without Content-Length (chunked) is capped while it streams, as one with a length is
 * capped before it is read: 413 problem+json above tc.api.max-body-bytes (1 MiB), on JSON and
 * SPARQL form posts alike, and a chunked body within the limit is served as usual.
 */
@QuarkusTest
class ChunkedBodyLimitTest {
    private static final int MIB = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URI base;

    @Test
    void aChunkedJsonBodyOverTheLimit_answers413Problem() throws Exception {
        String org = Fixtures.newOrganization();
        InputStream body = concat("{\"publisher\":\"" + org + "\",\"title\":{\"en\":\"", 'a', 3 * MIB, "\"}}");

        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("api/v1/datasets"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + LocalTokens.publisherOf(org))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)));

        assertTooLarge(response);
    }

    @Test
    void aChunkedSparqlFormPostOverTheLimit_answers413Problem() throws Exception {
        InputStream body = concat("query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D%23", 'a', 3 * MIB, "");

        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("api/v1/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)));

        assertTooLarge(response);
    }

    @Test
    void aChunkedJsonBodyWithinTheLimit_isServed() throws Exception {
        String org = Fixtures.newOrganization();
        byte[] dataset =
                Fixtures.dataset("dataset-minimal.json", org).toString().getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("api/v1/datasets"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + LocalTokens.publisherOf(org))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(dataset))));

        assertThat(response.statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertTooLarge(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("detail").asText()).contains("at most " + MIB);
    }

    /** {@code head}, then {@code count} times {@code fill}, then {@code tail}, made as it is read. */
    private static InputStream concat(String head, char fill, int count, String tail) {
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) fill);
        InputStream filler = new InputStream() {
            private int left = count;

            @Override
            public int read() {
                return left-- > 0 ? fill : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = Math.min(Math.min(len, left), block.length);
                System.arraycopy(block, 0, b, off, n);
                left -= n;
                return n;
            }
        };
        return new SequenceInputStream(
                new SequenceInputStream(new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), filler),
                new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)));
    }
}
