package org.twincatalog.federation.directory;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.time.Duration;
import org.twincatalog.api.v1.client.ApiClient;

/**
 * Clients of the generated peer API ({@code org.twincatalog.api.v1.client}), all sharing one
 * {@link HttpClient} (one connection pool and selector thread for every peer) and one
 * {@link ObjectMapper}. A client is cheap to make, so each call gets one with its own read timeout
 * (the time left before a deadline).
 */
@ApplicationScoped
public class PeerClients {
    private final HttpClient shared = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
    private final ObjectMapper mapper = ApiClient.createDefaultObjectMapper();

    /** A client of {@code peer} whose requests give up after {@code readTimeout}. */
    public ApiClient client(Peer peer, Duration readTimeout) {
        ApiClient client = new SharedApiClient(shared, mapper, peer.baseUrl());
        client.setReadTimeout(readTimeout);
        return client;
    }

    /**
     * The generated client, handing its API classes the shared HTTP client and object mapper. The
     * generated {@code ApiClient} builds a new HTTP client and copies its mapper for every API
     * object; a copied mapper starts with empty deserializer caches, so each peer call built the
     * deserializers of a search page again (most of the broker's CPU time in a profile).
     */
    private static final class SharedApiClient extends ApiClient {
        private final HttpClient http;
        private final ObjectMapper json;

        SharedApiClient(HttpClient http, ObjectMapper json, String baseUri) {
            super(HttpClient.newBuilder(), json, baseUri);
            this.http = http;
            this.json = json;
        }

        @Override
        public HttpClient getHttpClient() {
            return http;
        }

        /** The shared mapper itself: it is configured once here and only read and written with. */
        @Override
        public ObjectMapper getObjectMapper() {
            return json;
        }
    }
}
