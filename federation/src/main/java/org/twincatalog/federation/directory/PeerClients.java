package org.twincatalog.federation.directory;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.twincatalog.api.v1.client.ApiClient;

/**
 * Clients of the generated peer API ({@code org.twincatalog.api.v1.client}), all sharing one
 * {@link HttpClient} (one connection pool and selector thread for every peer). A client is cheap
 * to make, so each call gets one with its own read timeout (the time left before a deadline).
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
        ApiClient client = new ApiClient(new Shared(shared), mapper, peer.baseUrl());
        client.setReadTimeout(readTimeout);
        return client;
    }

    /** A builder that hands out the one shared client (the generated ApiClient builds on each use). */
    private record Shared(HttpClient client) implements HttpClient.Builder {
        @Override
        public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
            return this;
        }

        @Override
        public HttpClient.Builder connectTimeout(Duration duration) {
            return this;
        }

        @Override
        public HttpClient.Builder sslContext(SSLContext sslContext) {
            return this;
        }

        @Override
        public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
            return this;
        }

        @Override
        public HttpClient.Builder executor(Executor executor) {
            return this;
        }

        @Override
        public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
            return this;
        }

        @Override
        public HttpClient.Builder version(HttpClient.Version version) {
            return this;
        }

        @Override
        public HttpClient.Builder priority(int priority) {
            return this;
        }

        @Override
        public HttpClient.Builder proxy(ProxySelector proxySelector) {
            return this;
        }

        @Override
        public HttpClient.Builder authenticator(Authenticator authenticator) {
            return this;
        }

        @Override
        public HttpClient build() {
            return client;
        }
    }
}
