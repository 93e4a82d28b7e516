package org.twincatalog.federation.harvest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.twincatalog.api.v1.model.Change;
import org.twincatalog.api.v1.model.ChangeKind;
import org.twincatalog.api.v1.model.DataService;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.HarvestFeedEntry;
import org.twincatalog.api.v1.model.HarvestFeedPage;
import org.twincatalog.api.v1.model.Organization;
import org.twincatalog.catalog.NodeConfig;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.catalog.access.CatalogAccess;
import org.twincatalog.catalog.changes.ChangeEntity;
import org.twincatalog.catalog.changes.ChangeLog;
import org.twincatalog.catalog.changes.feed.VisibleChanges;
import org.twincatalog.catalog.record.RecordEntity;
import org.twincatalog.catalog.record.RecordMapper;
import org.twincatalog.catalog.record.RecordStore;

/**
 * The feed parents harvest: the visible change feed with each record's current state as the
 * caller may see it (data fields only with data access), one page per call.
 */
@ApplicationScoped
public class HarvestFeed {
    private final ChangeLog changeLog;
    private final VisibleChanges visibleChanges;
    private final RecordStore store;
    private final CatalogAccess access;
    private final NodeConfig node;
    private final EntityManager em;

    public HarvestFeed(
            ChangeLog changeLog,
            VisibleChanges visibleChanges,
            RecordStore store,
            CatalogAccess access,
            NodeConfig node,
            EntityManager em) {
        this.em = em;
        this.changeLog = changeLog;
        this.visibleChanges = visibleChanges;
        this.store = store;
        this.access = access;
        this.node = node;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public HarvestFeedPage page(long after, int limit) {
        // Read the head first: every change up to it has committed (see ChangeResource).
        long head = changeLog.lastSequence();
        VisibleChanges.Feed rows = visibleChanges.withHidden(after, head, limit + 1);
        boolean more = rows.changes().size() > limit;
        List<ChangeEntity> page = more ? rows.changes().subList(0, limit) : rows.changes();
        List<HarvestFeedEntry> entries = new ArrayList<>(page.size());
        for (ChangeEntity c : page) {
            entries.add(rows.hidden().contains(c.sequence) ? hidden(c) : entry(c));
        }
        // Cursor and head are sequences of changes this caller may see (see ChangeResource).
        long next = page.isEmpty() ? after : page.get(page.size() - 1).sequence;
        return new HarvestFeedPage()
                .node(node.id())
                .entries(entries)
                .next(next)
                .hasMore(more)
                .head(more ? visibleChanges.latestWithHidden(next, head) : next);
    }

    /**
     * A change that took the record out of the caller's sight: its id and the version and hash the
     * caller last could see, nothing of the state it has now.
     */
    private HarvestFeedEntry hidden(ChangeEntity c) {
        ChangeEntity seen = em.createQuery(
                        "FROM ChangeEntity p WHERE p.recordType = :type AND p.recordId = :id AND p.sequence < :seq"
                                + " ORDER BY p.sequence DESC",
                        ChangeEntity.class)
                .setParameter("type", c.recordType)
                .setParameter("id", c.recordId)
                .setParameter("seq", c.sequence)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(c);
        return new HarvestFeedEntry()
                .change(new Change()
                        .sequence(c.sequence)
                        .recordType(org.twincatalog.api.v1.model.RecordType.fromValue(c.recordType))
                        .recordId(c.recordId)
                        .kind(ChangeKind.HIDDEN)
                        .recordVersion(seen.recordVersion)
                        .time(c.changedAt.atOffset(ZoneOffset.UTC))
                        .contentHash(seen.contentHash));
    }

    private HarvestFeedEntry entry(ChangeEntity c) {
        HarvestFeedEntry entry = new HarvestFeedEntry().change(toModel(c));
        RecordType type = RecordType.ofCode(c.recordType);
        RecordEntity record = store.find(type, c.recordId).orElse(null);
        if (record == null) {
            return entry;
        }
        switch (type) {
            case DATASET -> {
                Dataset d = RecordMapper.toModel(record, Dataset.class);
                if (!access.showsData(record)) {
                    d.setDistributions(null);
                }
                if (d.getOrigin() != null && !isMirror(type, record.id)) {
                    d.setOrigin(null); // written by a local publisher, not by harvesting: not trusted
                }
                entry.dataset(d);
            }
            case SERVICE -> {
                DataService s = RecordMapper.toModel(record, DataService.class);
                if (!access.showsData(record)) {
                    s.setEndpointUrl(null);
                }
                if (s.getOrigin() != null && !isMirror(type, record.id)) {
                    s.setOrigin(null);
                }
                entry.service(s);
            }
            case ORGANIZATION -> entry.organization(RecordMapper.toModel(record, Organization.class));
        }
        return entry;
    }

    private boolean isMirror(RecordType type, String id) {
        return em.find(MirrorEntity.class, new MirrorKey(type.code(), id)) != null;
    }

    private static Change toModel(ChangeEntity c) {
        return new Change()
                .sequence(c.sequence)
                .recordType(org.twincatalog.api.v1.model.RecordType.fromValue(c.recordType))
                .recordId(c.recordId)
                .kind(ChangeKind.fromValue(c.kind))
                .recordVersion(c.recordVersion)
                .time(c.changedAt.atOffset(ZoneOffset.UTC))
                .contentHash(c.contentHash);
    }
}
