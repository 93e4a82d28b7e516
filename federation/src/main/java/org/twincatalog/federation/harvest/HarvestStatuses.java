package org.twincatalog.federation.harvest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.twincatalog.api.v1.model.HarvestStatus;
import org.twincatalog.catalog.access.CatalogAccess;
import org.twincatalog.catalog.record.RecordPredicate;

/** The harvest status of peers, for the node directory's API: all of it for the operator, visible counts for others. */
@ApplicationScoped
public class HarvestStatuses {
    private final EntityManager em;
    private final HarvestScheduler scheduler;
    private final CatalogAccess access;

    public HarvestStatuses(EntityManager em, HarvestScheduler scheduler, CatalogAccess access) {
        this.em = em;
        this.scheduler = scheduler;
        this.access = access;
    }

    /**
     * What a caller other than the node's operator learns of a peer's harvest: how many of its
     * mirrors this caller may see. Cursors, heads, lags, runs, errors and the quarantine count the
     * peer's activity as this node's service account sees it, so they are the operator's only.
     */
    @Transactional
    public HarvestStatus visibleOf(String peerId) {
        RecordPredicate visible = access.visibility();
        TypedQuery<Long> query = em.createQuery(
                        "SELECT count(m) FROM MirrorEntity m, RecordEntity r WHERE m.peerId = :p"
                                + " AND r.recordType = m.recordType AND r.id = m.localId AND ("
                                + visible.jpql("r") + ")",
                        Long.class)
                .setParameter("p", peerId);
        visible.bind(query);
        return new HarvestStatus().mirrored(query.getSingleResult());
    }

    /** The whole harvest status of a peer, for the node's operator. */
    @Transactional
    public HarvestStatus of(String peerId) {
        HarvestStateEntity state = em.find(HarvestStateEntity.class, peerId);
        long mirrored = em.createQuery("SELECT count(m) FROM MirrorEntity m WHERE m.peerId = :p", Long.class)
                .setParameter("p", peerId)
                .getSingleResult();
        long quarantined = em.createQuery("SELECT count(q) FROM QuarantineEntity q WHERE q.peerId = :p", Long.class)
                .setParameter("p", peerId)
                .getSingleResult();
        return PeerStatusMapper.status(peerId, state, mirrored, quarantined, scheduler.isRunning(peerId));
    }
}
