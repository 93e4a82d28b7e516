package org.twincatalog.catalog.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.UUID;
import org.twincatalog.access.Action;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.catalog.record.RecordIds;
import org.twincatalog.catalog.record.Violations;
import org.twincatalog.catalog.standards.ProfileAssessment;

/**
 * Registers, replaces and withdraws datasets. Their distributions are changed through {@link
 * DistributionService}; datasets are read through {@link DatasetReads}.
 */
@ApplicationScoped
public class DatasetService {
    private final DatasetWrites writes;
    private final DatasetValidation validation;

    DatasetService(DatasetWrites writes, DatasetValidation validation) {
        this.writes = writes;
        this.validation = validation;
    }

    @Transactional
    public Dataset create(Dataset dataset) {
        Violations v = Violations.of(dataset);
        RecordIds.checkChosen(v, dataset.getId(), dataset.getPublisher());
        if (dataset.getId() == null) {
            dataset.setId(UUID.randomUUID().toString());
        }
        ProfileAssessment assessment = validation.dataset(dataset, v);
        writes.requireCreate(dataset);
        return writes.create(dataset, assessment);
    }

    /** Replaces a dataset; omitted distributions are kept, a given list replaces them. */
    @Transactional
    public Dataset update(String id, Dataset dataset, Long expectedVersion) {
        Violations v = Violations.of(dataset);
        if (dataset.getId() != null && !dataset.getId().equals(id)) {
            v.add("/id", "the body's id '" + dataset.getId() + "' differs from the URL's '" + id + "'");
        }
        dataset.setId(id);
        Dataset current = writes.writable(id, Action.UPDATE);
        if (dataset.getDistributions() == null) {
            dataset.setDistributions(current.getDistributions());
        }
        RecordIds.checkMove(v, id, current.getPublisher(), dataset.getPublisher());
        ProfileAssessment assessment = validation.dataset(dataset, v);
        if (!Objects.equals(current.getPublisher(), dataset.getPublisher())) {
            writes.requireCreate(dataset);
        }
        return writes.update(id, dataset, expectedVersion, assessment);
    }

    @Transactional
    public void withdraw(String id, Long expectedVersion) {
        writes.withdraw(id, expectedVersion);
    }
}
