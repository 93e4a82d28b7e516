import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.twincatalog.access.AccessControl;
import org.twincatalog.access.AccessLevel;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.access.Action;
import org.twincatalog.access.Caller;
import org.twincatalog.access.OrgKind;
import org.twincatalog.access.PolicyDecisionPoint;
import org.twincatalog.access.ProtectedDataset;
import org.twincatalog.access.agreement.AccessRequest;
import org.twincatalog.access.agreement.AgreementGrants;
import org.twincatalog.access.agreement.AgreementService;
import org.twincatalog.access.agreement.DatasetRef;
import org.twincatalog.access.agreement.InMemoryAgreementStore;
import org.twincatalog.access.agreement.Period;
import org.twincatalog.access.audit.AuditLog;
import org.twincatalog.access.audit.InMemoryAuditStore;
import org.twincatalog.access.policy.DefaultPolicyDecisionPoint;

/**
 * The cost of the policy check per request. In process: a decision alone (open record; restricted
 * record decided through the grants of 200 agreements of the caller's organization), and a
 * decision plus its audit entry (canonical JSON + SHA-256 chain, in-memory store). Over HTTP,
 * when a node URL, a public dataset id and an organization id are given: the latency of GET dataset
 * (two audited decisions, the audit appends in the database) against GET organization (a record
 * read without a policy check) and GET /q/health/live on the same node.
 * Run with bench/policy/run.sh.
 */
public class PolicyBench {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args.length > 0 ? args[0] : "200000");
        Clock clock = Clock.systemUTC();
        InMemoryAgreementStore agreements = new InMemoryAgreementStore();
        PolicyDecisionPoint pdp = new DefaultPolicyDecisionPoint(new AgreementGrants(agreements), clock);
        AuditLog audit = new AuditLog(new InMemoryAuditStore(), clock);
        AccessControl control = new AccessControl(pdp, audit);
        AgreementService service = new AgreementService(agreements, pdp, audit, clock);

        Caller mapo = Caller.user("u-mapo", "seoul-mapo", OrgKind.DISTRICT, Set.of(Caller.PUBLISHER));
        Caller steward = Caller.user("u-st", "seoul-gangnam", OrgKind.DISTRICT, Set.of(Caller.STEWARD));
        Period year = new Period(Instant.now().minus(1, ChronoUnit.DAYS), Instant.now().plus(365, ChronoUnit.DAYS));
        for (int i = 0; i < 200; i++) {
            var a = service.request(mapo, new AccessRequest(
                    List.of(new DatasetRef("ds-" + i, "seoul-gangnam")), "flood simulation", "art. 20", year));
            service.approve(steward, a.id(), "seoul-gangnam", null);
        }
        ProtectedDataset open = ProtectedDataset.published("ds-open", "seoul-gangnam", AccessSettings.open());
        ProtectedDataset restricted = ProtectedDataset.published(
                "ds-199", "seoul-gangnam", AccessSettings.of(AccessLevel.PUBLIC, AccessLevel.RESTRICTED));
        Caller anonymous = Caller.anonymous();

        report("decide see-metadata, public record, anonymous", n, () -> pdp.decide(anonymous, Action.SEE_METADATA, open));
        report("decide access-data, restricted, grant among 200 agreements", n / 10,
                () -> pdp.decide(mapo, Action.ACCESS_DATA, restricted));
        report("check = decide + audit entry (hash chain, in memory)", n,
                () -> control.check(anonymous, Action.SEE_METADATA, open, null));
        System.out.printf("audit chain verified: %s%n", audit.verify().intact());

        if (args.length >= 4) {
            int requests = Integer.parseInt(args.length > 4 ? args[4] : "2000");
            http(args[1], args[2], args[3], requests);
            for (int i = 5; i < args.length; i++) {
                concurrent(args[1], args[2], requests, Integer.parseInt(args[i]));
            }
        }
    }

    static void report(String what, int n, Supplier<?> op) {
        for (int i = 0; i < n / 4; i++) {
            op.get();
        }
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            op.get();
        }
        double nsPerOp = (System.nanoTime() - start) / (double) n;
        System.out.printf("%-62s %9.0f ns/op  (%,d ops)%n", what, nsPerOp, n);
    }

    static void http(String base, String datasetId, String organizationId, int n) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        print("GET /q/health/live (no record, no policy)", latencies(client, URI.create(base + "/q/health/live"), n));
        print("GET /api/v1/organizations/{id} (record, no policy)",
                latencies(client, URI.create(base + "/api/v1/organizations/" + organizationId), n));
        print("GET /api/v1/datasets/{id} (record, 2 audited decisions)",
                latencies(client, URI.create(base + "/api/v1/datasets/" + datasetId), n));
    }

    /**
     * GET dataset from {@code clients} threads at once, {@code n} requests each: what the audit
     * appends of concurrent requests cost together (they are group-committed).
     */
    static void concurrent(String base, String datasetId, int n, int clients) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create(base + "/api/v1/datasets/" + datasetId);
        latencies(client, uri, n / 5);
        List<double[]> results = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try {
                    results.add(latencies(client, uri, n));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] ms = results.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        if (ms.length != (long) n * clients) {
            throw new IllegalStateException("a client failed: " + ms.length + " of " + (long) n * clients);
        }
        System.out.printf("HTTP GET /api/v1/datasets/{id} from %2d clients: %7.0f requests/s  p50 %.2f ms  p90 %.2f ms"
                        + "  p99 %.2f ms  (%d requests)%n",
                clients, ms.length / seconds, ms[ms.length / 2], ms[ms.length * 9 / 10], ms[ms.length * 99 / 100],
                ms.length);
    }

    static void print(String what, double[] ms) {
        System.out.printf("HTTP %-56s p50 %.2f ms  p90 %.2f ms  mean %.2f ms  (%d requests)%n",
                what, ms[ms.length / 2], ms[ms.length * 9 / 10], Arrays.stream(ms).average().orElse(0), ms.length);
    }

    static double[] latencies(HttpClient client, URI uri, int n) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).build();
        for (int i = 0; i < n / 5; i++) {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(uri + " answered " + r.statusCode());
            }
            ms.add((System.nanoTime() - t) / 1e6);
        }
        return ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
