package org.twincatalog.catalog.access;

import jakarta.persistence.Query;
import java.time.Instant;
import org.twincatalog.access.AccessLevel;
import org.twincatalog.access.Caller;
import org.twincatalog.catalog.record.RecordPredicate;

/**
 * The records whose metadata a caller may see, as a JPQL condition: the same rules as {@code
 * DefaultPolicyDecisionPoint} for {@code SEE_METADATA} (owner; public; authenticated when signed
 * in; government for public-sector organizations; restricted when named in {@code sharedWith} or
 * holding an approved agreement in its period; private for the owner only). {@code
 * VisibilityAgreementTest} checks that both agree on every combination. Withdrawn records keep
 * the visibility they had: their tombstones (410 and the change feed) reach who could see them.
 */
public final class VisibilityPredicate implements RecordPredicate {
    public static final String SHARED_WITH = "sharedWith";

    private final Caller caller;
    private final Instant now;

    public VisibilityPredicate(Caller caller, Instant now) {
        this.caller = caller;
        this.now = now;
    }

    @Override
    public String jpql(String r) {
        StringBuilder q = new StringBuilder(r + ".metaVisibility = '" + AccessLevel.PUBLIC.id() + "'");
        if (caller.isAnonymous()) {
            return q.toString();
        }
        q.append(" OR " + r + ".metaVisibility = '" + AccessLevel.AUTHENTICATED.id() + "'");
        if (caller.isPublicSector()) {
            q.append(" OR " + r + ".metaVisibility = '" + AccessLevel.GOVERNMENT.id() + "'");
        }
        if (caller.organization() != null) {
            q.append(" OR " + r + ".publisherId = :p_org");
            q.append(" OR (" + r + ".metaVisibility = '" + AccessLevel.RESTRICTED.id() + "' AND (")
                    .append("EXISTS (SELECT 1 FROM RecordLinkEntity sw WHERE sw.recordType = " + r + ".recordType"
                            + " AND sw.recordId = " + r + ".id AND sw.rel = '" + SHARED_WITH + "'"
                            + " AND sw.targetId = :p_org)")
                    .append(" OR EXISTS (SELECT 1 FROM AgreementDatasetEntity ad, AgreementPartEntity ap,"
                            + " AgreementEntity ag WHERE ad.datasetId = " + r + ".id"
                            + " AND ap.agreementId = ad.agreementId AND ap.ownerOrganization = ad.ownerOrganization"
                            + " AND ap.state = 'APPROVED' AND ag.id = ad.agreementId"
                            + " AND ag.consumerOrganization = :p_org"
                            + " AND ag.validFrom <= :p_now AND ag.validUntil > :p_now)))");
        }
        return q.toString();
    }

    /**
     * The changes after which the caller no longer saw a record it saw just before: the same rules
     * over the state noted on change {@code c} ({@code beforeVisibility}, {@code beforePublisher},
     * {@code beforeSharedWith}; agreements as of now). Needs {@link #bindBefore} as well as {@link
     * #bind}.
     */
    public String beforeJpql(String c) {
        StringBuilder q = new StringBuilder(c + ".beforeVisibility = '" + AccessLevel.PUBLIC.id() + "'");
        if (caller.isAnonymous()) {
            return q.toString();
        }
        q.append(" OR " + c + ".beforeVisibility = '" + AccessLevel.AUTHENTICATED.id() + "'");
        if (caller.isPublicSector()) {
            q.append(" OR " + c + ".beforeVisibility = '" + AccessLevel.GOVERNMENT.id() + "'");
        }
        if (caller.organization() != null) {
            q.append(" OR " + c + ".beforePublisher = :p_org");
            q.append(" OR (" + c + ".beforeVisibility = '" + AccessLevel.RESTRICTED.id() + "' AND (")
                    .append("LOCATE(:p_shared, " + c + ".beforeSharedWith) > 0")
                    .append(" OR EXISTS (SELECT 1 FROM AgreementDatasetEntity bd, AgreementPartEntity bp,"
                            + " AgreementEntity bg WHERE bd.datasetId = " + c + ".recordId"
                            + " AND bp.agreementId = bd.agreementId AND bp.ownerOrganization = bd.ownerOrganization"
                            + " AND bp.state = 'APPROVED' AND bg.id = bd.agreementId"
                            + " AND bg.consumerOrganization = :p_org"
                            + " AND bg.validFrom <= :p_now AND bg.validUntil > :p_now)))");
        }
        return q.toString();
    }

    /** Binds what {@link #beforeJpql} adds to {@link #bind}. */
    public void bindBefore(Query query) {
        if (caller.organization() != null && !caller.isAnonymous()) {
            query.setParameter("p_shared", "," + caller.organization() + ",");
        }
    }

    @Override
    public void bind(Query query) {
        if (caller.organization() != null && !caller.isAnonymous()) {
            query.setParameter("p_org", caller.organization());
            query.setParameter("p_now", now);
        }
    }
}
