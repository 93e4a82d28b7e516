package org.twincatalog.access;

/**
 * The one unchecked exception hierarchy of access control. Each nested class is one kind of
 * problem; the web layer maps each kind to a status and an RFC 9457 problem type (404, 409, 422,
 * 403), so no HTTP type appears in this module.
 */
public abstract class AccessControlException extends RuntimeException {
    protected AccessControlException(String message) {
        super(message);
    }

    /** An agreement, part or audit entry that does not exist (or that the caller may not see). */
    public static final class NotFound extends AccessControlException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** A state conflict: an illegal state transition, or a stale version on save. */
    public static class Conflict extends AccessControlException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** A transition the agreement state machine does not allow from the current state. */
    public static final class IllegalTransition extends Conflict {
        public IllegalTransition(String message) {
            super(message);
        }
    }

    /** Invalid input: a missing purpose, an empty period, an unknown level. */
    public static final class ValidationFailed extends AccessControlException {
        public ValidationFailed(String message) {
            super(message);
        }
    }

    /** The policy decision point denied the operation; carries the decision that explains why. */
    public static final class AccessDenied extends AccessControlException {
        private final transient Decision decision;

        public AccessDenied(Decision decision) {
            super(decision.reason());
            this.decision = decision;
        }

        public Decision decision() {
            return decision;
        }
    }
}
