package org.twincatalog.federation.harvest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.twincatalog.api.v1.model.ChangeKind;
import org.twincatalog.api.v1.model.HarvestFeedEntry;
import org.twincatalog.api.v1.model.HarvestFeedPage;
import org.twincatalog.catalog.Conflict;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.catalog.access.CatalogAccess;
import org.twincatalog.catalog.changes.ChangeLog;
import org.twincatalog.catalog.record.RecordEntity;
import org.twincatalog.catalog.record.RecordStore;
import org.twincatalog.federation.directory.NodeDirectory;
import org.twincatalog.federation.directory.Peer;

/**
 * Writes one page of a peer's feed as mirrors, and the cursor after it, in one transaction: a
 * crash leaves either the whole page and its cursor or neither, so a resumed run starts right
 * after the last committed page. Writing a page twice changes nothing (origin versions already
 * mirrored are skipped), so nothing is ever duplicated either.
 */
@ApplicationScoped
public class MirrorWriter {
    private final EntityManager em;
    private final RecordStore store;
    private final CatalogAccess access;
    private final ChangeLog changeLog;
    private final NodeDirectory directory;

    public MirrorWriter(
            EntityManager em, RecordStore store, CatalogAccess access, ChangeLog changeLog, NodeDirectory directory) {
        this.directory = directory;
        this.em = em;
        this.store = store;
        this.access = access;
        this.changeLog = changeLog;
    }

    /** What a page did. */
    public record PageResult(long applied, long unchanged, long quarantined) {}

    /** The peer's state, created at cursor 0 on first use. */
    @Transactional
    public HarvestStateEntity state(String peerId) {
        HarvestStateEntity state = em.find(HarvestStateEntity.class, peerId);
        if (state == null) {
            state = new HarvestStateEntity();
            state.peerId = peerId;
            em.persist(state);
        }
        return state;
    }

    /** The peer's state if it was ever harvested. */
    @Transactional
    public HarvestStateEntity find(String peerId) {
        return em.find(HarvestStateEntity.class, peerId);
    }

    /**
     * Applies a page read after {@code cursor}. Fails with {@link Conflict} when the stored cursor
     * moved meanwhile (another run of the same peer), leaving everything as it was.
     */
    @Transactional
    public PageResult apply(String peerId, long cursor, HarvestFeedPage page) {
        HarvestStateEntity locked = em.find(HarvestStateEntity.class, peerId, LockModeType.PESSIMISTIC_WRITE);
        if (locked == null || locked.cursor != cursor) {
            throw new Conflict("the harvest cursor of '" + peerId + "' moved while a page was read");
        }
        long applied = 0;
        long unchanged = 0;
        long quarantined = 0;
        List<MirrorCandidate> candidates = new ArrayList<>(page.getEntries().size());
        String peerBaseUrl = directory.peer(peerId).map(Peer::baseUrl).orElse(null);
        List<HarvestFeedEntry> hidden = new ArrayList<>();
        for (HarvestFeedEntry entry : page.getEntries()) {
            if (entry.getChange().getKind() == ChangeKind.HIDDEN) {
                hidden.add(entry);
            } else {
                candidates.add(MirrorCandidate.of(peerId, peerBaseUrl, entry));
            }
        }
        // one update of the change-log counter for the page, not one per record; from here on no
        // local write can commit before this page does (the counter row stays locked)
        changeLog.reserve(page.getEntries().size());
        for (HarvestFeedEntry entry : hidden) {
            if (withdrawHidden(peerId, entry)) {
                applied++;
            } else {
                unchanged++;
            }
        }
        // one look-up of the page's ids instead of two per entry: most entries of a first harvest
        // are new here, and those need no further read
        Set<String> known = existing(candidates);
        for (MirrorCandidate candidate : candidates) {
            String problem = candidate.problem();
            MirrorEntity mirror = null;
            RecordEntity current = null;
            if (problem == null && !candidate.empty()) {
                if (known.contains(key(candidate))) {
                    mirror = em.find(
                            MirrorEntity.class, new MirrorKey(candidate.type().code(), candidate.localId()));
                    current = store.find(candidate.type(), candidate.localId()).orElse(null);
                }
                problem = clash(candidate, mirror, current);
                known.add(key(candidate)); // a later entry of the page may write it again
            }
            if (problem != null) {
                quarantine(peerId, candidate, problem);
                quarantined++;
            } else if (!candidate.empty() && write(peerId, candidate, mirror, current)) {
                applied++;
            } else {
                unchanged++;
            }
            // A record's access links and a quarantine run queries, which flush the session: keep
            // it small, or each such flush would check every entity of the page so far.
            em.flush();
            em.clear();
        }
        changeLog.settle();
        HarvestStateEntity state = em.find(HarvestStateEntity.class, peerId); // still locked by this transaction
        state.cursor = page.getNext();
        state.peerHead = Math.max(page.getHead(), page.getNext());
        if (!page.getHasMore() && state.cursor >= state.peerHead) {
            state.caughtUpAt = now();
        }
        return new PageResult(applied, unchanged, quarantined);
    }

    /** The keys ({@link #key}) of the candidates that have a record or a mirror here. */
    private Set<String> existing(List<MirrorCandidate> candidates) {
        List<MirrorCandidate> looked = candidates.stream()
                .filter(c -> c.problem() == null && !c.empty())
                .toList();
        Set<String> found = new HashSet<>();
        for (int from = 0; from < looked.size(); from += LOOKUP_CHUNK) {
            List<MirrorCandidate> chunk = looked.subList(from, Math.min(looked.size(), from + LOOKUP_CHUNK));
            found.addAll(keysIn("catalog_record", "id", chunk));
            found.addAll(keysIn("federation_mirror", "local_id", chunk));
        }
        return found;
    }

    private static final int LOOKUP_CHUNK = 500;

    /**
     * The keys of {@code candidates} that have a row in {@code table}. A row-value IN list, which
     * H2 answers with one primary-key look-up per row; {@code record_type = ? AND id IN (...)}
     * made it scan every record of the type and page, for each page.
     */
    @SuppressWarnings("unchecked")
    private List<String> keysIn(String table, String idColumn, List<MirrorCandidate> candidates) {
        String rows = String.join(",", java.util.Collections.nCopies(candidates.size(), "(?,?)"));
        var query = em.createNativeQuery("SELECT record_type, " + idColumn + " FROM " + table + " WHERE (record_type, "
                + idColumn + ") IN (" + rows + ")");
        int p = 1;
        for (MirrorCandidate c : candidates) {
            query.setParameter(p++, c.type().code());
            query.setParameter(p++, c.localId());
        }
        List<String> keys = new ArrayList<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            keys.add(row[0] + "/" + row[1]);
        }
        return keys;
    }

    private static String key(MirrorCandidate c) {
        return c.type().code() + "/" + c.localId();
    }

    /**
     * Withdraws the live mirrors of {@code type} that came through {@code peerId} and whose id at
     * the peer is not in {@code shownByPeer}; answers how many.
     */
    @Transactional
    public long withdrawMissing(String peerId, RecordType type, java.util.Set<String> shownByPeer) {
        long withdrawn = 0;
        for (MirrorEntity m : em.createQuery(
                        "FROM MirrorEntity m WHERE m.peerId = :peer AND m.recordType = :type", MirrorEntity.class)
                .setParameter("peer", peerId)
                .setParameter("type", type.code())
                .getResultList()) {
            // the peer's own record has its origin id there; a mirror there has the same id as here
            String idAtPeer = peerId.equals(m.originNode) ? m.originId : m.localId;
            if (shownByPeer.contains(idAtPeer)) {
                continue;
            }
            RecordEntity current = store.find(type, m.localId).orElse(null);
            if (current != null && !current.withdrawn()) {
                store.withdraw(type, m.localId, null);
                withdrawn++;
            }
        }
        return withdrawn;
    }

    /**
     * Withdraws the mirror of a record that left this node's sight at the peer (a {@code hidden}
     * entry: the peer tells only its id there); answers whether there was a live one. The
     * tombstone keeps the visibility the mirror had, so the next tier learns of it like of any
     * withdrawal.
     */
    private boolean withdrawHidden(String peerId, HarvestFeedEntry entry) {
        RecordType type = RecordType.ofCode(entry.getChange().getRecordType().toString());
        if (type == RecordType.ORGANIZATION) {
            return false; // organizations are public identities, never hidden
        }
        String idAtPeer = entry.getChange().getRecordId();
        List<MirrorEntity> mirrors = em.createQuery(
                        "FROM MirrorEntity m WHERE m.peerId = :peer AND m.recordType = :type AND (m.localId = :id"
                                + " OR (m.originNode = :peer AND m.originId = :id))",
                        MirrorEntity.class)
                .setParameter("peer", peerId)
                .setParameter("type", type.code())
                .setParameter("id", idAtPeer)
                .getResultList();
        boolean withdrawn = false;
        for (MirrorEntity m : mirrors) {
            String mirrored = peerId.equals(m.originNode) ? m.originId : m.localId;
            RecordEntity current = store.find(type, m.localId).orElse(null);
            if (mirrored.equals(idAtPeer) && current != null && !current.withdrawn()) {
                store.withdraw(type, m.localId, null);
                m.peerSequence = entry.getChange().getSequence();
                withdrawn = true;
            }
        }
        return withdrawn;
    }

    /** Notes the start of a run. */
    @Transactional
    public void started(String peerId, Instant at, long from) {
        HarvestStateEntity state = state(peerId);
        state.runStartedAt = at;
        state.runFinishedAt = null;
        state.runOutcome = "running";
        state.runFrom = from;
        state.runTo = null;
        state.runApplied = 0;
        state.runUnchanged = 0;
        state.runQuarantined = 0;
        state.runError = null;
    }

    /** Notes the end of a run; {@code error} null when it succeeded. */
    @Transactional
    public void finished(String peerId, PageResult totals, String error) {
        HarvestStateEntity state = state(peerId);
        Instant now = now();
        state.runFinishedAt = now;
        state.runOutcome = error == null ? "ok" : "failed";
        state.runTo = state.cursor;
        state.runApplied = totals.applied();
        state.runUnchanged = totals.unchanged();
        state.runQuarantined = totals.quarantined();
        state.runError = error;
        if (error != null) {
            state.lastError = error.length() > 4000 ? error.substring(0, 4000) : error;
            state.lastErrorAt = now;
        }
    }

    /** A reason not to write the candidate here, or null. */
    private static String clash(MirrorCandidate c, MirrorEntity mirror, RecordEntity current) {
        if (mirror == null && c.type() != RecordType.ORGANIZATION && current != null) {
            return "the mirror id '" + c.localId() + "' is taken by a record registered at this node";
        }
        return null;
    }

    /** Writes the candidate; answers whether anything changed. */
    private boolean write(String peerId, MirrorCandidate c, MirrorEntity mirror, RecordEntity current) {
        if (mirror == null) {
            if (c.withdrawn() || current != null) {
                // a tombstone of a record never mirrored, or an organization registered here
                return false;
            }
            // the access columns go in with the record's insert; links only once it exists
            RecordEntity record =
                    store.create(c.type(), c.localId(), c.publisher(), c.document(), r -> accessColumns(r, c));
            if (!c.settings().sharedWith().isEmpty()) {
                access.apply(record, c.settings());
            }
            mirror = new MirrorEntity();
            mirror.recordType = c.type().code();
            mirror.localId = c.localId();
            mirror.originNode = c.originNode();
            mirror.originId = c.originId();
            remember(mirror, peerId, c);
            em.persist(mirror);
            return true;
        }
        if (!mirror.peerId.equals(peerId)) {
            // the same origin record reached through another peer: the first route keeps it
            return false;
        }
        if (current == null || current.withdrawn()) {
            return false;
        }
        if (c.withdrawn()) {
            store.withdraw(c.type(), c.localId(), null);
            remember(mirror, peerId, c);
            return true;
        }
        if (c.originVersion() <= mirror.originVersion) {
            return false;
        }
        RecordEntity record = store.update(c.type(), c.localId(), null, c.publisher(), c.document());
        access.apply(record, c.settings());
        remember(mirror, peerId, c);
        return true;
    }

    /** The origin's access settings on a new mirror's columns (its links are set once it exists). */
    private static void accessColumns(RecordEntity record, MirrorCandidate c) {
        record.metaVisibility = c.settings().metadataVisibility().id();
        record.dataAccess = c.settings().dataAccess().id();
        record.personalData = c.settings().personalData();
    }

    private static void remember(MirrorEntity mirror, String peerId, MirrorCandidate c) {
        mirror.peerId = peerId;
        mirror.originVersion = c.originVersion();
        mirror.peerSequence = c.change().getSequence();
    }

    private void quarantine(String peerId, MirrorCandidate c, String reason) {
        QuarantineEntity q = new QuarantineEntity();
        q.peerId = peerId;
        q.sequence = c.change().getSequence();
        q.recordType = c.type().code();
        q.recordId = c.change().getRecordId();
        q.reason = reason.length() > 4000 ? reason.substring(0, 4000) : reason;
        q.at = now();
        em.merge(q);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
