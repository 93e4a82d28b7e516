import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the rate of POST /api/v1/datasets against a running node over loopback.
 *
 * <pre>TC_TOKEN=... TC_BENCH_ORG=seoul-mapo java bench/write-rate/PostDatasets.java [baseUrl] [requests] [concurrency]</pre>
 *
 * Registers the organization (or finds it registered), warms up with 200 requests, then sends
 * the given number of dataset registrations from the given number of concurrent clients and
 * prints the rate and latency percentiles. Writes need a publisher of the organization: pass
 * its bearer token in TC_TOKEN (see bench/write-rate/run.sh). Every registration must answer
 * 201, or the run fails.
 */
public class PostDatasets {
    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        HttpClient http = HttpClient.newHttpClient();
        String org = System.getenv().getOrDefault("TC_BENCH_ORG", "bench-" + Long.toHexString(System.nanoTime()));
        send(http, base + "/api/v1/organizations", 409, """
                {"id":"%s","kind":"municipality","country":"KR","areaCode":"11440",
                 "name":{"ko":"벤치마크 구","en":"Benchmark ward"}}""".formatted(org));
        String dataset = """
                {"publisher":"%s",
                 "title":{"ko":"마포구 3D 건축물 모델","en":"Mapo-gu 3D building models","ja":"麻浦区 3D建築物モデル"},
                 "description":{"ko":"마포구 건축물 LOD1/LOD2 CityGML 2.0.","en":"LOD1/LOD2 CityGML 2.0 building models of Mapo-gu."},
                 "keywords":{"ko":["건축물"],"en":["building","CityGML"]},
                 "themes":["http://publications.europa.eu/resource/authority/data-theme/REGI"],
                 "spatial":{"adminAreas":["11440"],"bbox":[126.88,37.535,126.965,37.59]}, "accessRights":"public",
                 "license":"http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
                 "twin":{"levelsOfDetail":[1,2],"featureTypes":["bldg"],"sourceCrs":"EPSG:5186","maturityStage":"mirroring"},
                 "distributions":[{"accessUrl":"https://data.mapo.example.kr/3d/bldg/","mediaType":"application/zip","featureType":"bldg","levelsOfDetail":[1,2]}]}"""
                .formatted(org);
        run(http, base, dataset, 200, concurrency);
        long start = System.nanoTime();
        List<Long> latencies = run(http, base, dataset, requests, concurrency);
        double seconds = (System.nanoTime() - start) / 1e9;
        Collections.sort(latencies);
        System.out.printf("POST /api/v1/datasets: %d requests, %d concurrent, %.1f s, %.0f req/s, "
                        + "latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                requests, concurrency, seconds, requests / seconds,
                pct(latencies, 50), pct(latencies, 95), pct(latencies, 99));
    }

    static List<Long> run(HttpClient http, String base, String body, int requests, int concurrency) throws Exception {
        AtomicInteger left = new AtomicInteger(requests);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<?>> workers = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            workers.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    long t = System.nanoTime();
                    send(http, base + "/api/v1/datasets", 201, body);
                    latencies.add(System.nanoTime() - t);
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get();
        }
        pool.shutdown();
        return latencies;
    }

    static void send(HttpClient http, String url, int alsoFine, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        String token = System.getenv("TC_TOKEN");
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201 && r.statusCode() != alsoFine) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }
}
