package org.twincatalog.catalog.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.UnaryOperator;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.catalog.access.AccessSettingsMapper;
import org.twincatalog.catalog.organization.OrganizationService;
import org.twincatalog.catalog.record.Mirrors;
import org.twincatalog.catalog.record.Violations;
import org.twincatalog.catalog.standards.DatasetProfileService;
import org.twincatalog.catalog.standards.ProfileAssessment;

/**
 * The validation of a dataset write, in order: the Java rules, then the metadata profile on the
 * dataset as it would be stored. Every problem of both comes in one answer; the profile's warnings
 * and quality are answered to keep with the record.
 */
@ApplicationScoped
class DatasetValidation {
    private final OrganizationService organizations;
    private final DatasetProfileService profile;

    DatasetValidation(OrganizationService organizations, DatasetProfileService profile) {
        this.organizations = organizations;
        this.profile = profile;
    }

    /**
     * A whole dataset (create, update): the Java rules, a registered publisher, normalized access
     * settings and distribution ids, then the profile.
     */
    ProfileAssessment dataset(Dataset dataset, Violations v) {
        DatasetValidator.check(v, dataset);
        Mirrors.rejectOrigin(v, dataset.getOrigin());
        if (dataset.getPublisher() != null
                && Violations.ID.matcher(dataset.getPublisher()).matches()
                && !organizations.exists(dataset.getPublisher())) {
            v.add("/publisher", "no organization with id '" + dataset.getPublisher() + "' is registered");
        }
        dataset.setAccess(
                AccessSettingsMapper.toModel(AccessSettingsMapper.fromModel(dataset.getAccess(), v, "/access")));
        DatasetModels.assignDistributionIds(dataset.getDistributions());
        ProfileAssessment assessment = profile.assess(dataset, UnaryOperator.identity(), v);
        v.throwIfAny("dataset");
        return assessment;
    }

    /**
     * The profile on a dataset with a new or changed distribution, whose rules the caller has
     * checked into {@code v}; {@code pointers} turns the profile's pointers into the body's.
     */
    ProfileAssessment withDistribution(Dataset dataset, UnaryOperator<String> pointers, Violations v) {
        ProfileAssessment assessment = profile.assess(dataset, pointers, v);
        v.throwIfAny("distribution");
        return assessment;
    }

    /** The profile alone, for a dataset that lost a distribution (no body to check). */
    ProfileAssessment remaining(Dataset dataset) {
        return profile.assess(dataset);
    }
}
