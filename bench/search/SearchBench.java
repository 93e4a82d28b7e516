import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.twincatalog.access.AccessLevel;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.access.Caller;
import org.twincatalog.access.OrgKind;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Distribution;
import org.twincatalog.api.v1.model.MaturityStage;
import org.twincatalog.api.v1.model.Spatial;
import org.twincatalog.api.v1.model.Temporal;
import org.twincatalog.api.v1.model.TwinProfile;
import org.twincatalog.catalog.search.Facet;
import org.twincatalog.catalog.search.IndexedDataset;
import org.twincatalog.catalog.search.SearchQuery;
import org.twincatalog.catalog.search.SearchResult;
import org.twincatalog.catalog.search.lucene.LuceneDatasetIndex;

/**
 * Builds a synthetic national catalog in an on-disk Lucene index and measures index build rate
 * and server-side search latency (keyword + 2 facets + bbox, as a ministry analyst who sees
 * public and government records). Run with bench/search/run.sh.
 */
public class SearchBench {
    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        // TC_BENCH_INDEX keeps the index in that folder and reuses it when it already holds the
        // records (to profile searches without rebuilding); otherwise a temporary folder is used.
        String kept = System.getenv("TC_BENCH_INDEX");
        Path dir = kept == null ? Files.createTempDirectory("tc-search-bench") : Files.createDirectories(Path.of(kept));
        Catalogs catalogs = new Catalogs(new Random(7));
        System.out.printf("cities: %d Korean local governments, %d Japanese cities; %d records%n",
                catalogs.korean.size(), catalogs.japanese.size(), records);

        long start = System.nanoTime();
        try (LuceneDatasetIndex index = LuceneDatasetIndex.open(dir)) {
            List<IndexedDataset> batch = new ArrayList<>(10_000);
            boolean reuse = index.appliedSequence() == records;
            for (int i = 1; i <= records; i++) {
                IndexedDataset record = catalogs.record(i);
                if (reuse) {
                    continue; // same generator state for the queries, nothing to index
                }
                batch.add(record);
                if (batch.size() == 10_000 || i == records) {
                    index.apply(batch, List.of(), i);
                    batch.clear();
                }
            }
            double buildSeconds = (System.nanoTime() - start) / 1e9;
            if (reuse) {
                System.out.printf("index reused from %s, %d MB on disk%n", dir, size(dir) / (1024 * 1024));
            } else {
                System.out.printf("index build: %d records in %.1f s = %.0f records/s, %d MB on disk%n",
                        records, buildSeconds, records / buildSeconds, size(dir) / (1024 * 1024));
                // what the node's projector does after a bulk load (SearchProjector.COMPACT_AFTER)
                long compacting = System.nanoTime();
                index.compact();
                System.out.printf("compacted into one segment in %.1f s (build and compaction: %.0f records/s)%n",
                        (System.nanoTime() - compacting) / 1e9, records / ((System.nanoTime() - start) / 1e9));
            }

            Caller analyst = Caller.user("analyst", "molit", OrgKind.MINISTRY, Set.of(Caller.ANALYST));
            Random random = new Random(11);
            List<SearchQuery> workload = new ArrayList<>();
            for (int i = 0; i < queries; i++) {
                workload.add(catalogs.query(random));
            }
            for (SearchQuery q : workload.subList(0, Math.min(1000, workload.size()))) {
                index.search(q, analyst, Set.of());
            }
            long[] latencies = new long[workload.size()];
            long[] cpu = new long[workload.size()];
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long hits = 0;
            for (int i = 0; i < workload.size(); i++) {
                long c = threads.getCurrentThreadCpuTime();
                long t = System.nanoTime();
                SearchResult r = index.search(workload.get(i), analyst, Set.of());
                latencies[i] = System.nanoTime() - t;
                cpu[i] = threads.getCurrentThreadCpuTime() - c;
                hits += r.total();
            }
            Arrays.sort(latencies);
            // CPU time of the searching thread: what a search costs whatever else runs on the machine.
            System.out.printf("search CPU time: mean %.2f ms, p50 %.2f ms, p95 %.2f ms%n",
                    Arrays.stream(cpu).average().orElse(0) / 1e6,
                    Arrays.stream(cpu).sorted().toArray()[cpu.length / 2] / 1e6,
                    Arrays.stream(cpu).sorted().toArray()[cpu.length * 95 / 100] / 1e6);
            System.out.printf("search (keyword + 2 facets + bbox, 20 hits, 10 facets counted): %d queries, mean %.0f hits; "
                            + "p50 %.2f ms, p95 %.2f ms, p99 %.2f ms%n",
                    latencies.length, hits / (double) latencies.length,
                    latencies[latencies.length / 2] / 1e6, latencies[latencies.length * 95 / 100] / 1e6,
                    latencies[latencies.length * 99 / 100] / 1e6);

            System.out.printf("throughput, 2 threads in process: %.0f searches/s%n", throughput(index, analyst, workload));

            // Portal traffic repeats itself (popular words, facet clicks, first pages): the same
            // searches drawn with Zipf frequencies (s = 1) instead of each once, on the same reader.
            List<SearchQuery> repeated = zipf(workload, workload.size());
            System.out.printf("throughput with repeats (Zipf s=1 over the %d searches, %d distinct), 2 threads: %.0f searches/s%n",
                    workload.size(), repeated.stream().distinct().count(), throughput(index, analyst, repeated));
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.printf("heap after GC: %d MB used of %d MB max%n",
                    (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024), rt.maxMemory() / (1024 * 1024));
        } finally {
            if (kept == null) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /**
     * {@code count} draws from {@code items} with Zipf frequencies (s = 1: the i-th item 1/i as
     * often as the first), seeded, so every run draws the same sequence.
     */
    static <T> List<T> zipf(List<T> items, int count) {
        double[] cumulative = new double[items.size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        Random random = new Random(13);
        List<T> drawn = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int k = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            drawn.add(items.get(k < 0 ? -k - 1 : k));
        }
        return drawn;
    }

    /** Searches/s of {@code searches} run by 2 threads, each taking every other one. */
    static double throughput(LuceneDatasetIndex index, Caller caller, List<SearchQuery> searches) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long t0 = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int offset = w;
            runs.add(pool.submit(() -> {
                for (int i = offset; i < searches.size(); i += 2) {
                    index.search(searches.get(i), caller, Set.of());
                }
            }));
        }
        for (Future<?> f : runs) {
            f.get();
        }
        pool.shutdown();
        return searches.size() / ((System.nanoTime() - t0) / 1e9);
    }

    static long size(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** A place that publishes: code, names, country, centre. */
    record City(String id, String code, String country, String ko, String ja, String en, double lon, double lat) {}

    /** Generates local governments and records that look like theirs. */
    static final class Catalogs {
        static final String[] KO_SYLLABLES = {"강", "남", "서", "북", "동", "중", "성", "산", "천", "양", "안", "수", "원", "청", "주", "광", "진", "해", "영", "포", "평", "화", "고", "부", "인", "김", "용", "의", "구", "마"};
        static final String[] KO_SUFFIX = {"시", "군", "구"};
        static final String[] JA_KANJI = {"東", "西", "南", "北", "川", "山", "田", "野", "島", "浜", "松", "宮", "岡", "大", "小", "高", "沢", "津", "原", "崎", "横", "須", "賀", "沼", "静", "越", "谷", "並"};
        static final String[][] TOPICS = {
            {"건축물", "建築物", "buildings", "bldg"}, {"도로", "道路", "roads", "tran"}, {"토지이용", "土地利用", "land use", "luse"},
            {"지형", "地形", "terrain", "dem"}, {"교량", "橋梁", "bridges", "brid"}, {"침수", "浸水", "flood", "fld"},
            {"도시계획", "都市計画", "urban planning", "urf"}, {"도시시설", "都市設備", "city furniture", "frn"},
            {"식생", "植生", "vegetation", "veg"}, {"수역", "水域", "water bodies", "wtr"}};
        static final String[] DOMAINS = {"urban-planning", "transport", "disaster", "energy", "environment", "safety", "water"};
        static final String[] MEDIA = {"application/zip", "application/json", "application/geo+json", "model/gltf-binary", "application/x-protobuf"};

        final List<City> korean = new ArrayList<>();
        final List<City> japanese = new ArrayList<>();
        final Random random;

        Catalogs(Random random) {
            this.random = random;
            String[] metros = {"11", "21", "22", "23", "24", "25", "26", "29", "31", "32", "33", "34", "35", "36", "37", "38", "39"};
            for (int i = 0; i < 243; i++) {
                String prefix = metros[i % metros.length];
                String code = prefix + String.format("%03d", i < metros.length ? 0 : 100 + i);
                String name = KO_SYLLABLES[random.nextInt(KO_SYLLABLES.length)] + KO_SYLLABLES[random.nextInt(KO_SYLLABLES.length)]
                        + KO_SUFFIX[i < metros.length ? 0 : random.nextInt(3)];
                korean.add(new City("kr-" + code, code, "KR", name, null, romanize(name, i),
                        126.1 + random.nextDouble() * 3.2, 33.3 + random.nextDouble() * 4.9));
            }
            for (int i = 0; i < 180; i++) {
                String code = String.format("%02d%03d", 1 + i % 47, 100 + i);
                String name = JA_KANJI[random.nextInt(JA_KANJI.length)] + JA_KANJI[random.nextInt(JA_KANJI.length)] + (i % 5 == 0 ? "区" : "市");
                japanese.add(new City("jp-" + code, code, "JP", null, name, "City " + i,
                        129.7 + random.nextDouble() * 12.0, 31.0 + random.nextDouble() * 12.0));
            }
        }

        static String romanize(String ko, int i) {
            return "Local government " + i;
        }

        IndexedDataset record(int n) {
            boolean kr = random.nextInt(10) < 6;
            City city = kr ? korean.get(random.nextInt(korean.size())) : japanese.get(random.nextInt(japanese.size()));
            String[] topic = TOPICS[random.nextInt(TOPICS.length)];
            int year = 2018 + random.nextInt(8);
            int lod = random.nextInt(4);
            String local = kr ? city.ko() : city.ja();
            String localLang = kr ? "ko" : "ja";
            String localTopic = kr ? topic[0] : topic[1];
            Dataset d = new Dataset()
                    .id("ds-" + n)
                    .publisher(city.id())
                    .title(Map.of(localLang, local + " 3D " + localTopic + " " + year, "en", city.en() + " 3D " + topic[2] + " " + year))
                    .description(Map.of(localLang, local + " " + localTopic + " LOD" + lod + (kr ? " 모델 데이터" : " モデルデータ"),
                            "en", "LOD" + lod + " " + topic[2] + " model of " + city.en()))
                    .keywords(Map.of(localLang, List.of(localTopic), "en", List.of(topic[2])))
                    .themes(List.of(java.net.URI.create("http://publications.europa.eu/resource/authority/data-theme/REGI")))
                    .spatial(new Spatial().adminAreas(List.of(city.code())).bbox(box(city)))
                    .temporal(new Temporal().start(LocalDate.of(year, 1, 1)).end(LocalDate.of(year, 12, 31)))
                    .issued(LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28)))
                    .modified(OffsetDateTime.of(year, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMinutes(n))
                    .twin(new TwinProfile().levelsOfDetail(List.of(lod)).featureTypes(List.of(topic[3]))
                            .domain(DOMAINS[random.nextInt(DOMAINS.length)])
                            .maturityStage(MaturityStage.values()[random.nextInt(MaturityStage.values().length)]))
                    .distributions(List.of(new Distribution().id("d1").accessUrl(java.net.URI.create("https://data.example/" + n))
                            .mediaType(MEDIA[random.nextInt(MEDIA.length)]).featureType(topic[3]).levelsOfDetail(List.of(lod))));
            int access = random.nextInt(100);
            AccessSettings settings = access < 80 ? AccessSettings.open()
                    : access < 90 ? AccessSettings.of(AccessLevel.GOVERNMENT, AccessLevel.GOVERNMENT)
                    : access < 97 ? AccessSettings.of(AccessLevel.RESTRICTED, AccessLevel.RESTRICTED)
                    : AccessSettings.of(AccessLevel.PRIVATE, AccessLevel.PRIVATE);
            return new IndexedDataset(d, settings);
        }

        List<Double> box(City c) {
            double w = 0.02 + random.nextDouble() * 0.1;
            double lon = c.lon() + (random.nextDouble() - 0.5) * 0.2;
            double lat = c.lat() + (random.nextDouble() - 0.5) * 0.2;
            return List.of(lon, lat, lon + w, lat + w * 0.8);
        }

        SearchQuery query(Random r) {
            String[] topic = TOPICS[r.nextInt(TOPICS.length)];
            String text = topic[r.nextInt(3)];
            City city = r.nextBoolean() ? korean.get(r.nextInt(korean.size())) : japanese.get(r.nextInt(japanese.size()));
            List<Double> bbox = List.of(city.lon() - 1.5, city.lat() - 1.5, city.lon() + 1.5, city.lat() + 1.5);
            Map<Facet, Set<String>> filters = Map.of(
                    Facet.FEATURE_TYPE, Set.of(topic[3]),
                    Facet.LOD, Set.of(String.valueOf(1 + r.nextInt(3))));
            return new SearchQuery(text, filters, bbox, SearchQuery.BboxRelation.INTERSECTS, null, null, null, null, 20);
        }
    }
}
