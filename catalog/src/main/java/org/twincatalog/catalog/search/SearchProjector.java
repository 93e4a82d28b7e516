package org.twincatalog.catalog.search;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;
import org.twincatalog.access.AccessLevel;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Organization;
import org.twincatalog.catalog.NodeConfig;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.catalog.access.CatalogAccess;
import org.twincatalog.catalog.access.VisibilityPredicate;
import org.twincatalog.catalog.changes.ChangeEntity;
import org.twincatalog.catalog.changes.ChangeLog;
import org.twincatalog.catalog.changes.ProjectionPoller;
import org.twincatalog.catalog.record.RecordEntity;
import org.twincatalog.catalog.record.RecordMapper;
import org.twincatalog.catalog.record.RecordStore;

/**
 * Keeps the search index a projection of the change log: from the sequence the index last
 * committed, it reads changes in batches, loads each changed dataset's current state, and applies
 * the batch with its last sequence in one index commit. It catches up at start (an empty or
 * missing index is rebuilt from the whole log), polls for changes of other processes, and is
 * asked to catch up before each search so that a caller finds what it just wrote.
 */
@ApplicationScoped
public class SearchProjector {
    private static final Logger LOG = Logger.getLogger(SearchProjector.class);
    /** A catch-up of at least this many changes is a bulk load, after which the index is compacted. */
    static final int COMPACT_AFTER = 50_000;

    private final ChangeLog changeLog;
    private final RecordStore store;
    private final SearchConfig config;
    private final String nodeId;
    private final DatasetIndex index;
    private ProjectionPoller poller;

    public SearchProjector(
            ChangeLog changeLog, RecordStore store, SearchConfig config, NodeConfig node, DatasetIndex index) {
        this.changeLog = changeLog;
        this.store = store;
        this.config = config;
        this.nodeId = node.id();
        this.index = index;
    }

    void onStart(@Observes StartupEvent event) {
        long started = System.nanoTime();
        String log = changeLog.identity();
        boolean foreign = index.bindTo(log);
        if (!foreign && index.appliedSequence() > changeLog.lastSequence()) {
            // the same log, but behind the index: the database was restored from an older backup
            index.clear();
            foreign = true;
        }
        if (foreign) {
            LOG.infof("Search index at %s did not match change log %s; rebuilding it", index, log);
        }
        long from = index.appliedSequence();
        int applied = catchUp();
        LOG.infof(
                "Search index at %s: caught up from sequence %d with %d changes in %d ms",
                index, from, applied, (System.nanoTime() - started) / 1_000_000);
        compactAfter(applied);
        poller = ProjectionPoller.start(
                "search-projector", config.pollMillis(), changeLog, () -> compactAfter(catchUp()));
    }

    /** Stops polling; the index itself is closed by its producer when the application stops. */
    void onStop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.close();
        }
    }

    /** The index; caught up once the node has started. */
    public DatasetIndex index() {
        return index;
    }

    /** Catches up with everything this process has committed so far (cheap when up to date). */
    public void catchUpWithThisProcess() {
        if (index.appliedSequence() < changeLog.lastCommittedHere()) {
            catchUp();
        }
    }

    /** Applies every change after the index's sequence; answers how many changes it applied. */
    public synchronized int catchUp() {
        int total = 0;
        while (true) {
            long from = index.appliedSequence();
            Batch batch = QuarkusTransaction.requiringNew().call(() -> readBatch(from));
            if (batch.lastSequence() == from) {
                return total;
            }
            reindexDatasetsOf(batch.renamedPublishers(), from);
            index.apply(batch.upserts(), batch.removals(), batch.lastSequence());
            total += batch.changes();
        }
    }

    /**
     * Re-indexes the published datasets of {@code publishers} (their documents carry those
     * organizations' names): a scan of the datasets along the primary key, a page of {@code
     * batchSize} at a time, each page read in its own transaction and applied without moving the
     * index's sequence. An organization above a million datasets is renamed in bounded memory and
     * time per step, and a crash in between makes the next catch-up do it again from the same
     * sequence. A dataset with a change of its own after that sequence is left to that change.
     */
    private void reindexDatasetsOf(Set<String> publishers, long sequence) {
        if (publishers.isEmpty()) {
            return;
        }
        String after = "";
        while (true) {
            String from = after;
            Page page = QuarkusTransaction.requiringNew().call(() -> {
                List<RecordStore.Owner> owners = store.ownersAfter(RecordType.DATASET, from, config.batchSize());
                Set<String> theirs = new LinkedHashSet<>();
                owners.stream()
                        .filter(o -> o.published() && publishers.contains(o.publisher()))
                        .forEach(o -> theirs.add(o.id()));
                // those with a change of their own ahead are indexed when the catch-up reaches it
                // (after a bulk load: all of them, so they are not indexed twice)
                theirs.removeAll(changeLog.changedAfter(RecordType.DATASET.code(), theirs, sequence));
                String last =
                        owners.isEmpty() ? null : owners.get(owners.size() - 1).id();
                return new Page(last, theirs.isEmpty() ? null : read(theirs, placeNames()));
            });
            if (page.lastId() == null) {
                return;
            }
            if (page.batch() != null) {
                index.apply(page.batch().upserts(), page.batch().removals(), sequence);
            }
            after = page.lastId();
        }
    }

    private record Page(String lastId, Batch batch) {}

    /**
     * Compacts the index after a bulk load, outside the projector's lock: searches, and writers
     * waiting for their own changes, go on meanwhile.
     */
    private void compactAfter(int applied) {
        if (applied >= COMPACT_AFTER) {
            long started = System.nanoTime();
            index.compact();
            LOG.infof(
                    "Search index compacted after %d changes in %d ms",
                    applied, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private record Batch(
            List<IndexedDataset> upserts,
            List<String> removals,
            long lastSequence,
            int changes,
            Set<String> renamedPublishers) {}

    private Batch readBatch(long from) {
        List<ChangeEntity> changes = changeLog.after(from, config.batchSize());
        if (changes.isEmpty()) {
            return new Batch(List.of(), List.of(), from, 0, Set.of());
        }
        Set<String> datasets = new LinkedHashSet<>();
        Set<String> organizations = new LinkedHashSet<>();
        for (ChangeEntity change : changes) {
            if (RecordType.DATASET.code().equals(change.recordType)) {
                datasets.add(change.recordId);
            } else if (RecordType.ORGANIZATION.code().equals(change.recordType)) {
                organizations.add(change.recordId);
            }
        }
        PlaceNames places = placeNames();
        // the organizations' names are in the documents of their datasets and of those of the
        // organizations below them: re-indexed page by page before this batch (reindexDatasetsOf)
        Set<String> renamed = organizations.isEmpty() ? Set.of() : Set.copyOf(places.affectedBy(organizations));
        Batch read = read(datasets, places);
        return new Batch(
                read.upserts(), read.removals(), changes.get(changes.size() - 1).sequence, changes.size(), renamed);
    }

    /** The index entries of {@code datasets} as stored now: upserts, and removals of those gone or withdrawn. */
    private Batch read(Set<String> datasets, PlaceNames places) {
        // One query for the records, then their documents parsed on every core.
        Map<String, RecordEntity> records = store.findAll(RecordType.DATASET, datasets);
        List<RecordEntity> live = new ArrayList<>();
        List<AccessSettings> settings = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        for (String id : datasets) {
            RecordEntity record = records.get(id);
            if (record == null || record.withdrawn()) {
                removals.add(id);
            } else {
                live.add(record);
                settings.add(settings(record));
            }
        }
        List<IndexedDataset> upserts = IntStream.range(0, live.size())
                .parallel()
                .mapToObj(i -> indexed(live.get(i), settings.get(i), places))
                .toList();
        return new Batch(upserts, removals, 0, 0, Set.of());
    }

    private IndexedDataset indexed(RecordEntity record, AccessSettings settings, PlaceNames places) {
        Dataset dataset = RecordMapper.toModel(record, Dataset.class);
        String origin =
                dataset.getOrigin() == null ? nodeId : dataset.getOrigin().getNode();
        return new IndexedDataset(dataset, settings, origin, places.of(dataset));
    }

    /** The place names of the node's published organizations (a few hundred records), read per batch. */
    private PlaceNames placeNames() {
        return new PlaceNames(store.allPublished(RecordType.ORGANIZATION).stream()
                .map(o -> RecordMapper.toModel(o, Organization.class))
                .toList());
    }

    /**
     * The record's settings; its {@code sharedWith} links are read only when a level is restricted
     * (as {@link CatalogAccess} does): the links of other records do not matter, and each query
     * makes the session check every record loaded so far in the batch for changes to flush.
     */
    private AccessSettings settings(RecordEntity record) {
        AccessSettings settings = CatalogAccess.protect(record).settings();
        if (!AccessLevel.RESTRICTED.equals(settings.metadataVisibility())
                && !AccessLevel.RESTRICTED.equals(settings.effectiveDataAccess())) {
            return settings;
        }
        return settings.withSharedWith(
                Set.copyOf(store.linkTargets(RecordType.DATASET, record.id, VisibilityPredicate.SHARED_WITH)));
    }
}
