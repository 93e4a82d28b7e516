package org.twincatalog.access;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of the {@link PolicyDecisionPoint}.
 *
 * @param effect permit, deny (a 403, or a 401 for {@link Rule#AUTHENTICATION_REQUIRED}), or
 *     not found (a 404: the caller may not even learn that the record exists)
 * @param rule the rule that decided
 * @param reason a human sentence for the audit log; for {@link Effect#NOT_FOUND} it must not be
 *     shown to the caller, since it would reveal the record
 * @param hint how to get access; present only for a denied data access, null otherwise
 */
public record Decision(Effect effect, Rule rule, String reason, AccessHint hint) {

    public enum Effect {
        PERMIT,
        DENY,
        NOT_FOUND
    }

    public Decision {
        Objects.requireNonNull(effect, "effect");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        if (hint != null && effect != Effect.DENY) {
            throw new IllegalArgumentException("only a denial carries an access hint");
        }
    }

    public static Decision permit(Rule rule, String reason) {
        return new Decision(Effect.PERMIT, rule, reason, null);
    }

    public static Decision deny(Rule rule, String reason) {
        return new Decision(Effect.DENY, rule, reason, null);
    }

    public static Decision deny(Rule rule, String reason, AccessHint hint) {
        return new Decision(Effect.DENY, rule, reason, hint);
    }

    public static Decision notFound(Rule rule, String reason) {
        return new Decision(Effect.NOT_FOUND, rule, reason, null);
    }

    public boolean isPermitted() {
        return effect == Effect.PERMIT;
    }

    /** Whether the caller must be answered as if the record did not exist. */
    public boolean isNotFound() {
        return effect == Effect.NOT_FOUND;
    }

    /** Whether signing in is what is missing (a 401 rather than a 403). */
    public boolean requiresAuthentication() {
        return effect == Effect.DENY && rule == Rule.AUTHENTICATION_REQUIRED;
    }

    public Optional<AccessHint> accessHint() {
        return Optional.ofNullable(hint);
    }

    /** Throws {@link AccessControlFailure.AccessDenied} unless permitted; returns this otherwise. */
    public Decision orThrow() {
        if (!isPermitted()) {
            throw new AccessControlFailure.AccessDenied(this);
        }
        return this;
    }
}
