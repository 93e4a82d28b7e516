package org.twincatalog.node.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;
import org.twincatalog.node.support.NodeProcess;

/**
 * The change feed survives restarts and crashes of the packaged node on its embedded H2 file
 * database: no gap, no reordering, and never a record without its change or a change without
 * its record.
 */
class ChangeFeedRestartIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void feed_isIdenticalAfterRestart_andContinuesWithoutAGap() throws Exception {
        List<JsonNode> before;
        try (NodeProcess node = new NodeProcess(dataDir, Map.of()).start()) {
            String org = createOrganization(node.base());
            for (int i = 0; i < 12; i++) {
                post(
                        node.base(),
                        "api/v1/datasets",
                        Fixtures.dataset("dataset-minimal.json", org).toString(),
                        LocalTokens.publisherOf(org));
            }
            before = feed(node.base());
            node.stop();
        }
        try (NodeProcess node = new NodeProcess(dataDir, Map.of()).start()) {
            assertThat(feed(node.base())).isEqualTo(before);
            String org = createOrganization(node.base());
            post(
                    node.base(),
                    "api/v1/datasets",
                    Fixtures.dataset("dataset-minimal.json", org).toString(),
                    LocalTokens.publisherOf(org));
            List<JsonNode> after = feed(node.base());
            assertThat(after.subList(0, before.size())).isEqualTo(before);
            assertGapFree(after);
            assertThat(after).hasSize(before.size() + 2);
        }
    }

    @Test
    void killDashNine_duringConcurrentWrites_leavesEveryChangeWithItsRecord() throws Exception {
        AtomicInteger acknowledged = new AtomicInteger();
        try (NodeProcess node = new NodeProcess(dataDir, Map.of()).start()) {
            String org = createOrganization(node.base());
            String body = Fixtures.dataset("dataset-minimal.json", org).toString();
            String token = LocalTokens.publisherOf(org);
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                writers.submit(() -> {
                    while (true) {
                        if (post(node.base(), "api/v1/datasets", body, token) == 201) {
                            acknowledged.incrementAndGet();
                        }
                    }
                });
            }
            while (acknowledged.get() < 40) {
                Thread.sleep(10);
            }
            node.kill();
            writers.shutdownNow();
            writers.awaitTermination(10, TimeUnit.SECONDS);
        }
        try (NodeProcess node = new NodeProcess(dataDir, Map.of()).start()) {
            List<JsonNode> changes = feed(node.base());
            assertGapFree(changes);
            // every acknowledged write survived (plus the organization)
            assertThat(changes.size()).isGreaterThanOrEqualTo(acknowledged.get() + 1);
            Map<String, Long> lastVersion = new HashMap<>();
            changes.forEach(c -> lastVersion.put(
                    c.get("recordType").asText() + "/" + c.get("recordId").asText(),
                    c.get("recordVersion").asLong()));
            for (Map.Entry<String, Long> entry : lastVersion.entrySet()) {
                String[] key = entry.getKey().split("/");
                String path = key[0].equals("dataset") ? "api/v1/datasets/" : "api/v1/organizations/";
                HttpResponse<String> record = get(node.base(), path + key[1]);
                assertThat(record.statusCode()).as(entry.getKey()).isEqualTo(200);
                assertThat(JSON.readTree(record.body()).get("recordVersion").asLong())
                        .isEqualTo(entry.getValue());
            }
            long datasets = JSON.readTree(get(node.base(), "api/v1/catalog").body())
                    .get("datasetCount")
                    .asLong();
            assertThat(datasets)
                    .as("no dataset without its change")
                    .isEqualTo(lastVersion.keySet().stream()
                            .filter(k -> k.startsWith("dataset/"))
                            .count());
        }
    }

    private static void assertGapFree(List<JsonNode> changes) {
        for (int i = 0; i < changes.size(); i++) {
            assertThat(changes.get(i).get("sequence").asLong()).isEqualTo(i + 1);
        }
    }

    private String createOrganization(URI base) {
        var org = Fixtures.read("organization.json");
        org.put("id", Fixtures.uniqueId("org"));
        assertThat(post(
                        base,
                        "api/v1/organizations",
                        org.toString(),
                        LocalTokens.publisherOf(org.get("id").asText())))
                .isEqualTo(201);
        return org.get("id").asText();
    }

    private List<JsonNode> feed(URI base) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = JSON.readTree(
                    get(base, "api/v1/changes?limit=1000&after=" + after).body());
            page.get("changes").forEach(all::add);
            after = page.get("next").asLong();
            if (!page.get("hasMore").asBoolean()) {
                return all;
            }
        }
    }

    private int post(URI base, String path, String json, String token) {
        try {
            return http.send(
                            HttpRequest.newBuilder(base.resolve(path))
                                    .header("Content-Type", "application/json")
                                    .header("Authorization", "Bearer " + token)
                                    .POST(HttpRequest.BodyPublishers.ofString(json))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(URI base, String path) {
        try {
            return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
