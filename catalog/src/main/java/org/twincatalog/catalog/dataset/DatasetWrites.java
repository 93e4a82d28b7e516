package org.twincatalog.catalog.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.access.Action;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.catalog.access.AccessSettingsMapper;
import org.twincatalog.catalog.access.CatalogAccess;
import org.twincatalog.catalog.record.Mirrors;
import org.twincatalog.catalog.record.RecordEntity;
import org.twincatalog.catalog.record.RecordStore;
import org.twincatalog.catalog.record.Violations;
import org.twincatalog.catalog.standards.ProfileAssessment;

/**
 * The steps every dataset write shares: the current dataset if the caller may change it, and the
 * new version stored with its access columns, its audit entry and its profile assessment. Called
 * inside the writer's transaction.
 */
@ApplicationScoped
class DatasetWrites {
    private final RecordStore store;
    private final CatalogAccess access;

    DatasetWrites(RecordStore store, CatalogAccess access) {
        this.store = store;
        this.access = access;
    }

    /** The current dataset, if the caller may see it and perform {@code action} on it, and it is no mirror. */
    Dataset writable(String id, Action action) {
        RecordEntity record = access.readable(RecordType.DATASET, id);
        access.require(action, record, null);
        Mirrors.requireLocal(record);
        return DatasetModels.toModel(record);
    }

    /** Throws unless the caller may create a dataset with this id for its publisher. */
    void requireCreate(Dataset dataset) {
        access.requireCreate(RecordType.DATASET, dataset.getId(), dataset.getPublisher(), settings(dataset));
    }

    /** Stores a new dataset, audits it and attaches its assessment. */
    Dataset create(Dataset dataset, ProfileAssessment assessment) {
        RecordEntity record = store.create(
                RecordType.DATASET, dataset.getId(), dataset.getPublisher(), DatasetModels.document(dataset));
        return DatasetModels.assessed(written(Action.CREATE, dataset, record), assessment);
    }

    /** Writes a new version of a dataset the caller may update, audits it and attaches its assessment. */
    Dataset update(String id, Dataset dataset, Long expectedVersion, ProfileAssessment assessment) {
        RecordEntity record = store.update(
                RecordType.DATASET, id, expectedVersion, dataset.getPublisher(), DatasetModels.document(dataset));
        return DatasetModels.assessed(written(Action.UPDATE, dataset, record), assessment);
    }

    /** Withdraws a dataset the caller may withdraw, and audits it. */
    void withdraw(String id, Long expectedVersion) {
        writable(id, Action.WITHDRAW);
        access.recordWrite(Action.WITHDRAW, store.withdraw(RecordType.DATASET, id, expectedVersion));
    }

    /** Keeps the record's access columns in step with its document and records the write. */
    private RecordEntity written(Action action, Dataset dataset, RecordEntity record) {
        access.apply(record, settings(dataset));
        access.recordWrite(action, record);
        return record;
    }

    private static AccessSettings settings(Dataset dataset) {
        return AccessSettingsMapper.fromModel(dataset.getAccess(), new Violations(), "/access");
    }
}
