package org.twincatalog.catalog.changes.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.twincatalog.catalog.access.CatalogAccess;
import org.twincatalog.catalog.access.VisibilityPredicate;
import org.twincatalog.catalog.changes.ChangeEntity;

/**
 * The change feed as the caller may see it: the changes of records whose metadata the caller may
 * see (by the record's current settings), filtered inside the query. Cursors and heads handed to
 * a caller are sequences of changes it may see (or its own cursor), never the log's true head.
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
        List<ChangeEntity> rows = query(after, upTo, "ASC", limit);
        access.recordQuery("read-changes", "changes", rows.size());
        return rows;
    }

    /**
     * The newest sequence in ({@code after}, {@code upTo}] of a change the caller may see, or
     * {@code after} when there is none: the head of the log as this caller may know it. Hidden
     * changes never move it, so that polling it reveals no activity the caller cannot see.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long latest(long after, long upTo) {
        List<ChangeEntity> newest = query(after, upTo, "DESC", 1);
        return newest.isEmpty() ? after : newest.get(0).sequence;
    }

    /**
     * Like {@link #between}, and also the changes that took a record out of the caller's sight: the
     * caller saw the record just before such a change and may not see it now. Those come back in
     * {@link Feed#hidden}; the caller is to be told only that the record left its sight (its id,
     * which it already had), nothing of its new state.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Feed withHidden(long after, long upTo, int limit) {
        List<ChangeEntity> rows = query(after, upTo, "ASC", limit, true);
        Set<Long> hidden = new HashSet<>();
        if (!rows.isEmpty()) {
            Set<Long> shown = new HashSet<>(visibleAmong(rows));
            rows.stream().map(c -> c.sequence).filter(s -> !shown.contains(s)).forEach(hidden::add);
        }
        access.recordQuery("read-changes", "changes", rows.size());
        return new Feed(rows, hidden);
    }

    /** Like {@link #latest}, counting the changes that took a record out of the caller's sight. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long latestWithHidden(long after, long upTo) {
        List<ChangeEntity> newest = query(after, upTo, "DESC", 1, true);
        return newest.isEmpty() ? after : newest.get(0).sequence;
    }

    /** Changes in order, and the sequences of those that only tell the caller a record left its sight. */
    public record Feed(List<ChangeEntity> changes, Set<Long> hidden) {}

    private List<Long> visibleAmong(List<ChangeEntity> rows) {
        VisibilityPredicate visible = access.visibility();
        TypedQuery<Long> query = em.createQuery(
                        "SELECT c.sequence FROM ChangeEntity c WHERE c.sequence IN :seqs AND "
                                + VISIBLE_NOW.formatted(visible.jpql("r")),
                        Long.class)
                .setParameter("seqs", rows.stream().map(c -> c.sequence).toList());
        visible.bind(query);
        return query.getResultList();
    }

    private static final String VISIBLE_NOW = "EXISTS (SELECT 1 FROM RecordEntity r WHERE r.recordType = c.recordType"
            + " AND r.id = c.recordId AND (%s))";

    private List<ChangeEntity> query(long after, long upTo, String order, int limit) {
        return query(after, upTo, order, limit, false);
    }

    private List<ChangeEntity> query(long after, long upTo, String order, int limit, boolean withHidden) {
        VisibilityPredicate visible = access.visibility();
        String condition = VISIBLE_NOW.formatted(visible.jpql("r"));
        if (withHidden) {
            condition = "(" + condition + " OR (c.beforeVisibility IS NOT NULL AND (" + visible.beforeJpql("c") + ")))";
        }
        TypedQuery<ChangeEntity> query = em.createQuery(
                        "FROM ChangeEntity c WHERE c.sequence > :after AND c.sequence <= :upTo AND " + condition
                                + " ORDER BY c.sequence " + order,
                        ChangeEntity.class)
                .setParameter("after", after)
                .setParameter("upTo", upTo)
                .setMaxResults(limit);
        visible.bind(query);
        if (withHidden) {
            visible.bindBefore(query);
        }
        return query.getResultList();
    }
}
