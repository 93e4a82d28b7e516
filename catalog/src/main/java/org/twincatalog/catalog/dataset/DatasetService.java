package org.twincatalog.catalog.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Distribution;
import org.twincatalog.catalog.error.Conflict;
import org.twincatalog.catalog.error.NotFound;
import org.twincatalog.catalog.organization.OrganizationService;
import org.twincatalog.catalog.record.Page;
import org.twincatalog.catalog.record.RecordEntity;
import org.twincatalog.catalog.record.RecordFilter;
import org.twincatalog.catalog.record.RecordMapper;
import org.twincatalog.catalog.record.RecordStore;
import org.twincatalog.catalog.record.RecordType;
import org.twincatalog.catalog.record.Violations;

/** Registers, updates and withdraws datasets and their distributions. */
@ApplicationScoped
public class DatasetService {
    private final RecordStore store;
    private final OrganizationService organizations;

    public DatasetService(RecordStore store, OrganizationService organizations) {
        this.store = store;
        this.organizations = organizations;
    }

    @Transactional
    public Dataset create(Dataset dataset) {
        if (dataset.getId() == null) {
            dataset.setId(UUID.randomUUID().toString());
        }
        validate(dataset, new Violations());
        assignDistributionIds(dataset.getDistributions());
        return toModel(store.create(RecordType.DATASET, dataset.getId(), dataset.getPublisher(), document(dataset)));
    }

    /** Replaces a dataset; omitted distributions are kept, a given list replaces them. */
    @Transactional
    public Dataset update(String id, Dataset dataset, Long expectedVersion) {
        Violations v = new Violations();
        if (dataset.getId() != null && !dataset.getId().equals(id)) {
            v.add("/id", "the body's id '" + dataset.getId() + "' differs from the URL's '" + id + "'");
        }
        dataset.setId(id);
        Dataset current = get(id);
        if (dataset.getDistributions() == null) {
            dataset.setDistributions(current.getDistributions());
        }
        validate(dataset, v);
        assignDistributionIds(dataset.getDistributions());
        return toModel(
                store.update(RecordType.DATASET, id, expectedVersion, dataset.getPublisher(), document(dataset)));
    }

    @Transactional
    public void withdraw(String id, Long expectedVersion) {
        store.withdraw(RecordType.DATASET, id, expectedVersion);
    }

    public Dataset get(String id) {
        return toModel(store.getPublished(RecordType.DATASET, id));
    }

    public Page<Dataset> list(String publisher, boolean includeWithdrawn, long afterSeq, int limit) {
        Page<RecordEntity> page = store.page(
                RecordType.DATASET, new RecordFilter(publisher, includeWithdrawn, null, null), afterSeq, limit);
        return new Page<>(page.items().stream().map(DatasetService::toModel).toList(), page.total(), page.next());
    }

    public List<Dataset> allPublished() {
        return store.allPublished(RecordType.DATASET).stream()
                .map(DatasetService::toModel)
                .toList();
    }

    public long countPublished() {
        return store.countPublished(RecordType.DATASET);
    }

    public Distribution getDistribution(String datasetId, String distributionId) {
        return distributions(get(datasetId)).stream()
                .filter(d -> distributionId.equals(d.getId()))
                .findFirst()
                .orElseThrow(
                        () -> new NotFound("Dataset '" + datasetId + "' has no distribution '" + distributionId + "'"));
    }

    /** Adds a distribution; answers the dataset's new state. */
    @Transactional
    public Dataset addDistribution(String datasetId, Distribution distribution, Long expectedVersion) {
        Dataset dataset = get(datasetId);
        Violations v = new Violations();
        DistributionValidator.check(v, "", distribution);
        v.throwIfAny("distribution");
        List<Distribution> all = new ArrayList<>(distributions(dataset));
        if (distribution.getId() != null
                && all.stream().anyMatch(d -> distribution.getId().equals(d.getId()))) {
            throw new Conflict("Dataset '" + datasetId + "' already has a distribution '" + distribution.getId() + "'");
        }
        if (distribution.getId() == null) {
            distribution.setId(newDistributionId());
        }
        all.add(distribution);
        dataset.setDistributions(all);
        return toModel(store.update(
                RecordType.DATASET, datasetId, expectedVersion, dataset.getPublisher(), document(dataset)));
    }

    @Transactional
    public Dataset removeDistribution(String datasetId, String distributionId, Long expectedVersion) {
        Dataset dataset = get(datasetId);
        List<Distribution> all = new ArrayList<>(distributions(dataset));
        if (!all.removeIf(d -> distributionId.equals(d.getId()))) {
            throw new NotFound("Dataset '" + datasetId + "' has no distribution '" + distributionId + "'");
        }
        dataset.setDistributions(all);
        return toModel(store.update(
                RecordType.DATASET, datasetId, expectedVersion, dataset.getPublisher(), document(dataset)));
    }

    private void validate(Dataset dataset, Violations v) {
        DatasetValidator.check(v, dataset);
        if (dataset.getPublisher() != null
                && Violations.ID.matcher(dataset.getPublisher()).matches()
                && !organizations.exists(dataset.getPublisher())) {
            v.add("/publisher", "no organization with id '" + dataset.getPublisher() + "' is registered");
        }
        v.throwIfAny("dataset");
    }

    private static void assignDistributionIds(List<Distribution> distributions) {
        if (distributions != null) {
            distributions.stream().filter(d -> d.getId() == null).forEach(d -> d.setId(newDistributionId()));
        }
    }

    private static String newDistributionId() {
        return UUID.randomUUID().toString();
    }

    static List<Distribution> distributions(Dataset dataset) {
        return Objects.requireNonNullElse(dataset.getDistributions(), List.of());
    }

    private static String document(Dataset dataset) {
        return RecordMapper.toDocument(dataset);
    }

    static Dataset toModel(RecordEntity record) {
        return RecordMapper.toModel(record, Dataset.class);
    }
}
