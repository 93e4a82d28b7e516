package org.twincatalog.access.agreement;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.twincatalog.access.AccessControlFailure;
import org.twincatalog.access.Caller;
import org.twincatalog.access.Decision;
import org.twincatalog.access.OrganizationAction;
import org.twincatalog.access.PolicyDecisionPoint;
import org.twincatalog.access.audit.AuditEvent;
import org.twincatalog.access.audit.AuditLog;

/**
 * Access agreements: request, umbrella proposal, approve, reject, withdraw, revoke. The policy
 * decision point sees their effect through {@link AgreementGrants}. Every operation is
 * decided by the {@link PolicyDecisionPoint} and recorded in the {@link AuditLog}, permitted or not.
 */
public final class AgreementService {

    private final AgreementStore store;
    private final PolicyDecisionPoint pdp;
    private final AuditLog audit;
    private final Clock clock;

    public AgreementService(AgreementStore store, PolicyDecisionPoint pdp, AuditLog audit, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.pdp = Objects.requireNonNull(pdp, "pdp");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The caller's organization asks the one owner of {@code request}'s datasets for access. */
    public Agreement request(Caller caller, AccessRequest request) {
        if (ownersOf(request).size() != 1) {
            throw new AccessControlFailure.ValidationFailed(
                    "a request asks one owner organization; an umbrella agreement covers many");
        }
        return create(caller, request, AgreementKind.REQUEST, OrganizationAction.REQUEST_ACCESS);
    }

    /** A ministry proposes one agreement over datasets of many owners; each owner decides its part. */
    public Agreement proposeUmbrella(Caller caller, AccessRequest request) {
        return create(caller, request, AgreementKind.UMBRELLA, OrganizationAction.PROPOSE_UMBRELLA_AGREEMENT);
    }

    /** A steward of {@code owner} approves the owner's pending part. */
    public Agreement approve(Caller caller, String agreementId, String owner, String note) {
        Instant now = clock.instant();
        return decidePart(caller, agreementId, owner, "agreement-approve", note, agreement -> {
            if (agreement.period().hasEndedAt(now)) {
                throw new AccessControlFailure.IllegalTransition("agreement " + agreementId + " ended on "
                        + agreement.period().until() + "; it cannot be approved");
            }
            return agreement.withPart(owner, p -> p.approve(caller.subject(), now, note));
        });
    }

    /** A steward of {@code owner} rejects the owner's pending part, with a reason. */
    public Agreement reject(Caller caller, String agreementId, String owner, String reason) {
        return decidePart(
                caller,
                agreementId,
                owner,
                "agreement-reject",
                reason,
                a -> a.withPart(owner, p -> p.reject(caller.subject(), clock.instant(), reason)));
    }

    /** A steward of {@code owner} revokes the owner's approved part; effective on the next decision. */
    public Agreement revoke(Caller caller, String agreementId, String owner, String reason) {
        return decidePart(
                caller,
                agreementId,
                owner,
                "agreement-revoke",
                reason,
                a -> a.withPart(owner, p -> p.revoke(caller.subject(), clock.instant(), reason)));
    }

    /** A member of the consumer withdraws every part still pending. */
    public Agreement withdraw(Caller caller, String agreementId, String reason) {
        Agreement agreement = visible(caller, agreementId);
        Decision decision = pdp.decide(caller, OrganizationAction.REQUEST_ACCESS, agreement.consumerOrganization());
        for (AgreementPart part : agreement.parts()) {
            record(caller, "agreement-withdraw", agreement, part.ownerOrganization(), decision);
        }
        decision.orThrow();
        Agreement changed = agreement;
        for (AgreementPart part : agreement.parts()) {
            if (part.state() == PartState.PENDING) {
                changed = changed.withPart(
                        part.ownerOrganization(), p -> p.withdraw(caller.subject(), clock.instant(), reason));
            }
        }
        if (changed == agreement) {
            throw new AccessControlFailure.IllegalTransition("agreement " + agreementId + " has no pending part");
        }
        store.save(collapse(changed, agreement.version()));
        return collapse(changed, agreement.version());
    }

    /** The agreement, when the caller's organization is its consumer or owns one of its parts. */
    public Agreement get(Caller caller, String agreementId) {
        return visible(caller, agreementId);
    }

    /** Agreements the caller's organization is consumer or owner of; empty without organization. */
    public List<Agreement> listFor(Caller caller) {
        if (caller.organization() == null) {
            return List.of();
        }
        Map<String, Agreement> result = new LinkedHashMap<>();
        store.findByConsumer(caller.organization()).forEach(a -> result.put(a.id(), a));
        store.findByOwner(caller.organization()).forEach(a -> result.put(a.id(), a));
        return List.copyOf(result.values());
    }

    private Agreement create(Caller caller, AccessRequest request, AgreementKind kind, OrganizationAction action) {
        String consumer = caller.organization();
        Decision decision = pdp.decide(caller, action, consumer);
        String id = UUID.randomUUID().toString();
        Map<String, List<String>> owners = ownersOf(request);
        for (String owner : owners.keySet()) {
            audit.append(AuditEvent.of(
                    caller,
                    "agreement-" + kind.name().toLowerCase(java.util.Locale.ROOT),
                    "agreement:" + id,
                    owner,
                    request.purpose(),
                    decision));
        }
        decision.orThrow();
        if (owners.containsKey(consumer)) {
            throw new AccessControlFailure.ValidationFailed(consumer + " already has access to its own datasets");
        }
        List<AgreementPart> parts = owners.entrySet().stream()
                .map(e -> AgreementPart.pending(e.getKey(), e.getValue()))
                .toList();
        Agreement agreement = new Agreement(
                id,
                kind,
                consumer,
                caller.subject(),
                request.purpose(),
                request.legalBasis(),
                request.period(),
                parts,
                clock.instant(),
                1);
        store.save(agreement);
        return agreement;
    }

    private Agreement decidePart(
            Caller caller,
            String agreementId,
            String owner,
            String action,
            String note,
            UnaryOperator<Agreement> change) {
        Agreement agreement = visible(caller, agreementId);
        agreement.part(owner);
        Decision decision = pdp.decide(caller, OrganizationAction.DECIDE_ACCESS_REQUEST, owner);
        record(caller, action, agreement, owner, decision);
        decision.orThrow();
        Agreement changed = change.apply(agreement);
        store.save(changed);
        return changed;
    }

    private Agreement visible(Caller caller, String agreementId) {
        return store.find(agreementId)
                .filter(a -> caller.organization() != null && a.concerns(caller.organization()))
                .orElseThrow(() -> new AccessControlFailure.NotFound("no agreement " + agreementId));
    }

    private void record(Caller caller, String action, Agreement agreement, String owner, Decision decision) {
        audit.append(
                AuditEvent.of(caller, action, "agreement:" + agreement.id(), owner, agreement.purpose(), decision));
    }

    /** Several part changes in one operation count as one new version. */
    private static Agreement collapse(Agreement changed, long previousVersion) {
        return new Agreement(
                changed.id(),
                changed.kind(),
                changed.consumerOrganization(),
                changed.requestedBy(),
                changed.purpose(),
                changed.legalBasis(),
                changed.period(),
                changed.parts(),
                changed.createdAt(),
                previousVersion + 1);
    }

    private static Map<String, List<String>> ownersOf(AccessRequest request) {
        return request.datasets().stream()
                .collect(Collectors.groupingBy(
                        DatasetRef::ownerOrganization,
                        LinkedHashMap::new,
                        Collectors.mapping(DatasetRef::datasetId, Collectors.toList())));
    }
}
