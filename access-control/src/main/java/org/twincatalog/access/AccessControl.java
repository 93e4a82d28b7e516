package org.twincatalog.access;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.twincatalog.access.audit.AuditEvent;
import org.twincatalog.access.audit.AuditLog;

/**
 * What the catalog calls on every read and write path: asks the {@link PolicyDecisionPoint} and
 * appends the decision to the {@link AuditLog}.
 */
public final class AccessControl {

    private final PolicyDecisionPoint pdp;
    private final AuditLog audit;

    public AccessControl(PolicyDecisionPoint pdp, AuditLog audit) {
        this.pdp = Objects.requireNonNull(pdp, "pdp");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /**
     * Decides and records {@code action} on {@code dataset}.
     *
     * @param purpose the purpose the caller stated (a request header, a query parameter); null when
     *     none was given
     */
    public Decision check(Caller caller, Action action, ProtectedDataset dataset, String purpose) {
        Decision decision = pdp.decide(caller, action, dataset);
        audit.append(AuditEvent.of(caller, action.id(), dataset.id(), dataset.ownerOrganization(), purpose, decision));
        return decision;
    }

    /**
     * Like {@link #check}, but throws {@link AccessControlFailure.AccessDenied} unless permitted;
     * the exception's decision tells 404 ({@link Decision#isNotFound()}), 401 and 403 apart.
     */
    public Decision require(Caller caller, Action action, ProtectedDataset dataset, String purpose) {
        return check(caller, action, dataset, purpose).orThrow();
    }

    /**
     * The items whose metadata {@code caller} may see, in their order: for lists, search results,
     * change feeds and exports, so that totals and counts never include hidden records. Decisions
     * are not recorded one by one (the catalog records the query itself with {@link #record}).
     */
    public <T> List<T> visible(Caller caller, Collection<T> items, Function<T, ProtectedDataset> dataset) {
        return items.stream()
                .filter(item -> pdp.decide(caller, Action.SEE_METADATA, dataset.apply(item))
                        .isPermitted())
                .toList();
    }

    /** Records an event that is not a single-dataset decision: a query, an export, a write that completed. */
    public void record(AuditEvent event) {
        audit.append(event);
    }
}
