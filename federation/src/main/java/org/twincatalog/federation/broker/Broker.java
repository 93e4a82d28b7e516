package org.twincatalog.federation.broker;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.twincatalog.api.v1.client.ApiClient;
import org.twincatalog.api.v1.client.ApiException;
import org.twincatalog.api.v1.client.SearchApi;
import org.twincatalog.api.v1.model.PeerOutcome;
import org.twincatalog.api.v1.model.PeerOutcome.OutcomeEnum;
import org.twincatalog.api.v1.model.SearchPage;
import org.twincatalog.federation.directory.Peer;
import org.twincatalog.federation.directory.PeerClients;
import org.twincatalog.federation.directory.PeerHealth;

/**
 * Fans one search out to peers concurrently through the generated client, each call bounded by
 * the deadline and guarded by the peer's circuit breaker, and answers every peer's outcome by the
 * deadline: an answer never waits for a slow peer past it. Plain Java, so that it can be
 * measured without the application ({@code bench/federation}).
 */
public class Broker {
    private final PeerClients clients;
    private final IdentityForwarding identity;
    private final Function<String, CircuitBreaker> breakers;
    private final PeerHealth health;
    private final ExecutorService pool;

    public Broker(
            PeerClients clients,
            IdentityForwarding identity,
            Function<String, CircuitBreaker> breakers,
            PeerHealth health,
            ExecutorService pool) {
        this.clients = clients;
        this.identity = identity;
        this.breakers = breakers;
        this.health = health;
        this.pool = pool;
    }

    /** Every peer's search answer, in the order of {@code peers}, within {@code deadline}. */
    public List<PeerAnswer<SearchPage>> ask(List<Peer> peers, PeerQuery query, String callerToken, Duration deadline) {
        return ask(peers, search(query), callerToken, deadline);
    }

    /**
     * Every peer's answer to {@code call}, in the order of {@code peers}, within {@code deadline}.
     * A call that has not answered by then is cancelled (interrupted).
     */
    public <T> List<PeerAnswer<T>> ask(List<Peer> peers, PeerCall<T> call, String callerToken, Duration deadline) {
        long started = System.nanoTime();
        long deadlineAt = started + deadline.toNanos();
        Map<Peer, Future<PeerAnswer<T>>> calls = new LinkedHashMap<>();
        Map<Peer, PeerAnswer<T>> skipped = new HashMap<>();
        for (Peer peer : peers) {
            CircuitBreaker breaker = breakers.apply(peer.id());
            if (breaker.tryAcquire()) {
                calls.put(peer, pool.submit(() -> call(peer, call, callerToken, deadline, started)));
            } else {
                skipped.put(
                        peer,
                        answer(peer, OutcomeEnum.SKIPPED, null, "circuit open after repeated failures", started, null));
            }
        }
        List<PeerAnswer<T>> answers = new ArrayList<>(peers.size());
        for (Peer peer : peers) {
            Future<PeerAnswer<T>> pending = calls.get(peer);
            answers.add(pending == null ? skipped.get(peer) : await(peer, pending, deadlineAt, deadline, started));
        }
        return answers;
    }

    private <T> PeerAnswer<T> await(
            Peer peer, Future<PeerAnswer<T>> call, long deadlineAt, Duration deadline, long started) {
        CircuitBreaker breaker = breakers.apply(peer.id());
        try {
            PeerAnswer<T> answer = call.get(Math.max(0, deadlineAt - System.nanoTime()), TimeUnit.NANOSECONDS);
            switch (answer.outcome().getOutcome()) {
                case OK -> breaker.onSuccess();
                case DENIED -> breaker.onNeutral();
                default -> breaker.onFailure();
            }
            return answer;
        } catch (TimeoutException | CancellationException e) {
            call.cancel(true);
            breaker.onFailure();
            health.record(peer.id(), false);
            return answer(
                    peer,
                    OutcomeEnum.TIMEOUT,
                    null,
                    "no answer within the deadline of " + deadline.toMillis() + " ms",
                    started,
                    null);
        } catch (ExecutionException e) {
            breaker.onFailure();
            return answer(peer, OutcomeEnum.ERROR, null, String.valueOf(e.getCause()), started, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            return answer(peer, OutcomeEnum.ERROR, null, "interrupted", started, null);
        }
    }

    private <T> PeerAnswer<T> call(Peer peer, PeerCall<T> call, String callerToken, Duration deadline, long started) {
        Map<String, String> headers = new HashMap<>();
        try {
            String token = identity.tokenFor(peer, callerToken);
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
        } catch (IdentityForwarding.Refused e) {
            return answer(peer, OutcomeEnum.DENIED, null, e.getMessage(), started, null);
        } catch (RuntimeException e) {
            return answer(peer, OutcomeEnum.ERROR, null, "token exchange failed: " + e.getMessage(), started, null);
        }
        Duration left = deadline.minusNanos(System.nanoTime() - started);
        if (left.isNegative() || left.isZero()) {
            return answer(
                    peer, OutcomeEnum.TIMEOUT, null, "the deadline passed before the peer was called", started, null);
        }
        try {
            T value = call.call(peer, clients.client(peer, left), headers);
            health.record(peer.id(), true);
            PeerAnswer<T> answer = answer(peer, OutcomeEnum.OK, 200, null, started, value);
            answer.outcome().total(call.total(value));
            return answer;
        } catch (ApiException e) {
            return failed(peer, e, started);
        }
    }

    /** The search of {@code q} at a peer. */
    static PeerCall<SearchPage> search(PeerQuery q) {
        return new PeerCall<>() {
            @Override
            public SearchPage call(Peer peer, ApiClient client, Map<String, String> headers) throws ApiException {
                return new SearchApi(client)
                        .searchDatasets(
                                q.q(),
                                q.publisher(),
                                q.adminArea(),
                                null,
                                null,
                                null,
                                null,
                                q.lod(),
                                q.featureType(),
                                q.access(),
                                q.year(),
                                q.bbox(),
                                null,
                                q.datetime(),
                                null,
                                null,
                                q.limit(),
                                null,
                                q.excludedOriginsFor(peer.id()),
                                headers);
            }

            @Override
            public Long total(SearchPage page) {
                return page.getTotal();
            }
        };
    }

    private <T> PeerAnswer<T> failed(Peer peer, ApiException e, long started) {
        int code = e.getCode();
        health.record(peer.id(), code != 0);
        if (code == 401 || code == 403) {
            return answer(
                    peer,
                    OutcomeEnum.DENIED,
                    code,
                    "the peer refused the caller: " + brief(e.getResponseBody()),
                    started,
                    null);
        }
        if (code == 0) {
            boolean timeout = e.getCause() instanceof HttpTimeoutException;
            String why = e.getCause() == null
                    ? e.getMessage()
                    : e.getCause().getClass().getSimpleName()
                            + (e.getCause().getMessage() == null
                                    ? ""
                                    : ": " + e.getCause().getMessage());
            return answer(
                    peer,
                    timeout ? OutcomeEnum.TIMEOUT : OutcomeEnum.ERROR,
                    null,
                    timeout ? "no answer within the deadline" : "the peer did not answer: " + why,
                    started,
                    null);
        }
        return answer(peer, OutcomeEnum.ERROR, code, "the peer failed: " + brief(e.getResponseBody()), started, null);
    }

    private static <T> PeerAnswer<T> answer(
            Peer peer, OutcomeEnum outcome, Integer status, String detail, long started, T value) {
        PeerOutcome o = new PeerOutcome()
                .peer(peer.id())
                .outcome(outcome)
                .status(status)
                .detail(detail)
                .tookMs((System.nanoTime() - started) / 1_000_000);
        return new PeerAnswer<>(o, value);
    }

    private static String brief(String body) {
        if (body == null || body.isBlank()) {
            return "no body";
        }
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
