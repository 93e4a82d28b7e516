package org.twincatalog.federation.agreements;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.twincatalog.api.v1.FederatedAgreementsApi;
import org.twincatalog.api.v1.client.AccessApi;
import org.twincatalog.api.v1.model.Agreement;
import org.twincatalog.api.v1.model.AgreementList;
import org.twincatalog.api.v1.model.FederatedAgreementList;
import org.twincatalog.api.v1.model.PeerAgreement;
import org.twincatalog.catalog.CallerContext;
import org.twincatalog.catalog.CallerToken;
import org.twincatalog.catalog.NotAuthenticated;
import org.twincatalog.federation.broker.BrokerResource;
import org.twincatalog.federation.broker.BrokerService;
import org.twincatalog.federation.broker.PeerAnswer;
import org.twincatalog.federation.broker.PeerCall;

/**
 * {@code /api/v1/federation/agreements}: the agreements a requester made at this node for other
 * nodes' datasets (forwarded by {@link AccessRequestForwarder}), read where they are decided, as
 * the caller.
 */
@jakarta.ws.rs.Path("")
public class FederatedAgreementsResource implements FederatedAgreementsApi {
    private final BrokerService broker;
    private final CallerContext callers;
    private final AccessRequestForwarder forwarder;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    public FederatedAgreementsResource(BrokerService broker, CallerContext callers, AccessRequestForwarder forwarder) {
        this.broker = broker;
        this.callers = callers;
        this.forwarder = forwarder;
    }

    @Override
    public Response listFederatedAgreements(List<String> peer, Integer deadlineMs) {
        BrokerResource.checkDeadline(deadlineMs);
        String token = signedInToken();
        long started = System.nanoTime();
        Duration deadline = broker.deadline(deadlineMs);
        PeerCall<AgreementList> list = new PeerCall<>() {
            @Override
            public AgreementList call(
                    org.twincatalog.federation.directory.Peer p,
                    org.twincatalog.api.v1.client.ApiClient client,
                    java.util.Map<String, String> forwarded)
                    throws org.twincatalog.api.v1.client.ApiException {
                return new AccessApi(client).listAgreements(forwarded);
            }

            @Override
            public Long total(AgreementList answer) {
                return (long) answer.getItems().size();
            }
        };
        List<PeerAnswer<AgreementList>> answers = broker.ask(peer, deadline, list, token);
        List<PeerAgreement> items = new ArrayList<>();
        for (PeerAnswer<AgreementList> a : answers) {
            if (!a.ok()) {
                continue;
            }
            String p = a.outcome().getPeer();
            for (Agreement agreement : a.page().getItems()) {
                if (agreement.getId() == null) {
                    continue; // nothing to follow
                }
                items.add(new PeerAgreement()
                        .peer(p)
                        .agreement(agreement)
                        .href(uriInfo.getBaseUri()
                                .resolve("api/v1/federation/agreements/" + enc(p) + "/" + enc(agreement.getId()))));
            }
        }
        return Response.ok(new FederatedAgreementList()
                        .items(items)
                        .peers(answers.stream().map(PeerAnswer::outcome).toList())
                        .deadlineMs(deadline.toMillis())
                        .tookMs((System.nanoTime() - started) / 1_000_000))
                .build();
    }

    @Override
    public Response getFederatedAgreement(String peerId, String agreementId) {
        String token = signedInToken();
        PeerRelay.Relayed answer =
                PeerRelay.send(broker, peerId, "GET", "/api/v1/agreements/" + enc(agreementId), null, token);
        forwarder.jsonObject(peerId, answer);
        return Response.status(answer.status())
                .entity(answer.body())
                .type(answer.status() / 100 == 2 ? "application/json" : "application/problem+json")
                .build();
    }

    private String signedInToken() {
        String token = CallerToken.of(callers, headers);
        if (token == null) {
            throw new NotAuthenticated(
                    "agreements concern organizations: sign in", "authentication-required", null, null);
        }
        return token;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
