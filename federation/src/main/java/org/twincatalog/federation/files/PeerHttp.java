package org.twincatalog.federation.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import org.twincatalog.api.v1.client.ApiClient;
import org.twincatalog.api.v1.client.ApiException;

/**
 * Raw GETs of a peer whose answer is streamed (zips and files), through the generated client's
 * shared HTTP client: the generated operations write binary answers to temporary files.
 */
final class PeerHttp {
    /** The most of an error body kept (to report why a peer refused). */
    private static final int ERROR_BODY_BYTES = 4096;

    private PeerHttp() {}

    /**
     * GETs {@code path} with {@code query} (null values left out) at the client's peer; the answer
     * whatever its status, with the body unread. Waits for the status and headers at most the
     * client's read timeout.
     */
    static HttpResponse<InputStream> get(
            ApiClient client, String path, Map<String, String> query, Map<String, String> headers) throws ApiException {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        query.forEach((k, v) -> {
            if (v != null) {
                q.add(ApiClient.urlEncode(k) + "=" + ApiClient.urlEncode(v));
            }
        });
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.getBaseUri() + path + q))
                .timeout(client.getReadTimeout())
                .GET();
        headers.forEach(request::header);
        try {
            return client.getHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ApiException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(e);
        }
    }

    /** A non-2xx answer as the client's exception (the body read up to a few KB, then closed). */
    static ApiException failure(HttpResponse<InputStream> response) {
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readNBytes(ERROR_BODY_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            body = "";
        }
        return new ApiException(
                response.statusCode(), "the peer answered " + response.statusCode(), response.headers(), body);
    }

    /** Closes the answer's body, ignoring failures (a connection given up on). */
    static void discard(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException | RuntimeException e) {
            // nothing more to do: the connection is dropped
        }
    }
}
