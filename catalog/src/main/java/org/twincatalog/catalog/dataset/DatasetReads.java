package org.twincatalog.catalog.dataset;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.twincatalog.access.Action;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Distribution;
import org.twincatalog.catalog.NotFound;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.catalog.access.CatalogAccess;
import org.twincatalog.catalog.record.Page;
import org.twincatalog.catalog.record.RecordEntity;
import org.twincatalog.catalog.record.RecordFilter;
import org.twincatalog.catalog.record.RecordStore;

/**
 * Reads datasets as the caller may see them: one, a page, every published one (for exports), or
 * the ones a search found; distributions only with data access.
 */
@ApplicationScoped
public class DatasetReads {
    private final RecordStore store;
    private final CatalogAccess access;

    public DatasetReads(RecordStore store, CatalogAccess access) {
        this.store = store;
        this.access = access;
    }

    /** The dataset if the caller may see it; its distributions only if the caller may access its data. */
    public Dataset get(String id) {
        RecordEntity record = access.readable(RecordType.DATASET, id);
        Dataset dataset = DatasetModels.toModel(record);
        if (!access.mayAccessData(record)) {
            dataset.setDistributions(null);
        }
        return dataset;
    }

    /** The distributions, if the caller may access the dataset's data (403 with the way to get it otherwise). */
    public List<Distribution> listDistributions(String datasetId) {
        RecordEntity record = access.readable(RecordType.DATASET, datasetId);
        access.require(Action.ACCESS_DATA, record, null);
        return DatasetModels.distributions(DatasetModels.toModel(record));
    }

    public Distribution getDistribution(String datasetId, String distributionId) {
        return listDistributions(datasetId).stream()
                .filter(d -> distributionId.equals(d.getId()))
                .findFirst()
                .orElseThrow(
                        () -> new NotFound("Dataset '" + datasetId + "' has no distribution '" + distributionId + "'"));
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

    /** A listed dataset: its distributions only when the caller may access its data (not audited per item). */
    private Dataset shown(RecordEntity record) {
        Dataset dataset = DatasetModels.toModel(record);
        if (!access.showsData(record)) {
            dataset.setDistributions(null);
        }
        return dataset;
    }
}
