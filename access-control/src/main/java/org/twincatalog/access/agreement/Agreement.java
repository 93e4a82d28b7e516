package org.twincatalog.access.agreement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.twincatalog.access.AccessControlFailure;

/**
 * An access agreement: a consumer organization, a purpose, a legal basis and a period, and one
 * {@link AgreementPart} per owner organization whose datasets it covers. Immutable; every change
 * returns a copy with {@code version} + 1.
 *
 * @param requestedBy subject of the person who requested or proposed it
 * @param version 1 when created; the store rejects saving over a newer version
 */
public record Agreement(
        String id,
        AgreementKind kind,
        String consumerOrganization,
        String requestedBy,
        String purpose,
        String legalBasis,
        Period period,
        List<AgreementPart> parts,
        Instant createdAt,
        long version) {

    public Agreement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(consumerOrganization, "consumerOrganization");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(createdAt, "createdAt");
        parts = List.copyOf(parts);
    }

    /** The part of {@code ownerOrganization}; throws NotFound when the agreement has none. */
    public AgreementPart part(String ownerOrganization) {
        return parts.stream()
                .filter(p -> p.ownerOrganization().equals(ownerOrganization))
                .findFirst()
                .orElseThrow(() -> new AccessControlFailure.NotFound(
                        "agreement " + id + " covers no dataset of " + ownerOrganization));
    }

    /** Whether {@code organization} is the consumer or owns one of the parts. */
    public boolean concerns(String organization) {
        return consumerOrganization.equals(organization)
                || parts.stream().anyMatch(p -> p.ownerOrganization().equals(organization));
    }

    /** Whether any part grants {@code datasetId} at {@code instant}. */
    public boolean grantsAccessAt(String datasetId, Instant instant) {
        return parts.stream().anyMatch(p -> p.grantsAccessAt(datasetId, period, instant));
    }

    Agreement withPart(String ownerOrganization, UnaryOperator<AgreementPart> change) {
        AgreementPart current = part(ownerOrganization);
        List<AgreementPart> changed = new ArrayList<>(parts);
        changed.set(parts.indexOf(current), change.apply(current));
        return new Agreement(
                id,
                kind,
                consumerOrganization,
                requestedBy,
                purpose,
                legalBasis,
                period,
                changed,
                createdAt,
                version + 1);
    }
}
