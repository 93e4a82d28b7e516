package org.twincatalog.catalog.access;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.twincatalog.access.AccessControlFailure;
import org.twincatalog.access.Caller;
import org.twincatalog.access.Decision;
import org.twincatalog.access.OrganizationAction;
import org.twincatalog.access.PolicyDecisionPoint;
import org.twincatalog.access.agreement.AccessRequest;
import org.twincatalog.access.agreement.Agreement;
import org.twincatalog.access.agreement.AgreementService;
import org.twincatalog.access.agreement.DatasetRef;
import org.twincatalog.access.agreement.OdrlExporter;
import org.twincatalog.access.agreement.Period;
import org.twincatalog.access.audit.AuditEvent;
import org.twincatalog.access.audit.AuditLog;
import org.twincatalog.access.audit.VerificationReport;
import org.twincatalog.api.v1.AccessApi;
import org.twincatalog.api.v1.model.AccessTerms;
import org.twincatalog.api.v1.model.AgreementList;
import org.twincatalog.api.v1.model.AgreementRequest;
import org.twincatalog.api.v1.model.AuditProblem;
import org.twincatalog.api.v1.model.AuditVerification;
import org.twincatalog.api.v1.model.PartDecision;
import org.twincatalog.api.v1.model.SignedAuditHead;
import org.twincatalog.catalog.AccessDenied;
import org.twincatalog.catalog.AccessRequestForwarding;
import org.twincatalog.catalog.CallerContext;
import org.twincatalog.catalog.CallerToken;
import org.twincatalog.catalog.NodeConfig;
import org.twincatalog.catalog.NotAuthenticated;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.catalog.ValidationFailed;
import org.twincatalog.catalog.record.RecordEntity;
import org.twincatalog.catalog.web.Responses;

/** {@code /api/v1/agreements}, a dataset's access requests, and {@code /api/v1/audit}. */
@jakarta.ws.rs.Path("")
public class AccessResource implements AccessApi {
    private static final String JSON_LD = "application/ld+json";

    private final CatalogAccess access;
    private final AgreementService agreements;
    private final OdrlExporter odrl;
    private final String operator;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    private final AuditAnchors anchors;
    private final PolicyDecisionPoint pdp;
    private final AuditLog audit;
    private final CallerContext callers;
    private final Instance<AccessRequestForwarding> forwarding;

    public AccessResource(
            CatalogAccess access,
            AgreementService agreements,
            PolicyDecisionPoint pdp,
            AuditLog audit,
            NodeConfig node,
            AuditAnchors anchors,
            CallerContext callers,
            Instance<AccessRequestForwarding> forwarding) {
        this.access = access;
        this.pdp = pdp;
        this.audit = audit;
        this.callers = callers;
        this.anchors = anchors;
        this.forwarding = forwarding;
        this.agreements = agreements;
        String base = node.baseUrl().replaceAll("/+$", "");
        this.odrl = new OdrlExporter(datasetId -> base + "/api/v1/datasets/" + datasetId);
        this.operator = node.operator().orElse(null);
    }

    @Override
    public Response requestDatasetAccess(String datasetId, AccessTerms terms) {
        AccessTerms t = Responses.requireBody(terms);
        Caller caller = access.caller();
        Optional<Response> forwarded = forwarded(
                caller,
                new AgreementRequest()
                        .datasets(List.of(datasetId))
                        .purpose(t.getPurpose())
                        .legalBasis(t.getLegalBasis())
                        .validFrom(t.getValidFrom())
                        .validUntil(t.getValidUntil()));
        if (forwarded.isPresent()) {
            return forwarded.get();
        }
        return created(explained(
                caller.organization(),
                "request access",
                () -> agreements.request(
                        caller,
                        request(
                                List.of(datasetId),
                                t.getPurpose(),
                                t.getLegalBasis(),
                                t.getValidFrom(),
                                t.getValidUntil()))));
    }

    @Override
    public Response requestAccess(AgreementRequest body) {
        AgreementRequest r = Responses.requireBody(body);
        Caller caller = access.caller();
        Optional<Response> forwarded = forwarded(caller, r);
        if (forwarded.isPresent()) {
            return forwarded.get();
        }
        return created(
                explained(caller.organization(), "request access", () -> agreements.request(caller, request(r))));
    }

    /**
     * A request for mirrors of another node's records goes to the node that decides them, with the
     * caller's identity (its answer is passed on); empty when every dataset is this node's own.
     * Each dataset must be visible here first (404 otherwise, as for a local request), and one
     * request goes to one node.
     */
    private Optional<Response> forwarded(Caller caller, AgreementRequest r) {
        if (forwarding.isUnsatisfied()
                || r.getDatasets() == null
                || r.getDatasets().isEmpty()) {
            return Optional.empty();
        }
        AccessRequestForwarding forwarder = forwarding.get();
        Map<String, String> deciders = new LinkedHashMap<>();
        for (String id : r.getDatasets().stream().distinct().toList()) {
            deciders.put(id, forwarder.decidingPeer(id).orElse(""));
        }
        if (deciders.values().stream().allMatch(String::isEmpty)) {
            return Optional.empty();
        }
        if (caller.isAnonymous()) {
            throw new NotAuthenticated(
                    "agreements concern organizations: sign in", "authentication-required", null, null);
        }
        deciders.keySet().forEach(id -> access.readable(RecordType.DATASET, id));
        List<String> nodes = deciders.values().stream().distinct().toList();
        if (nodes.size() > 1) {
            int i = 0;
            for (Map.Entry<String, String> e : deciders.entrySet()) {
                if (!e.getValue().equals(nodes.get(0))) {
                    throw ValidationFailed.of(
                            "/datasets/" + i,
                            "'" + e.getKey() + "' is decided "
                                    + (e.getValue().isEmpty() ? "at this node" : "at node '" + e.getValue() + "'")
                                    + " and '" + deciders.keySet().iterator().next() + "' "
                                    + (nodes.get(0).isEmpty() ? "at this node" : "at node '" + nodes.get(0) + "'")
                                    + ": request the datasets of each node separately");
                }
                i++;
            }
        }
        AccessRequestForwarding.Forwarded answer = forwarder.forward(
                nodes.get(0), r.datasets(List.copyOf(deciders.keySet())), CallerToken.of(callers, headers));
        Response.ResponseBuilder response = Response.status(answer.status())
                .entity(answer.body())
                .type(answer.status() / 100 == 2 ? "application/json" : "application/problem+json");
        if (answer.created() && answer.location() != null) {
            response.location(uriInfo.getBaseUri().resolve(answer.location()));
        }
        return Optional.of(response.build());
    }

    @Override
    public Response proposeUmbrellaAgreement(AgreementRequest body) {
        AgreementRequest r = Responses.requireBody(body);
        Caller caller = access.caller();
        return created(explained(
                caller.organization(),
                "propose umbrella agreements",
                () -> agreements.proposeUmbrella(caller, request(r))));
    }

    @Override
    public Response listAgreements() {
        List<Agreement> found = agreements.listFor(signedIn());
        return Response.ok(new AgreementList()
                        .items(found.stream().map(AgreementMapper::toModel).toList()))
                .build();
    }

    @Override
    public Response getAgreement(String agreementId) {
        return Response.ok(AgreementMapper.toModel(agreements.get(signedIn(), agreementId)))
                .build();
    }

    @Override
    public Response getAgreementOdrl(String agreementId) {
        return Response.ok(
                        odrl.toJsonLd(agreements.get(signedIn(), agreementId)).toString(), JSON_LD)
                .build();
    }

    @Override
    public Response decideAgreementPart(String agreementId, String ownerOrganization, PartDecision body) {
        Caller caller = signedIn();
        PartDecision d = Responses.requireBody(body);
        if (d.getDecision() == null) {
            throw ValidationFailed.of("/decision", "approve, reject or revoke");
        }
        Agreement decided = explained(ownerOrganization, "decide its access requests", () -> switch (d.getDecision()) {
            case APPROVE -> agreements.approve(caller, agreementId, ownerOrganization, d.getNote());
            case REJECT -> agreements.reject(caller, agreementId, ownerOrganization, d.getNote());
            case REVOKE -> agreements.revoke(caller, agreementId, ownerOrganization, d.getNote());
        });
        return Response.ok(AgreementMapper.toModel(decided)).build();
    }

    @Override
    public Response exportAudit(String organizationId) {
        requireAudit(organizationId, "export-audit");
        StreamingOutput body = out -> {
            var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            audit.exportFor(organizationId, writer);
            writer.flush();
        };
        return Response.ok(body, "application/x-ndjson").build();
    }

    @Override
    public Response verifyAudit() {
        signedIn();
        if (operator == null) {
            throw new AccessDenied(
                    "The audit chain holds every organization's entries: only stewards of the node's operator"
                            + " verify it, and this node has none (tc.node.operator); export your organization's"
                            + " entries instead",
                    "steward-of-owner-required",
                    null,
                    null);
        }
        requireAudit(operator, "verify-audit");
        var head = audit.head();
        VerificationReport report = audit.verify();
        return Response.ok(new AuditVerification()
                        .intact(report.intact())
                        .entriesChecked(report.entriesChecked())
                        .headSequence(head.sequence())
                        .headHash(head.hash())
                        .problems(report.problems().stream()
                                .map(p -> new AuditProblem()
                                        .kind(AuditProblem.KindEnum.fromValue(
                                                p.kind().name().toLowerCase(Locale.ROOT)))
                                        .sequence(p.sequence())
                                        .detail(p.detail()))
                                .toList()))
                .build();
    }

    @Override
    public Response getAuditAnchor() {
        requireSteward("fetch-audit-anchor");
        return Response.ok(anchors.head()).build();
    }

    @Override
    public Response getAuditAnchorKey() {
        return Response.ok(anchors.key()).build();
    }

    @Override
    public Response verifyAuditAnchor(SignedAuditHead head) {
        Caller caller = requireSteward("verify-audit-anchor");
        boolean operatorSteward = operator != null && caller.actsAs(Caller.STEWARD, operator);
        return Response.ok(anchors.verify(Responses.requireBody(head), operatorSteward))
                .build();
    }

    /**
     * Signed heads and their verification are for stewards: of their own organization (whose
     * entries the chain holds) or of the node's operator. The decision is audited.
     */
    private Caller requireSteward(String action) {
        Caller caller = signedIn();
        if (caller.organization() == null) {
            throw new AccessDenied(
                    "Only stewards of an organization fetch and verify signed audit heads",
                    "steward-of-owner-required",
                    null,
                    null);
        }
        requireAudit(caller.organization(), action);
        return caller;
    }

    /**
     * Only stewards of {@code organization} read its audit (the whole chain is the audit of the
     * node's operator); the decision itself is audited.
     */
    private void requireAudit(String organization, String action) {
        Caller caller = access.caller();
        Decision decision = pdp.decide(caller, OrganizationAction.EXPORT_AUDIT, organization);
        audit.append(AuditEvent.of(caller, action, "audit:" + organization, organization, null, decision));
        if (!decision.isPermitted()) {
            throw access.refusal(decision, organization, "read its audit");
        }
    }

    /** Runs a call of the agreement service; a policy refusal is worded like every other denial. */
    private <T> T explained(String organization, String verb, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (AccessControlFailure.AccessDenied denied) {
            throw access.refusal(denied.decision(), organization, verb);
        }
    }

    private Caller signedIn() {
        Caller caller = access.caller();
        if (caller.isAnonymous()) {
            throw new NotAuthenticated(
                    "agreements concern organizations: sign in", "authentication-required", null, null);
        }
        return caller;
    }

    private AccessRequest request(AgreementRequest r) {
        return request(r.getDatasets(), r.getPurpose(), r.getLegalBasis(), r.getValidFrom(), r.getValidUntil());
    }

    /** Each dataset must be visible to the caller (404 otherwise); its owner is its publisher. */
    private AccessRequest request(
            List<String> datasetIds, String purpose, String legalBasis, OffsetDateTime from, OffsetDateTime until) {
        List<DatasetRef> refs = datasetIds == null
                ? List.of()
                : datasetIds.stream()
                        .distinct()
                        .map(id -> {
                            RecordEntity record = access.readable(RecordType.DATASET, id);
                            return new DatasetRef(id, record.publisherId);
                        })
                        .toList();
        Period period = new Period(from == null ? null : from.toInstant(), until == null ? null : until.toInstant());
        return new AccessRequest(refs, purpose, legalBasis, period);
    }

    private Response created(Agreement agreement) {
        return Response.created(uriInfo.getBaseUriBuilder()
                        .path("api/v1/agreements/{id}")
                        .build(agreement.id()))
                .entity(AgreementMapper.toModel(agreement))
                .build();
    }
}
