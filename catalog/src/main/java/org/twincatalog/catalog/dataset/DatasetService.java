package org.twincatalog.catalog.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.access.Action;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Distribution;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.catalog.access.AccessSettingsMapper;
import org.twincatalog.catalog.access.CatalogAccess;
import org.twincatalog.catalog.error.Conflict;
import org.twincatalog.catalog.error.NotFound;
import org.twincatalog.catalog.organization.OrganizationService;
import org.twincatalog.catalog.record.Mirrors;
import org.twincatalog.catalog.record.Page;
import org.twincatalog.catalog.record.RecordEntity;
import org.twincatalog.catalog.record.RecordFilter;
import org.twincatalog.catalog.record.RecordIds;
import org.twincatalog.catalog.record.RecordMapper;
import org.twincatalog.catalog.record.RecordStore;
import org.twincatalog.catalog.record.Violations;
import org.twincatalog.catalog.standards.DatasetProfileService;
import org.twincatalog.catalog.standards.ProfileAssessment;

/** Registers, updates and withdraws datasets and their distributions. */
@ApplicationScoped
public class DatasetService {
    private final RecordStore store;
    private final OrganizationService organizations;
    private final DatasetProfileService profile;
    private final CatalogAccess access;

    public DatasetService(
            RecordStore store, OrganizationService organizations, DatasetProfileService profile, CatalogAccess access) {
        this.store = store;
        this.organizations = organizations;
        this.profile = profile;
        this.access = access;
    }

    @Transactional
    public Dataset create(Dataset dataset) {
        Violations v = Violations.of(dataset);
        RecordIds.checkChosen(v, dataset.getId(), dataset.getPublisher());
        if (dataset.getId() == null) {
            dataset.setId(UUID.randomUUID().toString());
        }
        ProfileAssessment assessment = validate(dataset, v);
        access.requireCreate(RecordType.DATASET, dataset.getId(), dataset.getPublisher(), settings(dataset));
        return assessed(
                written(
                        Action.CREATE,
                        dataset,
                        store.create(RecordType.DATASET, dataset.getId(), dataset.getPublisher(), document(dataset))),
                assessment);
    }

    /** Replaces a dataset; omitted distributions are kept, a given list replaces them. */
    @Transactional
    public Dataset update(String id, Dataset dataset, Long expectedVersion) {
        Violations v = Violations.of(dataset);
        if (dataset.getId() != null && !dataset.getId().equals(id)) {
            v.add("/id", "the body's id '" + dataset.getId() + "' differs from the URL's '" + id + "'");
        }
        dataset.setId(id);
        Dataset current = writable(id, Action.UPDATE);
        if (dataset.getDistributions() == null) {
            dataset.setDistributions(current.getDistributions());
        }
        RecordIds.checkMove(v, id, current.getPublisher(), dataset.getPublisher());
        ProfileAssessment assessment = validate(dataset, v);
        if (!Objects.equals(current.getPublisher(), dataset.getPublisher())) {
            access.requireCreate(RecordType.DATASET, id, dataset.getPublisher(), settings(dataset));
        }
        return saveUpdate(id, dataset, expectedVersion, assessment);
    }

    @Transactional
    public void withdraw(String id, Long expectedVersion) {
        writable(id, Action.WITHDRAW);
        access.recordWrite(Action.WITHDRAW, store.withdraw(RecordType.DATASET, id, expectedVersion));
    }

    /** The dataset if the caller may see it; its distributions only if the caller may access its data. */
    public Dataset get(String id) {
        RecordEntity record = access.readable(RecordType.DATASET, id);
        Dataset dataset = toModel(record);
        if (!access.mayAccessData(record)) {
            dataset.setDistributions(null);
        }
        return dataset;
    }

    /** The distributions, if the caller may access the dataset's data (403 with the way to get it otherwise). */
    public List<Distribution> listDistributions(String datasetId) {
        RecordEntity record = access.readable(RecordType.DATASET, datasetId);
        access.require(Action.ACCESS_DATA, record, null);
        return distributions(toModel(record));
    }

    public Page<Dataset> list(String publisher, boolean includeWithdrawn, long afterSeq, int limit) {
        Page<RecordEntity> page = store.page(
                RecordType.DATASET,
                new RecordFilter(publisher, includeWithdrawn, null, null),
                access.visibility(),
                afterSeq,
                limit);
        access.recordQuery("list-datasets", "datasets", page.items().size());
        return new Page<>(page.items().stream().map(this::shown).toList(), page.total(), page.next());
    }

    /** The published datasets the caller may see (for the DCAT export). */
    public List<Dataset> allPublished() {
        List<Dataset> shown = store.allPublished(RecordType.DATASET, access.visibility()).stream()
                .map(this::shown)
                .toList();
        access.recordQuery("export-datasets", "datasets", shown.size());
        return shown;
    }

    /**
     * The published datasets with these ids that the caller may see, in the given order, as a list
     * shows them (distributions only with data access; not audited per item). Missing, withdrawn
     * and hidden ids are left out: for pages of search hits, which the search has already audited.
     */
    public List<Dataset> shownByIds(List<String> ids) {
        List<Dataset> shown = new ArrayList<>(ids.size());
        for (String id : ids) {
            store.find(RecordType.DATASET, id)
                    .filter(r -> !r.withdrawn() && access.showsMetadata(r))
                    .map(this::shown)
                    .ifPresent(shown::add);
        }
        return shown;
    }

    /** How many published datasets the caller may see. */
    public long countPublished() {
        return store.countPublished(RecordType.DATASET, access.visibility());
    }

    public Distribution getDistribution(String datasetId, String distributionId) {
        return listDistributions(datasetId).stream()
                .filter(d -> distributionId.equals(d.getId()))
                .findFirst()
                .orElseThrow(
                        () -> new NotFound("Dataset '" + datasetId + "' has no distribution '" + distributionId + "'"));
    }

    /** Adds a distribution; answers the dataset's new state. */
    @Transactional
    public Dataset addDistribution(String datasetId, Distribution distribution, Long expectedVersion) {
        Dataset dataset = writable(datasetId, Action.UPDATE);
        Violations v = Violations.of(distribution);
        DistributionValidator.check(v, "", distribution);
        List<Distribution> all = new ArrayList<>(distributions(dataset));
        if (distribution.getId() != null
                && all.stream().anyMatch(d -> distribution.getId().equals(d.getId()))) {
            v.throwIfAny("distribution");
            throw new Conflict("Dataset '" + datasetId + "' already has a distribution '" + distribution.getId() + "'");
        }
        if (distribution.getId() == null) {
            distribution.setId(newDistributionId());
        }
        all.add(distribution);
        dataset.setDistributions(all);
        String added = "/distributions/" + (all.size() - 1);
        ProfileAssessment assessment =
                profile.assess(dataset, p -> p.startsWith(added) ? p.substring(added.length()) : p, v);
        v.throwIfAny("distribution");
        return saveUpdate(datasetId, dataset, expectedVersion, assessment);
    }

    /**
     * Changes one distribution in place (for example to record a hosted file); answers the
     * dataset's new state. Checks the update right, the distribution rules and the profile.
     *
     * @throws NotFound when the dataset has no such distribution
     */
    @Transactional
    public Dataset changeDistribution(
            String datasetId,
            String distributionId,
            java.util.function.UnaryOperator<Distribution> change,
            Long expectedVersion) {
        Dataset dataset = writable(datasetId, Action.UPDATE);
        List<Distribution> all = new ArrayList<>(distributions(dataset));
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
        ProfileAssessment assessment = profile.assess(dataset, UnaryOperator.identity(), v);
        v.throwIfAny("distribution");
        return saveUpdate(datasetId, dataset, expectedVersion, assessment);
    }

    /** Writes a new version of a dataset the caller may update, audits it and attaches its assessment. */
    private Dataset saveUpdate(String id, Dataset dataset, Long expectedVersion, ProfileAssessment assessment) {
        return assessed(
                written(
                        Action.UPDATE,
                        dataset,
                        store.update(
                                RecordType.DATASET, id, expectedVersion, dataset.getPublisher(), document(dataset))),
                assessment);
    }

    @Transactional
    public Dataset removeDistribution(String datasetId, String distributionId, Long expectedVersion) {
        Dataset dataset = writable(datasetId, Action.UPDATE);
        List<Distribution> all = new ArrayList<>(distributions(dataset));
        if (!all.removeIf(d -> distributionId.equals(d.getId()))) {
            throw new NotFound("Dataset '" + datasetId + "' has no distribution '" + distributionId + "'");
        }
        dataset.setDistributions(all);
        ProfileAssessment assessment = profile.assess(dataset);
        return saveUpdate(datasetId, dataset, expectedVersion, assessment);
    }

    /**
     * The Java rules, then the metadata profile (on the dataset with its distributions' ids): every
     * problem of both in one answer. Answers the profile's warnings and quality to keep.
     */
    private ProfileAssessment validate(Dataset dataset, Violations v) {
        DatasetValidator.check(v, dataset);
        Mirrors.rejectOrigin(v, dataset.getOrigin());
        if (dataset.getPublisher() != null
                && Violations.ID.matcher(dataset.getPublisher()).matches()
                && !organizations.exists(dataset.getPublisher())) {
            v.add("/publisher", "no organization with id '" + dataset.getPublisher() + "' is registered");
        }
        dataset.setAccess(
                AccessSettingsMapper.toModel(AccessSettingsMapper.fromModel(dataset.getAccess(), v, "/access")));
        assignDistributionIds(dataset.getDistributions());
        ProfileAssessment assessment = profile.assess(dataset, UnaryOperator.identity(), v);
        v.throwIfAny("dataset");
        return assessment;
    }

    /** The current dataset, if the caller may see it and perform {@code action} on it, and it is no mirror. */
    private Dataset writable(String id, Action action) {
        RecordEntity record = access.readable(RecordType.DATASET, id);
        access.require(action, record, null);
        Mirrors.requireLocal(record);
        return toModel(record);
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

    /** A listed dataset: its distributions only when the caller may access its data (not audited per item). */
    private Dataset shown(RecordEntity record) {
        Dataset dataset = toModel(record);
        if (!access.showsData(record)) {
            dataset.setDistributions(null);
        }
        return dataset;
    }

    private static void assignDistributionIds(List<Distribution> distributions) {
        if (distributions != null) {
            distributions.stream()
                    .filter(d -> d != null && d.getId() == null)
                    .forEach(d -> d.setId(newDistributionId()));
        }
    }

    private static String newDistributionId() {
        return UUID.randomUUID().toString();
    }

    static List<Distribution> distributions(Dataset dataset) {
        return Objects.requireNonNullElse(dataset.getDistributions(), List.of());
    }

    /** Keeps the profile's warnings and quality with the record, outside its content. */
    private static Dataset assessed(RecordEntity record, ProfileAssessment assessment) {
        record.assessment = assessment.toJson();
        return toModel(record);
    }

    private static String document(Dataset dataset) {
        return RecordMapper.toDocument(ProfileAssessment.strip(dataset));
    }

    static Dataset toModel(RecordEntity record) {
        return ProfileAssessment.applyTo(RecordMapper.toModel(record, Dataset.class), record.assessment);
    }
}
