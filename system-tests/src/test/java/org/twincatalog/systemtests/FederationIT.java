package org.twincatalog.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.twincatalog.access.testing.KeycloakServer;
import org.twincatalog.systemtests.Api.Answer;

/**
 * A federation of real node processes on 127.0.0.1 and the real Keycloak: two city nodes
 * (Gangnam, Mapo), a metro node (Seoul) that harvests both, and a national node that harvests
 * the metro node and brokers live queries to all three. Each node is seeded with its demo set
 * ({@code node/src/main/resources/demo/federation/<node>}): per city one public, one
 * government-level and one private dataset, and the real PLATEAU packages the city hosts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FederationIT {
    private static final String GANGNAM_PUBLIC = "seoul-gangnam.bldg-lod2-2025";
    private static final String GANGNAM_GOVERNMENT = "seoul-gangnam.utility-tunnels-2024";
    private static final String GANGNAM_PRIVATE = "seoul-gangnam.cctv-siting-draft";
    private static final String MAPO_PUBLIC = "seoul-mapo.bldg-lod2-2024";
    private static final String MAPO_GOVERNMENT = "seoul-mapo.flood-sensors-2025";
    private static final String MAPO_PRIVATE = "seoul-mapo.housing-survey-private";

    private KeycloakServer keycloak;
    private Path root;
    private NodeUnderTest gangnam;
    private NodeUnderTest mapo;
    private NodeUnderTest metro;
    private NodeUnderTest national;

    @BeforeAll
    void startFederation() throws Exception {
        keycloak = KeycloakServer.startOrReuse();
        root = Files.createTempDirectory("tc-federation-it-");
        gangnam = node("city-gangnam", "city", "node-city-gangnam");
        mapo = node("city-mapo", "city", "node-city-mapo");
        metro = node("metro-seoul", "metro", "node-metro-seoul")
                .with("tc.node.operator", "seoul")
                .with("tc.federation.harvest.page-size", "5");
        peer(metro, gangnam, "node-city-gangnam", true);
        peer(metro, mapo, "node-city-mapo", true);
        national = node("national", "national", "node-national").with("tc.federation.broker.open-for", "3s");
        peer(national, metro, "node-metro-seoul", true);
        parent(gangnam, metro, "node-metro-seoul");
        parent(mapo, metro, "node-metro-seoul");
        parent(metro, national, "node-national");
        peer(national, gangnam, "node-city-gangnam", false);
        peer(national, mapo, "node-city-mapo", false);
        for (NodeUnderTest n : List.of(gangnam, mapo, metro, national)) {
            n.launch();
        }
        for (NodeUnderTest n : List.of(gangnam, mapo, metro, national)) {
            n.awaitReady();
        }
        // the government-level records of both cities reach the national node through the metro node
        awaitVisible(national, "molit-analyst", mirror("city-gangnam", GANGNAM_GOVERNMENT));
        awaitVisible(national, "molit-analyst", mirror("city-mapo", MAPO_GOVERNMENT));
    }

    @AfterAll
    void stopFederation() throws Exception {
        for (NodeUnderTest n : new NodeUnderTest[] {national, metro, mapo, gangnam}) {
            if (n != null) {
                n.close();
            }
        }
        if (root != null && !Boolean.getBoolean("tc.keep-node-data")) {
            try (var files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void ministryAnalyst_seesGovernmentRecordsOfEveryCity_withTheirProvenance() {
        String molit = token("molit-analyst");
        Set<String> ids = ids(
                Api.get(national, "/api/v1/datasets?limit=500", molit).json().path("items"));
        assertThat(ids)
                .contains(
                        mirror("city-gangnam", GANGNAM_PUBLIC),
                        mirror("city-gangnam", GANGNAM_GOVERNMENT),
                        mirror("city-mapo", MAPO_PUBLIC),
                        mirror("city-mapo", MAPO_GOVERNMENT))
                .doesNotContain(mirror("city-gangnam", GANGNAM_PRIVATE), mirror("city-mapo", MAPO_PRIVATE));

        JsonNode record = Api.get(national, "/api/v1/datasets/" + mirror("city-mapo", MAPO_GOVERNMENT), molit)
                .json();
        assertThat(record.path("origin").path("node").asText()).isEqualTo("city-mapo");
        assertThat(record.path("origin").path("id").asText()).isEqualTo(MAPO_GOVERNMENT);
        assertThat(record.path("origin").path("version").asLong()).isEqualTo(1);
        assertThat(texts(record.path("origin").path("chain"))).containsExactly("city-mapo", "metro-seoul");
        assertThat(record.path("access").path("metadataVisibility").asText()).isEqualTo("government");

        // mirrors go through the change log, so the national search index has them
        JsonNode search = Api.get(national, "/api/v1/search?q=flood", molit).json();
        assertThat(ids(search.path("items"))).contains(mirror("city-mapo", MAPO_GOVERNMENT));

        // which cities have LOD2 building models newer than 2023, by city, computed at each city
        JsonNode counts = Api.get(
                        national,
                        "/api/v1/federation/aggregates?peer=city-gangnam&peer=city-mapo&lod=2&featureType=bldg"
                                + "&yearFrom=2024&facet=year",
                        molit)
                .json();
        assertThat(outcomes(counts)).containsEntry("city-gangnam", "ok").containsEntry("city-mapo", "ok");
        Map<String, Long> totals = new HashMap<>();
        counts.path("byPeer")
                .forEach(
                        p -> totals.put(p.path("peer").asText(), p.path("total").asLong()));
        // per city its demo LOD2 building model and the real PLATEAU package it hosts (Gangnam the
        // Tokyo 23-ku sample, Mapo the Yokosuka one: LOD2 buildings, issued when seeded); the
        // utility tunnels (unf) and the flood sensors (fld, dem) are no building models
        assertThat(totals).containsEntry("city-gangnam", 2L).containsEntry("city-mapo", 2L);
        assertThat(counts.path("total").asLong()).isEqualTo(4);

        // asked with its cities, the metro node counts its own records, not its mirrors of theirs
        JsonNode tiers = Api.get(
                        national,
                        "/api/v1/federation/aggregates?peer=metro-seoul&peer=city-gangnam&peer=city-mapo&lod=2"
                                + "&featureType=bldg&yearFrom=2024&facet=year",
                        molit)
                .json();
        assertThat(outcomes(tiers))
                .containsEntry("metro-seoul", "ok")
                .containsEntry("city-gangnam", "ok")
                .containsEntry("city-mapo", "ok");
        Map<String, Long> byTier = new HashMap<>();
        tiers.path("byPeer")
                .forEach(
                        p -> byTier.put(p.path("peer").asText(), p.path("total").asLong()));
        assertThat(byTier)
                .containsEntry("metro-seoul", 0L)
                .containsEntry("city-gangnam", 2L)
                .containsEntry("city-mapo", 2L);
        assertThat(tiers.path("total").asLong()).isEqualTo(4);

        // demo records say what they are: a feature type finds only what holds it
        JsonNode tunnels = Api.get(national, "/api/v1/search?featureType=unf&limit=100", molit)
                .json();
        assertThat(ids(tunnels.path("items"))).containsExactly(mirror("city-gangnam", GANGNAM_GOVERNMENT));
        JsonNode buildings = Api.get(national, "/api/v1/search?featureType=bldg&limit=100", molit)
                .json();
        assertThat(ids(buildings.path("items")))
                .doesNotContain(mirror("city-gangnam", GANGNAM_GOVERNMENT), mirror("city-mapo", MAPO_GOVERNMENT));
    }

    @Test
    void developer_seesOnlyPublicRecords_harvestedOrLive() {
        String dev = token("dev");
        JsonNode list =
                Api.get(national, "/api/v1/datasets?limit=500", dev).json().path("items");
        assertThat(ids(list)).contains(mirror("city-gangnam", GANGNAM_PUBLIC), mirror("city-mapo", MAPO_PUBLIC));
        list.forEach(d -> assertThat(d.path("access").path("metadataVisibility").asText("public"))
                .as(d.path("id").asText())
                .isEqualTo("public"));

        JsonNode search = Api.get(national, "/api/v1/search?limit=100", dev).json();
        assertThat(facetValues(search, "access")).containsOnly("public");

        JsonNode live = Api.get(
                        national,
                        "/api/v1/federation/search?peer=city-gangnam&peer=city-mapo&featureType=bldg&limit=100",
                        dev)
                .json();
        assertThat(outcomes(live)).containsEntry("city-gangnam", "ok").containsEntry("city-mapo", "ok");
        assertThat(ids(live.path("items")))
                .contains(GANGNAM_PUBLIC, MAPO_PUBLIC)
                .doesNotContain(GANGNAM_GOVERNMENT, MAPO_GOVERNMENT, GANGNAM_PRIVATE, MAPO_PRIVATE);
        assertThat(facetValues(live, "access")).containsOnly("public");
    }

    @Test
    void cityA_cannotSeeCityBPrivateRecords_throughAnyPath() {
        String gangnamPublisher = token("gangnam-publisher");
        // it exists: its owner sees it at its own node
        assertThat(Api.get(mapo, "/api/v1/datasets/" + MAPO_PRIVATE, token("mapo-publisher"))
                        .status())
                .isEqualTo(200);
        List<String> paths = List.of(
                "/api/v1/datasets?limit=500",
                "/api/v1/changes?after=0&limit=1000",
                "/api/v1/federation/feed?after=0&limit=1000",
                "/api/v1/search?q=housing%20survey&limit=100",
                "/api/v1/catalog");
        for (NodeUnderTest node : List.of(mapo, metro, national)) {
            for (String path : paths) {
                Answer a = Api.get(node, path, gangnamPublisher);
                assertThat(a.status()).as(node.id() + path).isEqualTo(200);
                assertThat(a.body())
                        .as(node.id() + path)
                        .doesNotContain(MAPO_PRIVATE)
                        .doesNotContain("housing survey");
            }
        }
        assertThat(Api.get(mapo, "/api/v1/datasets/" + MAPO_PRIVATE, gangnamPublisher)
                        .status())
                .isEqualTo(404);
        assertThat(Api.get(national, "/api/v1/datasets/" + mirror("city-mapo", MAPO_PRIVATE), gangnamPublisher)
                        .status())
                .isEqualTo(404);
        // the broker forwards the caller's identity: Mapo decides with its own policy
        for (NodeUnderTest broker : List.of(national, metro)) {
            Answer live = Api.get(broker, "/api/v1/federation/search?q=housing%20survey&limit=100", gangnamPublisher);
            assertThat(outcomes(live.json())).containsEntry("city-mapo", "ok");
            assertThat(live.body()).doesNotContain(MAPO_PRIVATE).doesNotContain("housing survey");
        }
        // it never left Mapo: not even its owner finds a mirror of it upstream
        assertThat(Api.get(national, "/api/v1/datasets/" + mirror("city-mapo", MAPO_PRIVATE), token("mapo-publisher"))
                        .status())
                .isEqualTo(404);
        assertThat(Api.get(metro, "/api/v1/datasets/" + mirror("city-mapo", MAPO_PRIVATE), token("mapo-publisher"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aRecordMadePrivateAtItsCity_isGoneFromMetroAndNationalWithinSeconds_andNothingOfItLeaks() throws Exception {
        String mapoPublisher = token("mapo-publisher");
        String molit = token("molit-analyst");
        ObjectNode dataset = (ObjectNode) fixture("fixtures/bulk-dataset.json");
        dataset.put("id", "seoul-mapo.street-trees-draft");
        dataset.put("publisher", "seoul-mapo");
        Answer created = Api.post(mapo, "/api/v1/datasets", mapoPublisher, dataset.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String mirrorId = mirror("city-mapo", "seoul-mapo.street-trees-draft");
        // the poke brings it up too, well before the minute the schedule waits
        awaitWithin(
                15,
                () -> Api.get(national, "/api/v1/datasets/" + mirrorId, null).status() == 200);

        String secret = "Confidential relocation of street trees";
        dataset.putObject("title").put("en", secret).put("ko", "가로수이전비밀계획");
        dataset.putObject("access").put("metadataVisibility", "private").put("dataAccess", "private");
        dataset.put("accessRights", "non-public");
        long started = System.nanoTime();
        Answer updated = Api.put(
                mapo, "/api/v1/datasets/seoul-mapo.street-trees-draft", mapoPublisher, "\"1\"", dataset.toString());
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);

        // no reconciliation runs (reconcile-every 0) and the schedule waits a minute: Mapo's feed
        // tells the metro node's harvester that the record left its sight, the poke makes it
        // harvest now, and its withdrawal reaches the national node the same way
        awaitWithin(
                15,
                () -> Api.get(metro, "/api/v1/datasets/" + mirrorId, molit).status() == 410
                        && Api.get(national, "/api/v1/datasets/" + mirrorId, molit)
                                        .status()
                                == 410);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(tookMs).as("city -> metro -> national").isLessThan(15_000);
        for (NodeUnderTest node : List.of(metro, national)) {
            assertThat(ids(Api.get(node, "/api/v1/search?q=street%20trees&limit=100", molit)
                            .json()
                            .path("items")))
                    .as(node.id())
                    .doesNotContain(mirrorId);
        }

        // what the metro node's harvester got from Mapo: the id it had, nothing of the new state
        String metroHarvester = keycloak.exchange(
                "node-metro-seoul", keycloak.serviceAccountToken("node-metro-seoul"), "node-city-mapo");
        JsonNode feed = Api.get(mapo, "/api/v1/federation/feed?after=0&limit=1000", metroHarvester)
                .json();
        List<JsonNode> entries = new ArrayList<>();
        feed.path("entries").forEach(e -> {
            if ("seoul-mapo.street-trees-draft"
                    .equals(e.path("change").path("recordId").asText())) {
                entries.add(e);
            }
        });
        assertThat(entries)
                .extracting(e -> e.path("change").path("kind").asText())
                .containsExactly("hidden");
        assertThat(entries.get(0).has("dataset")).isFalse();
        assertThat(entries.get(0).path("change").path("recordVersion").asLong()).isEqualTo(1);

        // nowhere upstream does the new title or its settings appear, for anyone
        for (String user : new String[] {null, "molit-analyst", "seoul-steward", "mapo-publisher"}) {
            String t = user == null ? null : token(user);
            for (NodeUnderTest node : List.of(metro, national)) {
                for (String path : List.of(
                        "/api/v1/datasets/" + mirrorId,
                        "/api/v1/datasets?limit=500",
                        "/api/v1/changes?after=0&limit=1000",
                        "/api/v1/federation/feed?after=0&limit=1000",
                        "/api/v1/search?q=relocation&limit=100",
                        "/api/v1/catalog")) {
                    Answer a = Api.get(node, path, t);
                    assertThat(a.body())
                            .as(node.id() + path + " as " + user)
                            .doesNotContain(secret)
                            .doesNotContain("relocation")
                            .doesNotContain("가로수이전비밀계획");
                }
            }
        }
    }

    @Test
    void killingACityMidQuery_givesPartialResults_withThatCityMarked() throws Exception {
        String molit = token("molit-analyst");
        gangnam.pause(); // the query waits at Gangnam...
        try {
            CompletableFuture<Answer> query = CompletableFuture.supplyAsync(() -> Api.get(
                    national,
                    "/api/v1/federation/search?peer=city-gangnam&peer=city-mapo&peer=metro-seoul&deadlineMs=10000&limit=100",
                    molit));
            Thread.sleep(1500);
            gangnam.kill(); // ...when Gangnam dies
            Answer answer = query.get(20, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo(200);
            JsonNode page = answer.json();
            assertThat(outcomes(page))
                    .containsEntry("city-gangnam", "error")
                    .containsEntry("city-mapo", "ok")
                    .containsEntry("metro-seoul", "ok");
            assertThat(page.path("tookMs").asLong()).isLessThan(9000);
            assertThat(ids(page.path("items"))).contains(MAPO_PUBLIC, MAPO_GOVERNMENT);
            // the metro node's mirror of a Mapo record and the record itself are one hit
            List<String> keys = new ArrayList<>();
            page.path("items")
                    .forEach(h -> keys.add(h.path("originNode").asText() + "/"
                            + h.path("id")
                                    .asText()
                                    .replaceFirst("^" + h.path("originNode").asText() + "\\.", "")));
            assertThat(keys).doesNotHaveDuplicates();
        } finally {
            gangnam.kill();
            gangnam.launch().awaitReady();
        }
    }

    @Test
    void slowCity_doesNotHoldTheAnswerPastTheDeadline_andItsCircuitOpens() throws Exception {
        String molit = token("molit-analyst");
        mapo.pause();
        try {
            long started = System.nanoTime();
            Answer answer = Api.get(
                    national, "/api/v1/federation/search?peer=city-gangnam&peer=city-mapo&deadlineMs=1500", molit);
            long wallMs = (System.nanoTime() - started) / 1_000_000;
            JsonNode page = answer.json();
            assertThat(outcomes(page)).containsEntry("city-mapo", "timeout").containsEntry("city-gangnam", "ok");
            assertThat(ids(page.path("items"))).contains(GANGNAM_PUBLIC, GANGNAM_GOVERNMENT);
            assertThat(page.path("tookMs").asLong()).isBetween(1400L, 2200L);
            assertThat(wallMs).isLessThan(3500);
            // after repeated failures the breaker skips Mapo without waiting at all
            for (int i = 0; i < 3; i++) {
                Api.get(national, "/api/v1/federation/search?peer=city-mapo&deadlineMs=200", molit);
            }
            JsonNode skipped = Api.get(national, "/api/v1/federation/search?peer=city-mapo&deadlineMs=5000", molit)
                    .json();
            assertThat(outcomes(skipped)).containsEntry("city-mapo", "skipped");
            assertThat(skipped.path("tookMs").asLong()).isLessThan(1000);
        } finally {
            mapo.resume();
        }
        // half-open after tc.federation.broker.open-for (3 s): one trial call closes it again
        Thread.sleep(3500);
        JsonNode again = Api.get(national, "/api/v1/federation/search?peer=city-mapo&deadlineMs=10000", molit)
                .json();
        assertThat(outcomes(again)).containsEntry("city-mapo", "ok");
        assertThat(Api.get(national, "/api/v1/federation/peers/city-mapo", null)
                        .json()
                        .path("status")
                        .path("circuit")
                        .asText())
                .isEqualTo("closed");
    }

    @Test
    void harvestKilledMidRun_resumesExactly_andQuarantinesTheBadRecord() throws Exception {
        String steward = token("seoul-steward");
        long before = harvestStatus(metro, "city-gangnam").path("cursor").asLong();
        metro.close(); // stopped while Gangnam registers new records
        String badId = "seoul-gangnam." + "x".repeat(81); // its mirror id would be longer than 100 characters
        create(gangnam, badId);
        List<String> bulk = IntStream.range(0, 300)
                .mapToObj(i -> String.format("seoul-gangnam.zz-bulk-%03d", i)) // after the demo ids in a page
                .toList();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            for (CompletableFuture<Void> f : bulk.stream()
                    .map(id -> CompletableFuture.runAsync(() -> create(gangnam, id), writers))
                    .toList()) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdown();
        }
        long head = Api.get(gangnam, "/api/v1/federation/feed?after=0&limit=1", null)
                .json()
                .path("head")
                .asLong();

        // one change per page and a late first run (after the node is surely ready, even on a busy
        // machine), so that the run can be caught half-way
        metro.with("tc.federation.harvest.page-size", "1")
                .with("tc.federation.harvest.initial-delay", "15s")
                .launch()
                .awaitReady();
        long seen = -1;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            JsonNode h = harvestStatus(metro, "city-gangnam");
            long cursor = h.path("cursor").asLong();
            if (cursor > before && cursor < head) {
                metro.kill(); // kill -9 in the middle of the run
                seen = cursor;
                break;
            }
            Thread.sleep(10);
        }
        assertThat(seen)
                .as("the run was caught between %d and %d", before, head)
                .isGreaterThan(before);

        metro.launch().awaitReady();
        assertThat(harvestStatus(metro, "city-gangnam").path("cursor").asLong())
                .as("the committed cursor survived the kill")
                .isGreaterThanOrEqualTo(seen);
        assertThat(Api.post(metro, "/api/v1/federation/peers/city-gangnam/harvests", token("dev"), null)
                        .status())
                .isEqualTo(403);
        assertThat(Api.post(metro, "/api/v1/federation/peers/city-gangnam/harvests", steward, null)
                        .status())
                .isEqualTo(202);
        await(() -> {
            JsonNode h = harvestStatus(metro, "city-gangnam");
            return h.path("cursor").asLong() >= head && !h.path("running").asBoolean();
        });

        // nothing lost: every record is mirrored; nothing duplicated: one created change each, no updates
        Set<String> mirrored = ids(Api.get(metro, "/api/v1/datasets?publisher=seoul-gangnam&limit=500", steward)
                .json()
                .path("items"));
        assertThat(mirrored)
                .containsAll(bulk.stream().map(id -> mirror("city-gangnam", id)).toList());
        Map<String, Integer> created = new HashMap<>();
        Map<String, Integer> updated = new HashMap<>();
        long after = 0;
        while (true) {
            JsonNode page = Api.get(metro, "/api/v1/changes?after=" + after + "&limit=1000", steward)
                    .json();
            page.path("changes").forEach(c -> {
                Map<String, Integer> counts = "created".equals(c.path("kind").asText()) ? created : updated;
                counts.merge(c.path("recordId").asText(), 1, Integer::sum);
            });
            after = page.path("next").asLong();
            if (!page.path("hasMore").asBoolean()) {
                break;
            }
        }
        for (String id : bulk) {
            assertThat(created.get(mirror("city-gangnam", id))).as(id).isEqualTo(1);
            assertThat(updated.get(mirror("city-gangnam", id))).as(id).isNull();
        }
        JsonNode quarantine = Api.get(metro, "/api/v1/federation/peers/city-gangnam/quarantine", steward)
                .json();
        assertThat(StreamSupport.stream(quarantine.path("items").spliterator(), false)
                        .filter(q -> badId.equals(q.path("recordId").asText()))
                        .map(q -> q.path("reason").asText()))
                .singleElement()
                .asString()
                .contains("mirror id");
    }

    @Test
    void tokensObtainedForOnePeer_areRefusedAtAnother_andForwardedCallersNeverWrite() {
        // (1) what the national broker sends Mapo for a Gangnam publisher, replayed at Gangnam
        String forMapo = keycloak.exchange("node-national", token("gangnam-publisher"), "node-city-mapo");
        assertThat(Api.get(mapo, "/api/v1/datasets", forMapo).status()).isEqualTo(200);
        assertThat(Api.get(gangnam, "/api/v1/datasets", forMapo).status()).isEqualTo(401);
        assertThat(Api.get(metro, "/api/v1/datasets", forMapo).status()).isEqualTo(401);

        // (2) a Mapo publisher forwarded to Mapo reads there, and never writes
        String mapoPublisherForMapo = keycloak.exchange("node-national", token("mapo-publisher"), "node-city-mapo");
        ObjectNode dataset = (ObjectNode) fixture("fixtures/bulk-dataset.json");
        dataset.put("id", "seoul-mapo.written-through-a-broker");
        dataset.put("publisher", "seoul-mapo");
        Answer write = Api.post(mapo, "/api/v1/datasets", mapoPublisherForMapo, dataset.toString());
        assertThat(write.status()).as(write.body()).isEqualTo(403);
        assertThat(write.json().path("rule").asText()).isEqualTo("forwarded-read-only");
        assertThat(Api.get(mapo, "/api/v1/datasets/seoul-mapo.written-through-a-broker", token("mapo-publisher"))
                        .status())
                .isEqualTo(404);

        // (3) the national harvester's token for the metro node, replayed at a city; the raw
        // client-credentials token (it names every node) is valid at none
        String national = keycloak.serviceAccountToken("node-national");
        String forMetro = keycloak.exchange("node-national", national, "node-metro-seoul");
        assertThat(Api.get(metro, "/api/v1/federation/feed?after=0&limit=1", forMetro)
                        .status())
                .isEqualTo(200);
        assertThat(Api.get(gangnam, "/api/v1/federation/feed?after=0&limit=1", forMetro)
                        .status())
                .isEqualTo(401);
        for (NodeUnderTest node : List.of(gangnam, mapo, metro)) {
            assertThat(Api.get(node, "/api/v1/federation/feed?after=0&limit=1", national)
                            .status())
                    .as(node.id())
                    .isEqualTo(401);
        }
    }

    @Test
    void peerRegistration_underAnotherNodesClientAtAForeignAddress_is422_andByANonOperator_is403() {
        // (4) the metro node's operator (seoul) names Mapo's client at Gangnam's address
        String hijack = "{\"tier\":\"city\",\"baseUrl\":\"" + gangnam.base()
                + "\",\"clientId\":\"node-city-mapo\",\"harvest\":true}";
        Answer refused = Api.put(metro, "/api/v1/federation/peers/city-mapo-2", token("seoul-steward"), "*", hijack);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("/baseUrl");
        assertThat(Api.get(metro, "/api/v1/federation/peers/city-mapo-2", null).status())
                .isEqualTo(404);

        // (5) a steward of another organization is no operator of the metro node
        Answer denied = Api.put(metro, "/api/v1/federation/peers/city-mapo-3", token("mapo-steward"), "*", hijack);
        assertThat(denied.status()).as(denied.body()).isEqualTo(403);
        assertThat(Api.get(metro, "/api/v1/federation/peers/city-mapo-3", null).status())
                .isEqualTo(404);
    }

    @Test
    void accessRequestedAtTheNationalNode_isDecidedAtTheOwningCity_andOpensTheDataThere() throws Exception {
        String molit = token("molit-analyst");
        String id = "seoul-mapo.noise-map-2026";
        ObjectNode dataset = (ObjectNode) fixture("fixtures/bulk-dataset.json");
        dataset.put("id", id);
        dataset.put("publisher", "seoul-mapo");
        // known to the public sector, its data for agreements only
        dataset.putObject("access").put("metadataVisibility", "government").put("dataAccess", "restricted");
        dataset.put("accessRights", "restricted");
        dataset.putArray("distributions")
                .addObject()
                .put("id", "noise-grid")
                .put("accessUrl", "https://data.mapo.example.go.kr/noise/");
        Answer created = Api.post(mapo, "/api/v1/datasets", token("mapo-publisher"), dataset.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String mirrorId = mirror("city-mapo", id);
        awaitWithin(
                30,
                () -> Api.get(national, "/api/v1/datasets/" + mirrorId, molit).status() == 200);

        // the ministry's analyst finds it at the national node; its data is closed, with a link to ask
        Answer closed = Api.get(national, "/api/v1/datasets/" + mirrorId + "/distributions", molit);
        assertThat(closed.status()).as(closed.body()).isEqualTo(403);
        String requestLink = closed.json().path("requestAccess").asText();
        assertThat(requestLink).endsWith("/api/v1/datasets/" + mirrorId + "/access-requests");
        String requestPath = java.net.URI.create(requestLink).getPath();
        String terms = terms("noise exposure of schools in the national twin", Duration.ofDays(90));

        // hostile or unfit requests end here or are refused by Mapo, and nothing is created
        assertThat(Api.post(national, requestPath, null, terms).status()).isEqualTo(401);
        assertThat(Api.post(
                                national,
                                "/api/v1/datasets/" + mirror("city-mapo", MAPO_PRIVATE) + "/access-requests",
                                molit,
                                terms)
                        .status())
                .isEqualTo(404);
        assertThat(Api.post(national, requestPath, token("dev"), terms).status())
                .as("a developer does not see it at the national node: nothing is forwarded")
                .isEqualTo(404);
        String backwards = terms.replaceFirst("\"validUntil\":\"[^\"]+\"", "\"validUntil\":\"2020-01-01T00:00:00Z\"");
        Answer refusedByMapo = Api.post(national, requestPath, molit, backwards);
        assertThat(refusedByMapo.status()).as(refusedByMapo.body()).isEqualTo(422);
        assertThat(refusedByMapo.header("Content-Type")).startsWith("application/problem+json");
        Answer mixed = Api.post(
                national,
                "/api/v1/agreements",
                molit,
                terms.replaceFirst(
                        "\\{",
                        "{\"datasets\":[\"" + mirrorId + "\",\"" + mirror("city-gangnam", GANGNAM_GOVERNMENT)
                                + "\"],"));
        assertThat(mixed.status()).as(mixed.body()).isEqualTo(422);
        assertThat(mixed.body()).contains("/datasets/1").contains("city-gangnam");

        // the request made at the national node reaches Mapo, where it is pending for its steward
        String mapoSteward = token("mapo-steward");
        Set<String> molitsBefore = molitsAgreementsAt(mapo, mapoSteward);
        Answer requested = Api.post(national, requestPath, molit, terms);
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        JsonNode agreement = requested.json();
        String agreementId = agreement.path("id").asText();
        assertThat(agreement.path("consumerOrganization").asText()).isEqualTo("molit");
        assertThat(agreement.path("parts").get(0).path("ownerOrganization").asText())
                .isEqualTo("seoul-mapo");
        assertThat(agreement.path("parts").get(0).path("state").asText()).isEqualTo("pending");
        assertThat(texts(agreement.path("parts").get(0).path("datasets"))).containsExactly(id);
        String location = requested.header("Location");
        assertThat(location).endsWith("/api/v1/federation/agreements/city-mapo/" + agreementId);
        Set<String> molitsAtMapo = molitsAgreementsAt(mapo, mapoSteward);
        molitsAtMapo.removeAll(molitsBefore);
        assertThat(molitsAtMapo).as("the refused requests left nothing").containsExactly(agreementId);
        assertThat(Api.get(national, "/api/v1/agreements/" + agreementId, molit).status())
                .as("nothing of it is stored at the national node")
                .isEqualTo(404);

        // Mapo's steward decides it at Mapo; the analyst follows it through the national node
        Answer approved = Api.post(
                mapo,
                "/api/v1/agreements/" + agreementId + "/parts/seoul-mapo",
                mapoSteward,
                "{\"decision\":\"approve\",\"note\":\"for the national noise study\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        Answer followed = Api.get(national, java.net.URI.create(location).getPath(), molit);
        assertThat(followed.status()).as(followed.body()).isEqualTo(200);
        assertThat(followed.json().path("parts").get(0).path("state").asText()).isEqualTo("approved");
        assertThat(Api.get(national, java.net.URI.create(location).getPath(), null)
                        .status())
                .isEqualTo(401);
        assertThat(Api.get(national, java.net.URI.create(location).getPath(), token("gangnam-publisher"))
                        .status())
                .as("another organization's agreement")
                .isEqualTo(404);
        JsonNode mine = Api.get(national, "/api/v1/federation/agreements?peer=city-mapo&peer=city-gangnam", molit)
                .json();
        assertThat(outcomes(mine)).containsEntry("city-mapo", "ok").containsEntry("city-gangnam", "ok");
        List<String> followedIds = new ArrayList<>();
        mine.path("items")
                .forEach(i -> followedIds.add(i.path("peer").asText() + "/"
                        + i.path("agreement").path("id").asText()));
        assertThat(followedIds).contains("city-mapo/" + agreementId);

        // the data opens at Mapo, for the analyst's own token, by Mapo's policy
        Answer open = Api.get(mapo, "/api/v1/datasets/" + id + "/distributions", molit);
        assertThat(open.status()).as(open.body()).isEqualTo(200);
        assertThat(Api.get(mapo, "/api/v1/datasets/" + id + "/distributions", token("gangnam-publisher"))
                        .status())
                .isEqualTo(403);

        // Mapo's audit says who asked, through which path
        Answer audit = Api.get(mapo, "/api/v1/audit/organizations/seoul-mapo", mapoSteward, "application/x-ndjson");
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body().lines().filter(l -> l.contains("agreement:" + agreementId)))
                .anySatisfy(l -> assertThat(l).contains("forwarded through a node"));
    }

    @Test
    void accessRequestedAtTheMetroNode_reachesTheCity_andIsFollowedFromTheMetroNode() throws Exception {
        String molit = token("molit-analyst");
        String id = "seoul-mapo.heat-island-2026";
        ObjectNode dataset = (ObjectNode) fixture("fixtures/bulk-dataset.json");
        dataset.put("id", id);
        dataset.put("publisher", "seoul-mapo");
        dataset.putObject("access").put("metadataVisibility", "government").put("dataAccess", "restricted");
        dataset.put("accessRights", "restricted");
        Answer created = Api.post(mapo, "/api/v1/datasets", token("mapo-publisher"), dataset.toString());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String mirrorId = mirror("city-mapo", id);
        awaitWithin(
                30, () -> Api.get(metro, "/api/v1/datasets/" + mirrorId, molit).status() == 200);
        String terms = terms("heat islands of the capital region", Duration.ofDays(30));

        Answer requested = Api.post(metro, "/api/v1/datasets/" + mirrorId + "/access-requests", molit, terms);

        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        String agreementId = requested.json().path("id").asText();
        assertThat(requested
                        .json()
                        .path("parts")
                        .get(0)
                        .path("ownerOrganization")
                        .asText())
                .isEqualTo("seoul-mapo");
        assertThat(requested.header("Location")).endsWith("/api/v1/federation/agreements/city-mapo/" + agreementId);
        Answer atMapo = Api.get(mapo, "/api/v1/agreements/" + agreementId, token("mapo-steward"));
        assertThat(atMapo.status()).as(atMapo.body()).isEqualTo(200);
        assertThat(atMapo.json().path("parts").get(0).path("state").asText()).isEqualTo("pending");
        assertThat(Api.get(metro, "/api/v1/agreements/" + agreementId, molit).status())
                .as("nothing of it is stored at the metro node")
                .isEqualTo(404);
        Answer followed =
                Api.get(metro, java.net.URI.create(requested.header("Location")).getPath(), molit);
        assertThat(followed.status()).as(followed.body()).isEqualTo(200);
        assertThat(followed.json().path("id").asText()).isEqualTo(agreementId);
    }

    @Test
    void restrictedFilesOfACity_areFoundAndDownloadedThroughTheNationalNode_onceTheCityApprovesTheRequest()
            throws Exception {
        String molit = token("molit-analyst");
        String pkg = "22100_shizuoka-shi_sample";
        Path folder = Path.of("..", "testdata", "plateau", pkg);
        Map<String, byte[]> onDisk = new TreeMap<>();
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                onDisk.put(pkg + "/" + folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(zipped)) {
            for (var e : onDisk.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        String id = "seoul-mapo.sample-files-restricted";
        Answer registered = Api.postZip(
                mapo,
                "/api/v1/packages?publisher=seoul-mapo&accessRights=restricted&dataAccess=restricted&id=" + id
                        + "&name=" + pkg + ".zip",
                token("mapo-publisher"),
                zipped.toByteArray());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        // known to the public sector only, like the other government records of the demo
        ObjectNode governmentOnly = (ObjectNode) registered.json();
        governmentOnly.with("access").put("metadataVisibility", "government");
        Answer updated = Api.put(
                mapo,
                "/api/v1/datasets/" + id,
                token("mapo-publisher"),
                registered.header("ETag"),
                governmentOnly.toString());
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        String mirrorId = mirror("city-mapo", id);
        awaitWithin(
                30,
                () -> Api.get(national, "/api/v1/datasets/" + mirrorId, molit).status() == 200);
        String lookup = "/api/v1/federation/files?peer=city-mapo&city=22100&limit=1000";

        // before an agreement, Mapo's policy keeps its files from the analyst, at the national node too
        JsonNode hidden = Api.get(national, lookup, molit).json();
        assertThat(outcomes(hidden)).containsEntry("city-mapo", "ok");
        assertThat(hidden.path("items")).isEmpty();

        // the analyst asks at the national node; Mapo's steward approves at Mapo
        String terms = terms("flood-risk buildings in the national twin", Duration.ofDays(30));
        Answer requested = Api.post(national, "/api/v1/datasets/" + mirrorId + "/access-requests", molit, terms);
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        Answer approved = Api.post(
                mapo,
                "/api/v1/agreements/" + requested.json().path("id").asText() + "/parts/seoul-mapo",
                token("mapo-steward"),
                "{\"decision\":\"approve\"}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        // now the national node finds every file of the package at Mapo and hands each out unchanged
        JsonNode found = Api.get(national, lookup, molit).json();
        Map<String, String> links = new TreeMap<>();
        found.path("items")
                .forEach(i -> links.put(
                        i.path("file").path("package").asText() + "/"
                                + i.path("file").path("path").asText(),
                        java.net
                                .URI
                                .create(i.path("federatedDownloadUrl").asText())
                                .getPath()));
        assertThat(links.keySet()).isEqualTo(onDisk.keySet());
        for (var link : links.entrySet()) {
            Api.Download file = Api.download(national, link.getValue(), molit);
            assertThat(file.status()).as(link.getKey()).isEqualTo(200);
            assertThat(file.body()).as(link.getKey()).isEqualTo(onDisk.get(link.getKey()));
        }
        String oneLink = links.values().iterator().next();
        assertThat(Api.download(national, oneLink, token("gangnam-publisher")).status())
                .as("Mapo refuses another organization, and the national node passes that on")
                .isEqualTo(403);
        assertThat(Api.download(national, oneLink, null).status())
                .as("an anonymous caller does not see that the government-only package exists")
                .isEqualTo(404);

        // and packs them, under Mapo's id, byte for byte
        Api.Download pack = Api.download(national, "/api/v1/federation/files/pack?peer=city-mapo&city=22100", molit);
        assertThat(pack.status()).isEqualTo(200);
        Map<String, byte[]> packed = new TreeMap<>();
        try (java.util.zip.ZipInputStream zip =
                new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(pack.body()))) {
            for (java.util.zip.ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                packed.put(e.getName(), zip.readAllBytes());
            }
        }
        for (var e : onDisk.entrySet()) {
            assertThat(packed.get("city-mapo/" + e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
    }

    // ------------------------------------------------------------------ helpers

    private NodeUnderTest node(String id, String tier, String clientId) throws IOException {
        return new NodeUnderTest(id, root, Map.of())
                .with("tc.node.id", id)
                .with("tc.node.tier", tier)
                .with("tc.demo.seed", "true")
                .with("tc.demo.set", "federation/" + id)
                .with("quarkus.oidc.auth-server-url", keycloak.issuer())
                .with("quarkus.oidc.token.audience", "twin-catalog-node," + clientId)
                .with("tc.federation.client-id", clientId)
                .with("tc.federation.client-secret", clientId + "-dev-secret")
                // children poke their parents (tc.federation.parents.*): a change reaches every tier
                // in seconds although the schedule runs once a minute and never reconciles
                .with("tc.federation.harvest.interval", "60s")
                .with("tc.federation.harvest.reconcile-every", "0")
                .with("tc.federation.harvest.initial-delay", "1s");
    }

    private static void peer(NodeUnderTest parent, NodeUnderTest child, String clientId, boolean harvest) {
        String key = "tc.federation.peers." + child.id() + ".";
        parent.with(key + "base-url", child.base().toString())
                .with(key + "client-id", clientId)
                .with(key + "harvest", Boolean.toString(harvest));
    }

    /** {@code child} pokes {@code parent} (as its own service account) when its change log moves. */
    private static void parent(NodeUnderTest child, NodeUnderTest parent, String parentClientId) {
        String key = "tc.federation.parents." + parent.id() + ".";
        child.with(key + "base-url", parent.base().toString()).with(key + "client-id", parentClientId);
    }

    private void create(NodeUnderTest node, String id) {
        ObjectNode dataset = (ObjectNode) fixture("fixtures/bulk-dataset.json");
        dataset.put("id", id);
        dataset.put("publisher", "seoul-gangnam");
        ((ObjectNode) dataset.path("spatial")).putArray("adminAreas").add("11680");
        Answer a = Api.post(node, "/api/v1/datasets", token("gangnam-publisher"), dataset.toString());
        assertThat(a.status()).as(a.body()).isEqualTo(201);
    }

    /** An access request's terms under the Smart City Act, valid from a minute ago for {@code validFor}. */
    private static String terms(String purpose, Duration validFor) {
        java.time.Instant now = java.time.Instant.now();
        return "{\"purpose\":\"" + purpose + "\",\"legalBasis\":\"Smart City Act art. 36\",\"validFrom\":\""
                + now.minusSeconds(60) + "\",\"validUntil\":\"" + now.plus(validFor) + "\"}";
    }

    /** The ids of the ministry's agreements at a city, as its steward lists them. */
    private static Set<String> molitsAgreementsAt(NodeUnderTest city, String stewardToken) {
        Set<String> ids = new TreeSet<>();
        Api.get(city, "/api/v1/agreements", stewardToken).json().path("items").forEach(a -> {
            if ("molit".equals(a.path("consumerOrganization").asText())) {
                ids.add(a.path("id").asText());
            }
        });
        return ids;
    }

    private static JsonNode fixture(String resource) {
        try (InputStream in = FederationIT.class.getClassLoader().getResourceAsStream(resource)) {
            return Api.JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }

    /** The whole harvest status, as the operator's steward reads it (anyone else sees only visible counts). */
    private JsonNode harvestStatus(NodeUnderTest parent, String peer) {
        return Api.get(parent, "/api/v1/federation/peers/" + peer, token("seoul-steward"))
                .json()
                .path("status")
                .path("harvest");
    }

    private void awaitVisible(NodeUnderTest node, String user, String datasetId) throws InterruptedException {
        await(() -> Api.get(node, "/api/v1/datasets/" + datasetId, token(user)).status() == 200);
    }

    private static void awaitWithin(int seconds, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + seconds + " s");
            }
            Thread.sleep(100);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 90 s");
            }
            Thread.sleep(250);
        }
    }

    private final Map<String, String[]> tokens = new HashMap<>();

    /** A demo user's token, fetched again when older than a minute (they live five). */
    private synchronized String token(String user) {
        String[] cached = tokens.get(user);
        if (cached == null
                || System.currentTimeMillis() - Long.parseLong(cached[1])
                        > Duration.ofMinutes(1).toMillis()) {
            cached = new String[] {keycloak.userToken(user), Long.toString(System.currentTimeMillis())};
            tokens.put(user, cached);
        }
        return cached[0];
    }

    private static String mirror(String originNode, String originId) {
        return originNode + "." + originId;
    }

    private static Set<String> ids(JsonNode items) {
        Set<String> ids = new TreeSet<>();
        items.forEach(i -> ids.add(i.path("id").asText()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static Map<String, String> outcomes(JsonNode federated) {
        Map<String, String> out = new HashMap<>();
        federated
                .path("peers")
                .forEach(p -> out.put(p.path("peer").asText(), p.path("outcome").asText()));
        return out;
    }

    private static Set<String> facetValues(JsonNode page, String facet) {
        Set<String> values = new TreeSet<>();
        page.path("facets").path(facet).forEach(v -> values.add(v.path("value").asText()));
        return values;
    }
}
