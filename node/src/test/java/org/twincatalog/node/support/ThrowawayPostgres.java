package org.twincatalog.node.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL cluster for tests, made with the Debian package's initdb/pg_ctl in a temp
 * directory on 127.0.0.1 and a free port, and removed afterwards. When {@code TC_TEST_PG_URL} is
 * set (with {@code TC_TEST_PG_USER}/{@code TC_TEST_PG_PASSWORD}) that server is used instead.
 */
public final class ThrowawayPostgres implements AutoCloseable {
    private final Path dataDir;
    private final Path binDir;
    private final boolean asPostgresUser;
    private final String jdbcUrl;
    private final String user;
    private final String password;

    private ThrowawayPostgres(
            Path dataDir, Path binDir, boolean asPostgresUser, String jdbcUrl, String user, String password) {
        this.dataDir = dataDir;
        this.binDir = binDir;
        this.asPostgresUser = asPostgresUser;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    public static ThrowawayPostgres start() {
        String external = System.getenv("TC_TEST_PG_URL");
        if (external != null && !external.isBlank()) {
            return new ThrowawayPostgres(
                    null, null, false, external, env("TC_TEST_PG_USER", "postgres"), env("TC_TEST_PG_PASSWORD", ""));
        }
        Path bin = findBinDir();
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory("tc-pg-");
            if (root) {
                run(List.of("chown", "postgres:postgres", dir.toString()), false);
            }
            run(
                    List.of(
                            bin.resolve("initdb").toString(),
                            "-D",
                            dir.toString(),
                            "-U",
                            "postgres",
                            "-A",
                            "trust",
                            "-E",
                            "UTF8",
                            "--locale=C.UTF-8",
                            "--no-sync"),
                    root);
            int port = freePort();
            run(
                    List.of(
                            bin.resolve("pg_ctl").toString(),
                            "-D",
                            dir.toString(),
                            "-w",
                            "-t",
                            "60",
                            "-l",
                            dir.resolve("server.log").toString(),
                            "-o",
                            "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                            "start"),
                    root);
            return new ThrowawayPostgres(
                    dir, bin, root, "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a throwaway PostgreSQL: " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() {
        if (dataDir == null) {
            return;
        }
        try {
            run(
                    List.of(
                            binDir.resolve("pg_ctl").toString(),
                            "-D",
                            dataDir.toString(),
                            "-m",
                            "immediate",
                            "-w",
                            "stop"),
                    asPostgresUser);
        } catch (RuntimeException e) {
            // fall through to removing the directory
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory; the OS cleans it eventually
        }
    }

    private static Path findBinDir() {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(b -> Integer.parseInt(
                                b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
                if (newest.isPresent()) {
                    return newest.get();
                }
            } catch (IOException e) {
                // try PATH
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "initdb"))) {
                return Path.of(dir);
            }
        }
        throw new IllegalStateException(
                "PostgreSQL server binaries (initdb, pg_ctl) not found: install the Debian package"
                        + " 'postgresql' (apt-get install postgresql), or set TC_TEST_PG_URL to a running server");
    }

    private static void run(List<String> command, boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + full.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
