package org.twincatalog.catalog.dataset;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import org.twincatalog.api.v1.DatasetsApi;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.DatasetPage;
import org.twincatalog.api.v1.model.Distribution;
import org.twincatalog.catalog.dcat.DcatExporter;
import org.twincatalog.catalog.dcat.RdfFormat;
import org.twincatalog.catalog.record.Cursor;
import org.twincatalog.catalog.record.ETags;
import org.twincatalog.catalog.record.Page;
import org.twincatalog.catalog.web.ReportsEveryProblem;
import org.twincatalog.catalog.web.Responses;

/** {@code /api/v1/datasets} and their distributions. */
@jakarta.ws.rs.Path("")
public class DatasetResource implements DatasetsApi {
    private final DatasetService service;
    private final DistributionService distributions;
    private final DatasetReads reads;
    private final DcatExporter exporter;

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    public DatasetResource(
            DatasetService service, DistributionService distributions, DatasetReads reads, DcatExporter exporter) {
        this.service = service;
        this.distributions = distributions;
        this.reads = reads;
        this.exporter = exporter;
    }

    @Override
    @ReportsEveryProblem
    public Response createDataset(Dataset dataset) {
        Dataset created = service.create(Responses.requireBody(dataset));
        return Responses.created(uriInfo, created, created.getId(), created.getRecordVersion());
    }

    @Override
    public Response getDataset(String datasetId) {
        Dataset dataset = reads.get(datasetId);
        Optional<RdfFormat> rdf = RdfFormat.negotiate(request);
        if (rdf.isPresent()) {
            return Response.ok(
                            DcatExporter.write(exporter.dataset(dataset), rdf.get()),
                            rdf.get().mediaType())
                    .build();
        }
        return Responses.ok(dataset, dataset.getRecordVersion());
    }

    @Override
    public Response listDatasets(String cursor, Integer limit, String publisher, Boolean includeWithdrawn) {
        Page<Dataset> page = reads.list(
                publisher,
                Boolean.TRUE.equals(includeWithdrawn),
                Cursor.decode(cursor),
                Responses.limit(limit, 50, 500));
        return Response.ok(new DatasetPage()
                        .items(page.items())
                        .total(page.total())
                        .next(page.next()))
                .build();
    }

    @Override
    @ReportsEveryProblem
    public Response updateDataset(String datasetId, Dataset dataset, String ifMatch) {
        Long expected = Responses.requiredIfMatch(ifMatch);
        Dataset updated = service.update(datasetId, Responses.requireBody(dataset), expected);
        return Responses.ok(updated, updated.getRecordVersion());
    }

    @Override
    public Response withdrawDataset(String datasetId, String ifMatch) {
        service.withdraw(datasetId, ETags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }

    @Override
    public Response listDistributions(String datasetId) {
        return Response.ok(reads.listDistributions(datasetId)).build();
    }

    @Override
    @ReportsEveryProblem
    public Response addDistribution(String datasetId, Distribution distribution, String ifMatch) {
        Dataset updated =
                distributions.add(datasetId, Responses.requireBody(distribution), ETags.expectedVersion(ifMatch));
        Distribution added =
                DistributionService.of(updated).get(updated.getDistributions().size() - 1);
        return Responses.created(uriInfo, added, added.getId(), updated.getRecordVersion());
    }

    @Override
    public Response getDistribution(String datasetId, String distributionId) {
        return Response.ok(reads.getDistribution(datasetId, distributionId)).build();
    }

    @Override
    public Response removeDistribution(String datasetId, String distributionId, String ifMatch) {
        distributions.remove(datasetId, distributionId, ETags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }
}
