package org.twincatalog.systemtests;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged node ({@code tc.node.jar}) as a real process on 127.0.0.1, on a port it keeps
 * across restarts, with its H2 data under its own folder. It can be stopped, killed (SIGKILL),
 * paused (SIGSTOP: it accepts connections but answers nothing) and resumed.
 */
final class NodeUnderTest implements AutoCloseable {
    private final String id;
    private final Path dataDir;
    private final int port;
    private final Map<String, String> properties;
    private Process process;

    NodeUnderTest(String id, Path root, Map<String, String> properties) throws IOException {
        this.id = id;
        this.dataDir = root.resolve(id);
        this.port = freePort();
        this.properties = new LinkedHashMap<>(properties);
    }

    String id() {
        return id;
    }

    /** Sets a system property of the next launch. */
    NodeUnderTest with(String key, String value) {
        properties.put(key, value);
        return this;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Path log() {
        return dataDir.resolve("node.log");
    }

    /** Starts the process; {@link #awaitReady()} waits for it. */
    NodeUnderTest launch() throws IOException {
        Path jar = Path.of(System.getProperty("tc.node.jar", "../node/target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: package the node first");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-Dtc.data-dir=" + dataDir,
                "-Dquarkus.http.port=" + port,
                "-Dtc.node.base-url=" + base()));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        Files.createDirectories(dataDir);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
        return this;
    }

    /** Waits until the node answers its readiness check. */
    NodeUnderTest awaitReady() throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(id + " exited with " + process.exitValue() + "; see " + log());
            }
            try {
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(base().resolve("/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(id + " did not become ready within 120 s; see " + log());
    }

    /** A crash: SIGKILL, no shutdown hooks run. */
    void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGSTOP: the process keeps its socket (connections are accepted) but answers nothing. */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            resume();
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
