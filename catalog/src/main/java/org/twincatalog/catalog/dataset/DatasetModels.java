package org.twincatalog.catalog.dataset;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Distribution;
import org.twincatalog.catalog.record.RecordEntity;
import org.twincatalog.catalog.record.RecordMapper;
import org.twincatalog.catalog.standards.ProfileAssessment;

/** A dataset record as the contract's model, and back: the conversions the dataset package shares. */
final class DatasetModels {
    private DatasetModels() {}

    /** The stored record as the model, with its profile assessment (warnings, quality). */
    static Dataset toModel(RecordEntity record) {
        return ProfileAssessment.applyTo(RecordMapper.toModel(record, Dataset.class), record.assessment);
    }

    /** The stored document: the model without what the node computes. */
    static String document(Dataset dataset) {
        return RecordMapper.toDocument(ProfileAssessment.strip(dataset));
    }

    /** Keeps the profile's warnings and quality with the record, outside its content. */
    static Dataset assessed(RecordEntity record, ProfileAssessment assessment) {
        record.assessment = assessment.toJson();
        return toModel(record);
    }

    static List<Distribution> distributions(Dataset dataset) {
        return Objects.requireNonNullElse(dataset.getDistributions(), List.of());
    }

    static void assignDistributionIds(List<Distribution> distributions) {
        if (distributions != null) {
            distributions.stream()
                    .filter(d -> d != null && d.getId() == null)
                    .forEach(d -> d.setId(newDistributionId()));
        }
    }

    static String newDistributionId() {
        return UUID.randomUUID().toString();
    }
}
