// Federation benchmark: broker overhead over the slowest of 100 simulated peers, and harvest
// throughput from one child. Plain JDK (single-file source program); runs the packaged node as a
// real process. See README.md.
//
//   java bench/federation/FederationBench.java broker  [peers=100] [requests=1000]
//   java bench/federation/FederationBench.java harvest [records=20000]
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class FederationBench {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Path JAR = Path.of(System.getProperty("tc.node.jar", "node/target/quarkus-app/quarkus-run.jar"));

    public static void main(String[] args) throws Exception {
        // The JDK's HttpServer leaves Nagle's algorithm on: with delayed ACKs every simulated answer
        // would wait ~40 ms, which is the simulation's cost, not the broker's.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        String mode = args.length > 0 ? args[0] : "broker";
        if (mode.equals("broker")) {
            broker(arg(args, 1, 100), arg(args, 2, 1000));
        } else if (mode.equals("harvest")) {
            harvest(arg(args, 1, 20_000));
        } else {
            throw new IllegalArgumentException("broker or harvest");
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------ broker

    /** Peer k answers after 2 + (k * 37 % 48) ms: delays from 2 to 49 ms, the slowest 49 ms. */
    static int delayOf(int k) {
        return 2 + (k * 37 % 48);
    }

    static void broker(int peers, int requests) throws Exception {
        // The simulated peers do not sleep a thread per request: a handler hands its exchange to a
        // scheduler, which answers it when the peer's delay has passed (the JDK server keeps the
        // exchange open until its body is closed). Sleeping threads, 100 of them per fan-out, were
        // a large part of the simulation's own cost on 2 cores.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        ScheduledExecutorService answers = Executors.newScheduledThreadPool(2);
        List<String> props = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        int slowest = 0;
        for (int k = 0; k < peers; k++) {
            int delay = delayOf(k);
            slowest = Math.max(slowest, delay);
            String id = String.format("sim-%03d", k);
            byte[] page = searchPage(id).getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
            server.setExecutor(pool);
            server.createContext("/api/v1/search", ex -> {
                long due = System.nanoTime() + delay * 1_000_000L;
                ex.getRequestBody().readAllBytes();
                answers.schedule(() -> {
                    try {
                        ex.getResponseHeaders().add("Content-Type", "application/json");
                        ex.sendResponseHeaders(200, page.length);
                        try (OutputStream out = ex.getResponseBody()) {
                            out.write(page);
                        }
                    } catch (IOException e) {
                        ex.close();
                    }
                }, due - System.nanoTime(), TimeUnit.NANOSECONDS);
            });
            server.start();
            String key = "-Dtc.federation.peers." + id + ".";
            props.add(key + "base-url=http://127.0.0.1:" + server.getAddress().getPort());
            props.add(key + "harvest=false");
            ports.add(server.getAddress().getPort());
        }
        props.add("-Dtc.federation.broker.threads=" + Math.max(64, peers * 2));
        long[] baseline = directFanOut(ports, requests / 3, slowest);
        Process node = startNode(props);
        try {
            String url = base + "/api/v1/federation/search?q=building&deadlineMs=5000&limit=20";
            for (int i = 0; i < 200; i++) {
                get(url); // warm-up
            }
            long[] overhead = new long[requests];
            long[] afterSlowest = new long[requests];
            long[] total = new long[requests];
            Pattern took = Pattern.compile("\"tookMs\":(\\d+)");
            int partial = 0;
            double cpuBefore = threadCpuSeconds(node.pid(), "");
            for (int i = 0; i < requests; i++) {
                long t0 = System.nanoTime();
                String body = get(url);
                long micros = (System.nanoTime() - t0) / 1000;
                total[i] = micros;
                overhead[i] = micros - slowest * 1000L;
                long slowestAnswer = 0;
                for (Matcher m = took.matcher(body); m.find(); ) {
                    slowestAnswer = Math.max(slowestAnswer, Long.parseLong(m.group(1)));
                }
                afterSlowest[i] = micros - slowestAnswer * 1000L;
                if (count(body, "\"outcome\":\"ok\"") != peers) {
                    partial++;
                }
            }
            double cpuPerRequest = (threadCpuSeconds(node.pid(), "") - cpuBefore) * 1000 / requests;
            System.out.printf("broker: %d peers (delays 2-%d ms), %d sequential requests, %d not all ok%n",
                    peers, slowest, requests, partial);
            System.out.printf("  node CPU per federated search %.1f ms (all threads)%n", cpuPerRequest);
            System.out.printf("  latency ms   p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                    pct(total, 50), pct(total, 95), pct(total, 99), pct(total, 100));
            System.out.printf("  overhead ms  p50 %.1f  p95 %.1f  p99 %.1f  (latency - slowest peer's %d ms)%n",
                    pct(overhead, 50), pct(overhead, 95), pct(overhead, 99), slowest);
            System.out.printf("  after the slowest answer ms  p50 %.1f  p95 %.1f  p99 %.1f  (latency - the largest tookMs"
                    + " the broker reports per peer, whole ms: merging and answering after the last peer)%n",
                    pct(afterSlowest, 50), pct(afterSlowest, 95), pct(afterSlowest, 99));
            System.out.printf("  baseline ms  p50 %.1f  p95 %.1f  p99 %.1f  (this process asking the %d peers itself,"
                    + " asynchronously, minus %d ms: the simulation's own cost)%n",
                    pct(baseline, 50), pct(baseline, 95), pct(baseline, 99), peers, slowest);
        } finally {
            node.destroy();
            node.waitFor();
            deleteTree(dataDir);
            pool.shutdownNow();
            answers.shutdownNow();
        }
    }

    /** The same fan-out done by this process with an asynchronous client: overhead over the slowest peer. */
    static long[] directFanOut(List<Integer> ports, int requests, int slowest) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long[] overhead = new long[requests];
        for (int i = -50; i < requests; i++) {
            long t0 = System.nanoTime();
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int port : ports) {
                calls.add(client.sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/search?q=building&limit=20"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            calls.forEach(java.util.concurrent.CompletableFuture::join);
            if (i >= 0) {
                overhead[i] = (System.nanoTime() - t0) / 1000 - slowest * 1000L;
            }
        }
        return overhead;
    }

    static String searchPage(String peer) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0) items.append(',');
            items.append("{\"id\":\"").append(peer).append("-ds-").append(i)
                    .append("\",\"title\":{\"en\":\"Building models ").append(i).append("\",\"ko\":\"건축물 모델 ").append(i)
                    .append("\"},\"publisher\":\"").append(peer).append("\",\"score\":").append(5.0 - i * 0.2).append('}');
        }
        return "{\"items\":[" + items + "],\"total\":20,\"facets\":{\"lod\":[{\"value\":\"2\",\"count\":20}],"
                + "\"year\":[{\"value\":\"2024\",\"count\":12},{\"value\":\"2025\",\"count\":8}]}}";
    }

    // ------------------------------------------------------------------ harvest

    static void harvest(int records) throws Exception {
        Pattern after = Pattern.compile("after=(\\d+)");
        Pattern limit = Pattern.compile("limit=(\\d+)");
        HttpServer child = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        child.setExecutor(Executors.newFixedThreadPool(4));
        child.createContext("/api/v1/federation/feed", ex -> {
            String q = ex.getRequestURI().getQuery();
            long from = find(after, q, 0);
            int size = (int) find(limit, q, 200);
            byte[] body = feedPage(from, size, records).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        child.start();
        String peer = "-Dtc.federation.peers.sim-child.";
        Process node = startNode(List.of(
                peer + "base-url=http://127.0.0.1:" + child.getAddress().getPort(),
                peer + "harvest=true",
                "-Dtc.federation.harvest.interval=1h",
                "-Dtc.federation.harvest.initial-delay=1s",
                // the simulated child serves the feed only, not the listings a reconciliation reads
                "-Dtc.federation.harvest.reconcile-every=0"));
        try {
            String status;
            while (true) {
                status = get(base + "/api/v1/federation/peers/sim-child");
                if (status.contains("\"cursor\":" + records + ",") && status.contains("\"outcome\":\"ok\"")) {
                    break;
                }
                Thread.sleep(1000); // the run's own start and end times are read, so polling need not be fine
            }
            Instant started = Instant.parse(field(status, "startedAt"));
            Instant finished = Instant.parse(field(status, "finishedAt"));
            double seconds = Duration.between(started, finished).toMillis() / 1000.0;
            System.out.printf("harvest: %d records from one child in %.2f s = %.0f records/s (applied %s)%n",
                    records, seconds, records / seconds, field(status, "applied"));
            // the projectors defer to the end of a harvest run: the time a search waits for the index
            String found = get(base + "/api/v1/search?limit=1");
            System.out.printf("  search index caught up %.2f s after the run ended (a search answered %s hits)%n",
                    Duration.between(finished, Instant.now()).toMillis() / 1000.0, field(found, "total"));
            double harvestCpu = threadCpuSeconds(node.pid(), "harvest-");
            double processCpu = threadCpuSeconds(node.pid(), "");
            System.out.printf("  CPU: harvest threads %.1f s (%.0f records per CPU-second), whole node %.1f s"
                    + " (search indexing, H2 and JIT included)%n", harvestCpu, records / harvestCpu, processCpu);
        } finally {
            node.destroy();
            node.waitFor();
            deleteTree(dataDir);
            child.stop(0);
        }
    }

    static String feedPage(long from, int size, int records) {
        StringBuilder entries = new StringBuilder();
        long last = Math.min(records, from + size);
        for (long s = from + 1; s <= last; s++) {
            if (s > from + 1) entries.append(',');
            String id = String.format("bench-%06d", s);
            entries.append("{\"change\":{\"sequence\":").append(s)
                    .append(",\"recordType\":\"dataset\",\"recordId\":\"").append(id)
                    .append("\",\"kind\":\"created\",\"recordVersion\":1,\"time\":\"2026-11-21T00:00:00Z\",\"contentHash\":\"sha256:")
                    .append(Long.toHexString(s * 2654435761L)).append("\"},\"dataset\":{\"id\":\"").append(id)
                    .append("\",\"publisher\":\"bench-org\",\"status\":\"published\",\"recordVersion\":1")
                    .append(",\"title\":{\"en\":\"Building models, block ").append(s).append("\",\"ko\":\"건축물 모델 ").append(s)
                    .append("\"},\"description\":{\"en\":\"LOD2 CityGML building models of block ").append(s)
                    .append(", built from aerial imagery and the building register.\"}")
                    .append(",\"keywords\":{\"en\":[\"building\",\"3D model\"],\"ko\":[\"건축물\"]}")
                    .append(",\"spatial\":{\"adminAreas\":[\"11680\"],\"bbox\":[127.01,37.46,127.12,37.53]}")
                    .append(",\"temporal\":{\"start\":\"2024-01-01\",\"end\":\"2024-12-31\"},\"issued\":\"2024-06-30\"")
                    .append(",\"accessRights\":\"public\",\"access\":{\"metadataVisibility\":\"")
                    .append(s % 3 == 0 ? "government" : "public").append("\",\"dataAccess\":\"")
                    .append(s % 3 == 0 ? "government" : "public").append("\"}")
                    .append(",\"twin\":{\"levelsOfDetail\":[2],\"featureTypes\":[\"bldg\"],\"maturityStage\":\"mirroring\"}")
                    .append(",\"distributions\":[{\"id\":\"citygml\",\"accessUrl\":\"https://data.example.kr/")
                    .append(id).append("\",\"mediaType\":\"application/zip\"}]}}");
        }
        boolean more = last < records;
        return "{\"node\":\"sim-child\",\"entries\":[" + entries + "],\"next\":" + last + ",\"hasMore\":" + more
                + ",\"head\":" + records + "}";
    }

    // ------------------------------------------------------------------ the node

    static String base;
    static Path dataDir;

    static void deleteTree(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static Process startNode(List<String> props) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: ./mvnw install -DskipTests");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        Path data = Files.createTempDirectory("tc-federation-bench-");
        dataDir = data;
        // Run a private copy of the application: other builds in the same tree replace the jars of
        // node/target/quarkus-app, and a node loading classes lazily from a replaced jar hangs.
        Path app = data.resolve("app");
        copyTree(JAR.toAbsolutePath().getParent(), app);
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-Dquarkus.http.port=" + port, "-Dtc.data-dir=" + data,
                "-Dtc.node.id=bench-parent", "-Dtc.node.tier=national", "-Dquarkus.oidc.tenant-enabled=false",
                "-Dquarkus.log.level=WARN"));
        String extra = System.getenv("TC_BENCH_NODE_OPTS"); // e.g. -XX:StartFlightRecording=...
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        cmd.addAll(props);
        cmd.addAll(List.of("-jar", app.resolve(JAR.getFileName()).toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(data.resolve("node.log").toFile()).start();
        for (int i = 0; i < 600; i++) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return p;
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("node did not start; see " + data.resolve("node.log"));
    }

    /** CPU seconds (user + system) of the process's threads whose name starts with {@code prefix} (Linux). */
    static double threadCpuSeconds(long pid, String prefix) throws IOException {
        double ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                String name = Files.readString(task.resolve("comm")).strip();
                if (name.startsWith(prefix)) {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                }
            }
        }
        return ticks / 100.0;
    }

    static String get(String url) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static int arg(String[] args, int i, int dflt) {
        return args.length > i ? Integer.parseInt(args[i]) : dflt;
    }

    static long find(Pattern p, String q, long dflt) {
        Matcher m = p.matcher(q == null ? "" : q);
        return m.find() ? Long.parseLong(m.group(1)) : dflt;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(name + " missing in " + json);
        }
        return m.group(1);
    }

    static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) n++;
        return n;
    }

    static double pct(long[] micros, int p) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1000.0;
    }
}
