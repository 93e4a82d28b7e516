package org.twincatalog.access;

/**
 * Decides every read and write. Extension point: the catalog depends on this interface only, so
 * another implementation (an ODRL evaluator, an external PDP such as OPA) can replace {@code
 * policy.DefaultPolicyDecisionPoint} without touching the read and write paths.
 *
 * <p>Implementations must be thread-safe, must not throw for any non-null input, and must answer
 * {@link Decision.Effect#NOT_FOUND} (never DENY) for any action on a record whose metadata the
 * caller may not see, so that a denial never reveals that a record exists. They decide from the
 * current state of grants on every call: a revoked or expired agreement stops counting at once.
 */
public interface PolicyDecisionPoint {

    /**
     * Decides whether {@code caller} may perform {@code action} on {@code dataset}. For {@link
     * Action#CREATE}, {@code dataset} is the record about to be created (its owner organization
     * is the one the caller writes for).
     */
    Decision decide(Caller caller, Action action, ProtectedDataset dataset);

    /** Decides an action that concerns an organization as a whole (see {@link OrganizationAction}). */
    Decision decide(Caller caller, OrganizationAction action, String organization);
}
