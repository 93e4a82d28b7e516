package org.twincatalog.catalog.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import org.twincatalog.catalog.changes.ChangeEntity;

/**
 * The change feed as the caller may see it: the changes of records whose metadata the caller may
 * see (by the record's current settings), filtered inside the query.
 */
@ApplicationScoped
public class VisibleChanges {
    private final EntityManager em;
    private final CatalogAccess access;

    public VisibleChanges(EntityManager em, CatalogAccess access) {
        this.em = em;
        this.access = access;
    }

    /**
     * The visible changes with a sequence in ({@code after}, {@code upTo}], oldest first, at most
     * {@code limit}. Hidden changes are skipped, not counted.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ChangeEntity> between(long after, long upTo, int limit) {
        var visible = access.visibility();
        TypedQuery<ChangeEntity> query = em.createQuery(
                        "FROM ChangeEntity c WHERE c.sequence > :after AND c.sequence <= :upTo AND EXISTS ("
                                + "SELECT 1 FROM RecordEntity r WHERE r.recordType = c.recordType AND r.id = c.recordId"
                                + " AND (" + visible.jpql("r") + ")) ORDER BY c.sequence",
                        ChangeEntity.class)
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .setMaxResults(limit);
        visible.bind(query);
        List<ChangeEntity> rows = query.getResultList();
        access.recordQuery("read-changes", "changes", rows.size());
        return rows;
    }
}
