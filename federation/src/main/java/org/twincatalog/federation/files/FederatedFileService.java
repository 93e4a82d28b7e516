package org.twincatalog.federation.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.twincatalog.api.v1.client.ApiClient;
import org.twincatalog.api.v1.client.ApiException;
import org.twincatalog.api.v1.client.PackagesApi;
import org.twincatalog.api.v1.model.FederatedFile;
import org.twincatalog.api.v1.model.FederatedFilePage;
import org.twincatalog.api.v1.model.HostedFile;
import org.twincatalog.api.v1.model.HostedFilePage;
import org.twincatalog.api.v1.model.PeerCursor;
import org.twincatalog.api.v1.model.PeerOutcome.OutcomeEnum;
import org.twincatalog.catalog.AccessDenied;
import org.twincatalog.catalog.BadParameter;
import org.twincatalog.catalog.PeerTimedOut;
import org.twincatalog.catalog.PeerUnavailable;
import org.twincatalog.federation.broker.BrokerService;
import org.twincatalog.federation.broker.PeerAnswer;
import org.twincatalog.federation.broker.PeerCall;
import org.twincatalog.federation.directory.Peer;
import org.twincatalog.hosting.files.FilesConfig;
import org.twincatalog.hosting.packages.FileCriteria;

/**
 * Hosted files across peers: a lookup, a pack and single downloads, each peer asked with the
 * caller's identity forwarded (a read-only token addressed to it), so each city's own policy
 * decides what leaves it.
 */
@ApplicationScoped
public class FederatedFileService {
    /** How long a peer's body may send nothing before this node gives up on it. */
    static final Duration STALL = Duration.ofSeconds(30);

    private final BrokerService broker;
    private final FilesConfig files;
    private final ObjectMapper json;
    private final StallGuard guard = new StallGuard(STALL);

    public FederatedFileService(BrokerService broker, FilesConfig files, ObjectMapper json) {
        this.broker = broker;
        this.files = files;
        this.json = json;
    }

    /** The lookup's criteria, as {@code GET /api/v1/files} takes them. */
    public record Criteria(String mesh, String point, String bbox, String city, String featureType, Integer minLod) {

        /** The 400 this node (and every peer) gives for invalid or empty criteria. */
        void check() {
            FileCriteria.check(mesh, point, bbox, city, featureType, minLod);
        }

        Map<String, String> query() {
            Map<String, String> q = new java.util.LinkedHashMap<>();
            q.put("mesh", mesh);
            q.put("point", point);
            q.put("bbox", bbox);
            q.put("city", city);
            q.put("featureType", featureType);
            q.put("minLod", minLod == null ? null : minLod.toString());
            return q;
        }
    }

    /** Every chosen peer's files matching {@code criteria}, at most {@code limit} each. */
    public FederatedFilePage find(
            List<String> peerIds,
            Integer deadlineMs,
            Criteria criteria,
            String cursor,
            int limit,
            String callerToken,
            String selfBaseUrl) {
        long started = System.nanoTime();
        criteria.check();
        if (cursor != null && (peerIds == null || peerIds.size() != 1)) {
            throw BadParameter.query("cursor", "a cursor is one peer's: give exactly one peer with it");
        }
        Duration deadline = broker.deadline(deadlineMs);
        PeerCall<HostedFilePage> lookup = new PeerCall<>() {
            @Override
            public HostedFilePage call(Peer peer, ApiClient client, Map<String, String> headers) throws ApiException {
                return new PackagesApi(client)
                        .findFiles(
                                criteria.mesh(),
                                criteria.point(),
                                criteria.bbox(),
                                criteria.city(),
                                criteria.featureType(),
                                criteria.minLod(),
                                null,
                                cursor,
                                limit,
                                headers);
            }

            @Override
            public Long total(HostedFilePage page) {
                return (long) page.getItems().size();
            }
        };
        List<PeerAnswer<HostedFilePage>> answers = broker.ask(peerIds, deadline, lookup, callerToken);
        List<FederatedFile> items = new ArrayList<>();
        List<PeerCursor> more = new ArrayList<>();
        long bytes = 0;
        for (PeerAnswer<HostedFilePage> a : answers) {
            if (!a.ok()) {
                continue;
            }
            String peer = a.outcome().getPeer();
            for (HostedFile f : a.page().getItems()) {
                items.add(new FederatedFile()
                        .peer(peer)
                        ._file(f)
                        .federatedDownloadUrl(java.net.URI.create(
                                selfBaseUrl + "api/v1/federation/files/" + peer + "/" + f.getId())));
                bytes += f.getByteSize() == null ? 0 : f.getByteSize();
            }
            if (a.page().getNext() != null) {
                more.add(new PeerCursor().peer(peer).cursor(a.page().getNext()));
            }
        }
        return new FederatedFilePage()
                .items(items)
                .totalBytes(bytes)
                .more(more)
                .peers(answers.stream().map(PeerAnswer::outcome).toList())
                .deadlineMs(deadline.toMillis())
                .tookMs((System.nanoTime() - started) / 1_000_000);
    }

    /** The peers' packs, started by the deadline; the writer copies them into one zip. */
    public Pack pack(List<String> peerIds, Integer deadlineMs, Criteria criteria, boolean stored, String callerToken) {
        criteria.check();
        Map<String, String> query = criteria.query();
        query.put("compression", "stored"); // sizes and CRCs up front: entries copy straight across
        PeerCall<HttpResponse<InputStream>> start = (peer, client, headers) -> {
            HttpResponse<InputStream> r = PeerHttp.get(client, "/api/v1/files/pack", query, headers);
            if (r.statusCode() != 200) {
                throw PeerHttp.failure(r);
            }
            return r;
        };
        List<PeerAnswer<HttpResponse<InputStream>>> answers =
                broker.ask(peerIds, broker.deadline(deadlineMs), start, callerToken);
        FederatedPackWriter writer = new FederatedPackWriter(
                stored,
                files.pack().deflateLevel(),
                files.bufferBytes(),
                files.pack().maxFiles(),
                json);
        return new Pack(answers, writer, guard);
    }

    /** The started packs and the writer that joins them. */
    public record Pack(
            List<PeerAnswer<HttpResponse<InputStream>>> answers, FederatedPackWriter writer, StallGuard guard) {
        /** Writes the joined zip to {@code out}, closing every peer's body. */
        public void writeTo(java.io.OutputStream out) throws java.io.IOException {
            writer.write(answers, guard, out);
        }
    }

    /** Headers of a peer's file answer passed on to the caller. */
    static final List<String> PASSED_HEADERS = List.of(
            "Content-Type",
            "Content-Length",
            "Content-Range",
            "Content-Disposition",
            "Accept-Ranges",
            "ETag",
            "Last-Modified",
            "Repr-Digest",
            "Digest");

    /**
     * A peer's answer to {@code GET /api/v1/files/{fileId}} for the caller, whatever its status
     * (the peer's policy decides); 403 when the caller cannot be forwarded to it, 502 when it does
     * not answer, 504 when it does not start answering by the deadline.
     */
    public HttpResponse<InputStream> download(
            String peerId,
            long fileId,
            String range,
            String ifRange,
            String ifNoneMatch,
            Integer deadlineMs,
            String callerToken) {
        Map<String, String> passed = new HashMap<>();
        putIf(passed, "Range", range);
        putIf(passed, "If-Range", ifRange);
        putIf(passed, "If-None-Match", ifNoneMatch);
        PeerCall<HttpResponse<InputStream>> get = (peer, client, headers) -> {
            Map<String, String> all = new HashMap<>(passed);
            all.putAll(headers);
            return PeerHttp.get(client, "/api/v1/files/" + fileId, Map.of(), all);
        };
        PeerAnswer<HttpResponse<InputStream>> answer = broker.ask(
                        List.of(peerId), broker.deadline(deadlineMs), get, callerToken)
                .get(0);
        if (answer.ok()) {
            return answer.page();
        }
        String why = "peer " + peerId + ": " + answer.outcome().getDetail();
        OutcomeEnum outcome = answer.outcome().getOutcome();
        if (outcome == OutcomeEnum.DENIED) {
            throw new AccessDenied("You cannot be forwarded to " + why, "forwarding-refused", null, null);
        }
        if (outcome == OutcomeEnum.TIMEOUT) {
            throw new PeerTimedOut(why);
        }
        throw new PeerUnavailable(why);
    }

    private static void putIf(Map<String, String> headers, String name, String value) {
        if (value != null && !value.isBlank()) {
            headers.put(name, value);
        }
    }

    /** {@code body} of a peer, closed when the peer stalls (so a copy of it fails, not hangs). */
    public InputStream guarded(InputStream body) {
        return guard.guard(body);
    }

    void onStop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        guard.close();
    }
}
