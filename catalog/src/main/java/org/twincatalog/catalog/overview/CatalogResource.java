package org.twincatalog.catalog.overview;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.twincatalog.api.v1.CatalogApi;
import org.twincatalog.api.v1.model.Catalog;
import org.twincatalog.catalog.NodeConfig;
import org.twincatalog.catalog.changes.ChangeLog;
import org.twincatalog.catalog.changes.feed.VisibleChanges;
import org.twincatalog.catalog.dataservice.DataServiceService;
import org.twincatalog.catalog.dataset.DatasetReads;
import org.twincatalog.catalog.dcat.DcatExporter;
import org.twincatalog.catalog.dcat.RdfFormat;
import org.twincatalog.catalog.organization.OrganizationService;

/** {@code /api/v1/catalog}: a JSON summary, or the whole catalog as DCAT-AP RDF. */
@jakarta.ws.rs.Path("")
public class CatalogResource implements CatalogApi {
    private final NodeConfig node;
    private final DcatExporter exporter;
    private final DatasetReads datasets;
    private final DataServiceService services;
    private final OrganizationService organizations;
    private final ChangeLog changeLog;
    private final VisibleChanges visibleChanges;

    @Context
    Request request;

    public CatalogResource(
            NodeConfig node,
            DcatExporter exporter,
            DatasetReads datasets,
            DataServiceService services,
            OrganizationService organizations,
            ChangeLog changeLog,
            VisibleChanges visibleChanges) {
        this.node = node;
        this.exporter = exporter;
        this.datasets = datasets;
        this.services = services;
        this.organizations = organizations;
        this.changeLog = changeLog;
        this.visibleChanges = visibleChanges;
    }

    @Override
    public Response getCatalog() {
        Optional<RdfFormat> rdf = RdfFormat.negotiate(request);
        if (rdf.isPresent()) {
            return Response.ok(
                            DcatExporter.write(
                                    exporter.catalog(datasets.allPublished(), services.allPublished()), rdf.get()),
                            rdf.get().mediaType())
                    .build();
        }
        Catalog catalog = new Catalog()
                .id(node.id())
                .title(node.title())
                .tier(Catalog.TierEnum.fromValue(node.tier()))
                .datasetCount(datasets.countPublished())
                .serviceCount(services.countPublished())
                .organizationCount(organizations.countPublished())
                .lastSequence(visibleChanges.latest(0, changeLog.lastSequence()));
        return Response.ok(catalog).build();
    }
}
