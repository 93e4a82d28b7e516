package org.twincatalog.access.audit;

import java.time.Instant;
import java.util.Objects;
import org.twincatalog.access.Caller;
import org.twincatalog.access.Decision;

/**
 * What happened: who (subject and organization), which action on which resource of which owner,
 * for which purpose, and what was decided by which rule and why. Null fields mean "not
 * applicable" (no organization, no purpose); {@code time} is set by the {@link AuditLog}.
 *
 * @param resource the dataset id, agreement id or other resource the action concerned
 * @param resourceOwner the organization that owns the resource; the key of {@link
 *     AuditLog#exportFor}
 * @param decision {@code permit}, {@code deny}, {@code not-found}, or {@code done} for a write
 *     that succeeded after its permit
 */
public record AuditEvent(
        Instant time,
        String subject,
        String organization,
        String action,
        String resource,
        String resourceOwner,
        String purpose,
        String decision,
        String rule,
        String reason) {

    public AuditEvent {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(decision, "decision");
    }

    /** An event for a policy decision; the anonymous caller is recorded as {@code anonymous}. */
    public static AuditEvent of(
            Caller caller, String action, String resource, String resourceOwner, String purpose, Decision decision) {
        return new AuditEvent(
                null,
                caller.isAnonymous() ? "anonymous" : caller.subject(),
                caller.organization(),
                action,
                resource,
                resourceOwner,
                purpose,
                decision.effect().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                decision.rule().id(),
                decision.reason());
    }

    public AuditEvent at(Instant instant) {
        return new AuditEvent(
                instant, subject, organization, action, resource, resourceOwner, purpose, decision, rule, reason);
    }
}
