package org.twincatalog.access.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The real Keycloak of {@code scripts/keycloak.sh} with the {@code twin-catalog} realm, for tests:
 * started on a free port of 127.0.0.1 (or reused when the system property {@value #URL_PROPERTY}
 * or the environment variable {@code TC_KEYCLOAK_URL} names a running one, so CI starts it once),
 * with helpers that fetch tokens for the demo users and the node service accounts.
 *
 * <p>Starting needs a JDK >= 21 (see the script); {@link #unavailableReason()} says what is
 * missing so tests can skip with that message. The repository root comes from the system property
 * {@code tc.root.dir} or is searched upwards from the working directory.
 */
public final class KeycloakServer implements AutoCloseable {

    /** Issuer or base URL of a Keycloak that already runs the realm, e.g. http://127.0.0.1:8180. */
    public static final String URL_PROPERTY = "tc.keycloak.url";

    public static final String REALM = "twin-catalog";
    /** The public client of demo users and tests (direct access grants). */
    public static final String CLI_CLIENT = "twin-catalog-cli";
    /** The audience every token for the node API carries. */
    public static final String NODE_AUDIENCE = "twin-catalog-node";
    /** Password of every demo user (development realm only). */
    public static final String DEMO_PASSWORD = "demo";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    private static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";

    private final String baseUrl;
    private final Path runDir;
    private final Duration startTime;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private KeycloakServer(String baseUrl, Path runDir, Duration startTime) {
        this.baseUrl = baseUrl;
        this.runDir = runDir;
        this.startTime = startTime;
    }

    /** Reuses the Keycloak named by {@value #URL_PROPERTY} / TC_KEYCLOAK_URL, or starts one. */
    public static KeycloakServer startOrReuse() {
        String url = configuredUrl();
        if (url != null) {
            return new KeycloakServer(baseOf(url), null, Duration.ZERO);
        }
        return start();
    }

    /** Why no Keycloak can be had here, or null when one can (configured, or startable). */
    public static String unavailableReason() {
        if (configuredUrl() != null) {
            return null;
        }
        ProcessResult javaHome = script(null, "java-home");
        return javaHome.exitCode == 0 ? null : javaHome.output.strip();
    }

    private static KeycloakServer start() {
        try {
            Path runDir = Files.createTempDirectory("tc-keycloak-");
            int port = freePortPair();
            long started = System.nanoTime();
            ProcessResult result = script(runDir, "start", String.valueOf(port), String.valueOf(port + 1));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (result.exitCode != 0) {
                throw new IllegalStateException("Keycloak did not start:\n" + result.output);
            }
            KeycloakServer server = new KeycloakServer("http://127.0.0.1:" + port, runDir, elapsed);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issuer of the realm's tokens (the {@code iss} claim, and quarkus.oidc.auth-server-url). */
    public String issuer() {
        return baseUrl + "/realms/" + REALM;
    }

    /** How long the start took until the realm answered, as measured here; zero when reused. */
    public Duration startTime() {
        return startTime;
    }

    /** Whether this instance was started by this object (and is stopped by {@link #close()}). */
    public boolean startedHere() {
        return runDir != null;
    }

    /** An access token of a demo user, through the direct access grant of the CLI client. */
    public String userToken(String username) {
        return token(form(
                "grant_type",
                "password",
                "client_id",
                CLI_CLIENT,
                "username",
                username,
                "password",
                DEMO_PASSWORD,
                "scope",
                "openid"));
    }

    /** The raw token endpoint answer to a password grant, for tests of failures. */
    public HttpResponse<String> passwordGrant(String username, String password) {
        return post(
                form("grant_type", "password", "client_id", CLI_CLIENT, "username", username, "password", password));
    }

    /** An access token of a node's service account (client credentials; secret {@code <client>-dev-secret}). */
    public String serviceAccountToken(String nodeClientId) {
        return token(form(
                "grant_type",
                "client_credentials",
                "client_id",
                nodeClientId,
                "client_secret",
                secretOf(nodeClientId)));
    }

    /**
     * Standard token exchange (RFC 8693) by {@code nodeClientId}: a token for {@code audience}
     * (another node's client id) from {@code subjectToken}, which must carry the requesting node
     * in its audience.
     */
    public String exchange(String nodeClientId, String subjectToken, String audience) {
        return token(form(
                "grant_type",
                TOKEN_EXCHANGE,
                "client_id",
                nodeClientId,
                "client_secret",
                secretOf(nodeClientId),
                "subject_token",
                subjectToken,
                "subject_token_type",
                ACCESS_TOKEN_TYPE,
                "requested_token_type",
                ACCESS_TOKEN_TYPE,
                "audience",
                audience));
    }

    /** The payload of a JWT, decoded but NOT verified (the node verifies with quarkus-oidc). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT");
        }
        try {
            return JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), LinkedHashMap.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the instance when it was started here; a reused one keeps running. */
    @Override
    public synchronized void close() {
        if (runDir != null && Files.exists(runDir.resolve("keycloak.pid"))) {
            script(runDir, "stop");
        }
    }

    private String token(String form) {
        HttpResponse<String> response = post(form);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> post(String form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Reads the OpenID configuration of the realm (to check the server answers). */
    public JsonNode openIdConfiguration() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            return JSON.readTree(
                    http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String secretOf(String clientId) {
        return clientId + "-dev-secret";
    }

    private static String form(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String configuredUrl() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null || url.isBlank()) {
            url = System.getenv("TC_KEYCLOAK_URL");
        }
        return url == null || url.isBlank() ? null : url.strip();
    }

    private static String baseOf(String url) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        int realms = trimmed.indexOf("/realms/");
        return realms < 0 ? trimmed : trimmed.substring(0, realms);
    }

    /** A port p such that p and p + 1 (the management interface) are both free now. */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            if (port < 65535 && isFree(port) && isFree(port + 1)) {
                return port;
            }
        }
        throw new IOException("no two adjacent free ports found");
    }

    private static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private record ProcessResult(int exitCode, String output) {}

    private static ProcessResult script(Path runDir, String... args) {
        Path script = rootDir().resolve("scripts/keycloak.sh");
        List<String> command = new java.util.ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (runDir != null) {
            builder.environment().put("TC_KEYCLOAK_RUN_DIR", runDir.toString());
        }
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return new ProcessResult(-1, output + "\n(timed out)");
            }
            return new ProcessResult(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Path rootDir() {
        String configured = System.getProperty("tc.root.dir");
        if (configured != null && Files.isRegularFile(Path.of(configured, "scripts/keycloak.sh"))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scripts/keycloak.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "cannot find scripts/keycloak.sh above " + Path.of("").toAbsolutePath());
    }
}
