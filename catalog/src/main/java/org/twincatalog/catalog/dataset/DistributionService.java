package org.twincatalog.catalog.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.twincatalog.access.Action;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Distribution;
import org.twincatalog.catalog.Conflict;
import org.twincatalog.catalog.NotFound;
import org.twincatalog.catalog.record.Violations;

/** Adds, changes and removes the distributions of a dataset: each a new version of the dataset. */
@ApplicationScoped
public class DistributionService {
    private final DatasetWrites writes;
    private final DatasetValidation validation;

    DistributionService(DatasetWrites writes, DatasetValidation validation) {
        this.writes = writes;
        this.validation = validation;
    }

    /** Adds a distribution; answers the dataset's new state. */
    @Transactional
    public Dataset add(String datasetId, Distribution distribution, Long expectedVersion) {
        Dataset dataset = writes.writable(datasetId, Action.UPDATE);
        Violations v = Violations.of(distribution);
        DistributionValidator.check(v, "", distribution);
        List<Distribution> all = new ArrayList<>(DatasetModels.distributions(dataset));
        if (distribution.getId() != null
                && all.stream().anyMatch(d -> distribution.getId().equals(d.getId()))) {
            v.throwIfAny("distribution");
            throw new Conflict("Dataset '" + datasetId + "' already has a distribution '" + distribution.getId() + "'");
        }
        if (distribution.getId() == null) {
            distribution.setId(DatasetModels.newDistributionId());
        }
        all.add(distribution);
        dataset.setDistributions(all);
        String added = "/distributions/" + (all.size() - 1);
        return writes.update(
                datasetId,
                dataset,
                expectedVersion,
                validation.withDistribution(dataset, p -> p.startsWith(added) ? p.substring(added.length()) : p, v));
    }

    /**
     * Changes one distribution in place (for example to record a hosted file); answers the
     * dataset's new state. Checks the update right, the distribution rules and the profile.
     *
     * @throws NotFound when the dataset has no such distribution
     */
    @Transactional
    public Dataset change(
            String datasetId, String distributionId, UnaryOperator<Distribution> change, Long expectedVersion) {
        Dataset dataset = writes.writable(datasetId, Action.UPDATE);
        List<Distribution> all = new ArrayList<>(DatasetModels.distributions(dataset));
        int index = -1;
        for (int i = 0; i < all.size(); i++) {
            if (distributionId.equals(all.get(i).getId())) {
                index = i;
            }
        }
        if (index < 0) {
            throw new NotFound("Dataset '" + datasetId + "' has no distribution '" + distributionId + "'");
        }
        Distribution changed = change.apply(all.get(index));
        changed.setId(distributionId);
        Violations v = new Violations().text("/distributions/" + index, changed);
        DistributionValidator.check(v, "/distributions/" + index, changed);
        all.set(index, changed);
        dataset.setDistributions(all);
        return writes.update(
                datasetId, dataset, expectedVersion, validation.withDistribution(dataset, UnaryOperator.identity(), v));
    }

    @Transactional
    public Dataset remove(String datasetId, String distributionId, Long expectedVersion) {
        Dataset dataset = writes.writable(datasetId, Action.UPDATE);
        List<Distribution> all = new ArrayList<>(DatasetModels.distributions(dataset));
        if (!all.removeIf(d -> distributionId.equals(d.getId()))) {
            throw new NotFound("Dataset '" + datasetId + "' has no distribution '" + distributionId + "'");
        }
        dataset.setDistributions(all);
        return writes.update(datasetId, dataset, expectedVersion, validation.remaining(dataset));
    }

    /** The distributions of a dataset model (none when it has none, or they are not shown). */
    public static List<Distribution> of(Dataset dataset) {
        return DatasetModels.distributions(dataset);
    }
}
