package org.twincatalog.catalog.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.twincatalog.access.AccessControl;
import org.twincatalog.access.PolicyDecisionPoint;
import org.twincatalog.access.agreement.AgreementGrants;
import org.twincatalog.access.agreement.AgreementService;
import org.twincatalog.access.audit.AuditLog;
import org.twincatalog.access.policy.DefaultPolicyDecisionPoint;

/**
 * The access-control library's parts as CDI beans, wired to the node's stores: the clock, the
 * policy decision point (with the agreements' grants), the audit log (its queue stored before the
 * application stops), the pair of them, and the agreement service. Each is an extension point: a
 * node replaces one by producing an alternative, and whoever needs one injects it.
 */
@ApplicationScoped
public class AccessComponents {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    PolicyDecisionPoint policyDecisionPoint(JpaAgreementStore agreements, Clock clock) {
        return new DefaultPolicyDecisionPoint(new AgreementGrants(agreements), clock);
    }

    @Produces
    @Singleton
    AuditLog auditLog(JpaAuditStore store, Clock clock) {
        return new AuditLog(store, clock);
    }

    /** Stores the audit entries still queued before the application stops. */
    void closeAuditLog(@Disposes AuditLog audit) {
        audit.close();
    }

    @Produces
    @Singleton
    AccessControl accessControl(PolicyDecisionPoint pdp, AuditLog audit) {
        return new AccessControl(pdp, audit);
    }

    @Produces
    @Singleton
    AgreementService agreementService(
            JpaAgreementStore agreements, PolicyDecisionPoint pdp, AuditLog audit, Clock clock) {
        return new AgreementService(agreements, pdp, audit, clock);
    }
}
