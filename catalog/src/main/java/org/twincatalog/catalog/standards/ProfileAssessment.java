package org.twincatalog.catalog.standards;

import java.util.List;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.DatasetQuality;
import org.twincatalog.api.v1.model.FieldError;
import org.twincatalog.catalog.record.DocumentCodec;

/**
 * What the metadata profile says about a dataset that passed it: the warnings (with JSON
 * Pointers) and the DQV quality. Computed on each write and kept with the record as JSON, so reads
 * do not recompute it.
 *
 * @param warnings recommended fields the dataset lacks; empty when none
 * @param quality the quality figures at the time of the write
 */
public record ProfileAssessment(List<FieldError> warnings, DatasetQuality quality) {

    public ProfileAssessment {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** The JSON kept with the record. */
    public String toJson() {
        return DocumentCodec.write(this);
    }

    /**
     * Puts a stored assessment on a dataset read from the store; {@code json} null (a record
     * written before assessments were kept) leaves the fields absent.
     */
    public static Dataset applyTo(Dataset dataset, String json) {
        if (json != null) {
            ProfileAssessment a = DocumentCodec.read(json, ProfileAssessment.class);
            dataset.setWarnings(a.warnings().isEmpty() ? null : a.warnings());
            dataset.setQuality(a.quality());
        }
        return dataset;
    }

    /** Drops the read-only fields from a submitted dataset, so they are never stored as content. */
    public static Dataset strip(Dataset dataset) {
        dataset.setWarnings(null);
        dataset.setQuality(null);
        return dataset;
    }
}
