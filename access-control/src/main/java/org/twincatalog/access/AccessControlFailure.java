package org.twincatalog.access;

import org.twincatalog.errors.TwinCatalogException;

/**
 * The unchecked exceptions of access control, under the project's one root (named so as not to
 * clash with the JDK's {@code java.security.AccessControlException}). Each nested class is one
 * kind of problem; the web layer maps kinds to RFC 9457 problems (404, 409, 422, 401/403), so no
 * HTTP type appears in this module.
 */
public abstract class AccessControlFailure extends TwinCatalogException {
    protected AccessControlFailure(Kind kind, String message) {
        super(kind, message);
    }

    /** An agreement, part or audit entry that does not exist (or that the caller may not see). */
    public static final class NotFound extends AccessControlFailure {
        public NotFound(String message) {
            super(Kind.NOT_FOUND, message);
        }
    }

    /** A state conflict: an illegal state transition, or a stale version on save. */
    public static class Conflict extends AccessControlFailure {
        public Conflict(String message) {
            super(Kind.CONFLICT, message);
        }
    }

    /** A transition the agreement state machine does not allow from the current state. */
    public static final class IllegalTransition extends Conflict {
        public IllegalTransition(String message) {
            super(message);
        }
    }

    /** Invalid input: a missing purpose, an empty period, an unknown level. */
    public static final class ValidationFailed extends AccessControlFailure {
        public ValidationFailed(String message) {
            super(Kind.VALIDATION_FAILED, message);
        }
    }

    /**
     * The policy decision point denied the operation; carries the decision that explains why. Its
     * kind follows the decision (not found, sign in, or denied); its message is the decision's
     * reason (for the audit log, with subject ids) and its detail the rule's description (for the
     * caller).
     */
    public static final class AccessDenied extends AccessControlFailure {
        private final transient Decision decision;

        public AccessDenied(Decision decision) {
            super(kindOf(decision), decision.reason());
            this.decision = decision;
        }

        public Decision decision() {
            return decision;
        }

        private static Kind kindOf(Decision decision) {
            if (decision.isNotFound()) {
                return Kind.NOT_FOUND;
            }
            return decision.requiresAuthentication() ? Kind.NOT_AUTHENTICATED : Kind.ACCESS_DENIED;
        }

        @Override
        public String detail() {
            if (decision.isNotFound()) {
                return "Not found";
            }
            String description = decision.rule().description();
            return Character.toUpperCase(description.charAt(0)) + description.substring(1) + ".";
        }
    }
}
