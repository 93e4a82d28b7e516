package org.twincatalog.node.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A packaged node ({@code target/quarkus-app/quarkus-run.jar}) run as a real process on
 * 127.0.0.1, for tests that restart or kill a node. Its log goes to a file beside its data. It
 * verifies the tokens of {@link LocalTokens} (the local test key of the {@code %test} profile),
 * so these tests need no Keycloak.
 */
public final class NodeProcess implements AutoCloseable {
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final Path dataDir;
    private final int port;
    private final Map<String, String> properties;
    private Process process;

    public NodeProcess(Path dataDir, Map<String, String> properties) throws IOException {
        this.dataDir = dataDir;
        this.port = freePort();
        this.properties = Map.copyOf(properties);
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    public Path log() {
        return dataDir.resolve("node.log");
    }

    /** Starts the node and waits until it answers its readiness check. */
    public NodeProcess start() throws IOException, InterruptedException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(
                    JAR.toAbsolutePath() + " is missing: package the node first (./mvnw verify)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dtc.data-dir=" + dataDir,
                "-Dquarkus.http.port=" + port));
        localTokenVerification().forEach((k, v) -> command.add("-D" + k + "=" + v));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", JAR.toString()));
        Files.createDirectories(dataDir);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node exited with " + process.exitValue() + "; see " + log());
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(base().resolve("q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("node did not become ready within 60 s; see " + log());
    }

    /** A graceful stop (SIGTERM), waiting for the process to end. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A crash: SIGKILL, no shutdown hooks run. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** The {@code %test} profile's token settings: the local test key and issuer, no Keycloak. */
    private static Map<String, String> localTokenVerification() throws IOException {
        java.util.Properties test = new java.util.Properties();
        try (var in = NodeProcess.class.getClassLoader().getResourceAsStream("application.properties")) {
            test.load(in);
        }
        return Map.of(
                "quarkus.oidc.public-key",
                test.getProperty("%test.quarkus.oidc.public-key"),
                "quarkus.oidc.token.issuer",
                LocalTokens.ISSUER,
                "quarkus.oidc.auth-server-url",
                "");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
