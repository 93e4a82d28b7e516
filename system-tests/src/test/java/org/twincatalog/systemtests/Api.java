package org.twincatalog.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON client of a node's API, as a given caller (a bearer token, or none). */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A response: status, body (JSON when the body is JSON) and headers. */
    record Answer(int status, String body, java.net.http.HttpHeaders headers) {
        Answer(int status, String body) {
            this(status, body, java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true));
        }

        /** The first value of header {@code name}, or null. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private Api() {}

    static Answer get(NodeUnderTest node, String pathAndQuery, String token) {
        return send(
                node,
                HttpRequest.newBuilder(URI.create(node.base() + pathAndQuery)).GET(),
                token);
    }

    /** A GET accepting {@code accept} rather than JSON (e.g. the audit's NDJSON). */
    static Answer get(NodeUnderTest node, String pathAndQuery, String token, String accept) {
        return send(
                node,
                HttpRequest.newBuilder(URI.create(node.base() + pathAndQuery))
                        .header("Accept", accept)
                        .GET(),
                token);
    }

    static Answer post(NodeUnderTest node, String path, String token, String json) {
        return send(
                node,
                HttpRequest.newBuilder(URI.create(node.base() + path))
                        .header("Content-Type", "application/json")
                        .POST(
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json)),
                token);
    }

    static Answer put(NodeUnderTest node, String path, String token, String ifMatch, String json) {
        return send(
                node,
                HttpRequest.newBuilder(URI.create(node.base() + path))
                        .header("Content-Type", "application/json")
                        .header("If-Match", ifMatch)
                        .PUT(HttpRequest.BodyPublishers.ofString(json)),
                token);
    }

    /** A POST of a zip (e.g. a package to register). */
    static Answer postZip(NodeUnderTest node, String pathAndQuery, String token, byte[] zip) {
        return send(
                node,
                HttpRequest.newBuilder(URI.create(node.base() + pathAndQuery))
                        .header("Content-Type", "application/zip")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(zip)),
                token);
    }

    /** A response whose body is bytes (a file, a zip). */
    record Download(int status, byte[] body) {}

    /** A GET of a file or a zip, as the given caller. */
    static Download download(NodeUnderTest node, String pathAndQuery, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.base() + pathAndQuery))
                .GET()
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<byte[]> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(node.id() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer send(NodeUnderTest node, HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (request.build().headers().firstValue("Accept").isEmpty()) {
            request.header("Accept", "application/json");
        }
        request.timeout(Duration.ofSeconds(60));
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(node.id() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
