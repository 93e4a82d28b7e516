package org.twincatalog.access.agreement;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.twincatalog.access.AccessControlFailure;

/**
 * The part of an agreement that one owner organization decides: its datasets, its state, and who
 * last changed that state, when and why.
 *
 * @param decidedBy subject of the steward (or consumer, for a withdrawal); null while pending
 * @param note the approval note, or the reason of a rejection, revocation or withdrawal
 */
public record AgreementPart(
        String ownerOrganization,
        List<String> datasetIds,
        PartState state,
        String decidedBy,
        Instant decidedAt,
        String note) {

    public AgreementPart {
        Objects.requireNonNull(ownerOrganization, "ownerOrganization");
        Objects.requireNonNull(state, "state");
        datasetIds = List.copyOf(datasetIds);
    }

    static AgreementPart pending(String ownerOrganization, List<String> datasetIds) {
        return new AgreementPart(ownerOrganization, datasetIds, PartState.PENDING, null, null, null);
    }

    AgreementPart approve(String by, Instant at, String approvalNote) {
        return moveTo(PartState.APPROVED, PartState.PENDING, by, at, approvalNote);
    }

    AgreementPart reject(String by, Instant at, String reason) {
        return moveTo(PartState.REJECTED, PartState.PENDING, by, at, required(reason, "rejection"));
    }

    AgreementPart withdraw(String by, Instant at, String reason) {
        return moveTo(PartState.WITHDRAWN, PartState.PENDING, by, at, reason);
    }

    AgreementPart revoke(String by, Instant at, String reason) {
        return moveTo(PartState.REVOKED, PartState.APPROVED, by, at, required(reason, "revocation"));
    }

    /** Whether this part opens data access to {@code datasetId} at {@code instant}. */
    public boolean grantsAccessAt(String datasetId, Period period, Instant instant) {
        return state == PartState.APPROVED && datasetIds.contains(datasetId) && period.contains(instant);
    }

    private AgreementPart moveTo(PartState target, PartState required, String by, Instant at, String why) {
        if (state != required) {
            throw new AccessControlFailure.IllegalTransition("the part of " + ownerOrganization + " is " + state
                    + "; only a " + required + " part can become " + target);
        }
        return new AgreementPart(ownerOrganization, datasetIds, target, by, at, why);
    }

    private static String required(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new AccessControlFailure.ValidationFailed("a " + what + " states a reason");
        }
        return reason;
    }
}
