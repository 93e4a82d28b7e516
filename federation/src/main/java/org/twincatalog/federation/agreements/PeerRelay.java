package org.twincatalog.federation.agreements;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.twincatalog.api.v1.client.ApiClient;
import org.twincatalog.api.v1.client.ApiException;
import org.twincatalog.api.v1.model.PeerOutcome.OutcomeEnum;
import org.twincatalog.catalog.AccessDenied;
import org.twincatalog.catalog.PeerTimedOut;
import org.twincatalog.catalog.PeerUnavailable;
import org.twincatalog.federation.broker.BrokerService;
import org.twincatalog.federation.broker.PeerAnswer;
import org.twincatalog.federation.broker.PeerCall;

/**
 * One JSON request relayed to one peer through the broker (deadline, circuit breaker, the
 * caller's identity forwarded by exchange), and the peer's answer whatever its status, its body
 * read up to a bound: the peer decides, this node passes its answer on.
 */
final class PeerRelay {
    /** The most of a peer's answer kept: an agreement or a problem is a few KB. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    /** A peer's answer: status and body (JSON, or empty). */
    record Relayed(int status, String body) {}

    private PeerRelay() {}

    /**
     * Sends {@code method} {@code path} (with {@code json} as the body when not null) to {@code
     * peerId} as the caller; throws the catalog's problems when the peer cannot be asked.
     */
    static Relayed send(BrokerService broker, String peerId, String method, String path, String json, String token) {
        PeerCall<Relayed> call = (peer, client, headers) -> exchange(client, method, path, json, headers);
        PeerAnswer<Relayed> answer =
                broker.ask(List.of(peerId), broker.deadline(null), call, token).get(0);
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

    private static Relayed exchange(
            ApiClient client, String method, String path, String json, Map<String, String> headers)
            throws ApiException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.getBaseUri() + path))
                .timeout(client.getReadTimeout())
                .header("Accept", "application/json, application/problem+json")
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<InputStream> response =
                    client.getHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
                if (body.length > MAX_BODY_BYTES) {
                    throw new ApiException(
                            502, "the peer's answer is larger than " + MAX_BODY_BYTES + " bytes", null, null);
                }
                return new Relayed(response.statusCode(), new String(body, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ApiException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(e);
        }
    }
}
