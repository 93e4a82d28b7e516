package org.twincatalog.federation.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.api.v1.model.FacetValue;
import org.twincatalog.api.v1.model.SearchPage;
import org.twincatalog.federation.directory.Peer;
import org.twincatalog.federation.directory.PeerClients;
import org.twincatalog.federation.directory.PeerHealth;

/**
 * Aggregates across tiers: a metro node that harvested its city holds mirrors of the city's
 * records. With each peer leaving out the records of the other peers asked, every record is
 * counted once, for its origin; the peers here answer from their records like a real search.
 */
class AggregateCountingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A dataset a peer holds: where it was registered and its level of detail. */
    private record Held(String origin, String lod) {}

    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final Map<String, List<String>> excludedSeen = new TreeMap<>();

    @BeforeEach
    void noServers() {
        servers.clear();
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
        pool.shutdownNow();
    }

    @Test
    void aMetroHoldingItsCitysMirrors_andTheCity_countEachRecordOnce_forItsOrigin() throws IOException {
        Peer metro = peer("metro-seoul", List.of(new Held("metro-seoul", "1"), mirrorOfMapo(), mirrorOfMapo()));
        Peer mapo = peer("city-mapo", List.of(new Held("city-mapo", "2"), new Held("city-mapo", "2")));
        List<Peer> peers = List.of(metro, mapo);

        PeerQuery query = new PeerQuery(null, null, null, null, null, null, null, null, null, 1)
                .excludingOrigins(Set.of("metro-seoul", "city-mapo"));
        List<PeerAnswer<SearchPage>> answers = broker().ask(peers, query, null, Duration.ofSeconds(5));

        assertThat(answers).allSatisfy(a -> assertThat(a.ok()).isTrue());
        assertThat(excludedSeen).containsEntry("metro-seoul", List.of("city-mapo"));
        assertThat(excludedSeen).containsEntry("city-mapo", List.of("metro-seoul"));
        assertThat(answers.get(0).page().getTotal())
                .as("the metro's own record only")
                .isEqualTo(1);
        assertThat(answers.get(1).page().getTotal()).as("the city's two").isEqualTo(2);
        assertThat(ResultMerger.total(answers)).isEqualTo(3);
        assertThat(counts(ResultMerger.facets(answers, Set.of("lod")).get("lod")))
                .containsExactly(Map.entry("1", 1L), Map.entry("2", 2L));
    }

    @Test
    void aCityNotAsked_isCountedThroughTheMirrorsItsMetroHolds() throws IOException {
        Peer metro = peer("metro-seoul", List.of(new Held("metro-seoul", "1"), mirrorOfMapo()));
        PeerQuery query = new PeerQuery(null, null, null, null, null, null, null, null, null, 1)
                .excludingOrigins(Set.of("metro-seoul"));

        List<PeerAnswer<SearchPage>> answers = broker().ask(List.of(metro), query, null, Duration.ofSeconds(5));

        assertThat(excludedSeen).containsEntry("metro-seoul", List.of());
        assertThat(ResultMerger.total(answers)).isEqualTo(2);
    }

    @Test
    void aSearch_excludesNothing() {
        PeerQuery search = new PeerQuery("bldg", null, null, null, null, null, null, null, null, 20);
        assertThat(search.excludedOriginsFor("city-mapo")).isNull();
        assertThat(search.excludingOrigins(Set.of("a", "c", "b")).excludedOriginsFor("b"))
                .containsExactly("a", "c");
    }

    private static Held mirrorOfMapo() {
        return new Held("city-mapo", "2");
    }

    private Broker broker() {
        return new Broker(
                new PeerClients(),
                (peer, token) -> null,
                id -> new CircuitBreaker(3, Duration.ofSeconds(10), Clock.systemUTC()),
                new PeerHealth(),
                pool);
    }

    /** A peer that answers {@code GET /api/v1/search} from {@code held}, honouring excludeOrigin. */
    private Peer peer(String id, List<Held> held) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/api/v1/search", ex -> {
            List<String> excluded = params(ex.getRequestURI().getRawQuery(), "excludeOrigin");
            synchronized (excludedSeen) {
                excludedSeen.put(id, excluded);
            }
            Set<String> out = new HashSet<>(excluded);
            List<Held> matched =
                    held.stream().filter(h -> !out.contains(h.origin())).toList();
            Map<String, Long> lods = new TreeMap<>();
            matched.forEach(h -> lods.merge(h.lod(), 1L, Long::sum));
            List<Map<String, Object>> lod = new ArrayList<>();
            lods.forEach((value, count) -> lod.add(Map.of("value", value, "count", count)));
            byte[] body = JSON.writeValueAsBytes(
                    Map.of("items", List.of(), "total", matched.size(), "facets", Map.of("lod", lod)));
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        servers.add(server);
        return new Peer(
                id,
                Map.of(),
                "city",
                "http://127.0.0.1:" + server.getAddress().getPort(),
                List.of(),
                null,
                false,
                Peer.FROM_API);
    }

    private static List<String> params(String query, String name) {
        List<String> values = new ArrayList<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2 && kv[0].equals(name)) {
                    values.add(URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static Map<String, Long> counts(List<FacetValue> values) {
        Map<String, Long> counts = new TreeMap<>();
        values.forEach(v -> counts.put(v.getValue(), v.getCount()));
        return counts;
    }
}
