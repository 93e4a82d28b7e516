package org.twincatalog.catalog.record;

import jakarta.persistence.Query;
import org.twincatalog.catalog.RecordType;

/**
 * Which records a listing includes.
 *
 * @param publisherId only records of this publisher; null for all
 * @param includeWithdrawn whether tombstones are listed too
 * @param linkRel with {@code linkTarget}: only records that link to that target with that rel
 * @param linkTarget see {@code linkRel}
 */
public record RecordFilter(String publisherId, boolean includeWithdrawn, String linkRel, String linkTarget) {
    public static RecordFilter published() {
        return new RecordFilter(null, false, null, null);
    }

    String where() {
        StringBuilder where = new StringBuilder("r.recordType = :type");
        if (publisherId != null) {
            where.append(" AND r.publisherId = :publisher");
        }
        if (!includeWithdrawn) {
            where.append(" AND r.status = :status");
        }
        if (linkTarget != null) {
            where.append(" AND EXISTS (SELECT 1 FROM RecordLinkEntity l WHERE l.recordType = r.recordType"
                    + " AND l.recordId = r.id AND l.rel = :rel AND l.targetId = :target)");
        }
        return where.toString();
    }

    void bind(Query query, RecordType type) {
        query.setParameter("type", type.code());
        if (publisherId != null) {
            query.setParameter("publisher", publisherId);
        }
        if (!includeWithdrawn) {
            query.setParameter("status", RecordStatus.PUBLISHED.code());
        }
        if (linkTarget != null) {
            query.setParameter("rel", linkRel);
            query.setParameter("target", linkTarget);
        }
    }
}
