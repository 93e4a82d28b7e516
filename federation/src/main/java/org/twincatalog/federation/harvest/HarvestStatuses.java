package org.twincatalog.federation.harvest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.twincatalog.api.v1.model.HarvestStatus;

/** The harvest status of peers, for the node directory's API. */
@ApplicationScoped
public class HarvestStatuses {
    private final EntityManager em;
    private final HarvestScheduler scheduler;

    public HarvestStatuses(EntityManager em, HarvestScheduler scheduler) {
        this.em = em;
        this.scheduler = scheduler;
    }

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
