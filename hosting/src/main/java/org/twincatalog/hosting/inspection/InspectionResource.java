package org.twincatalog.hosting.inspection;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import org.twincatalog.api.v1.InspectionsApi;
import org.twincatalog.api.v1.model.AccessRights;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.InspectionResult;
import org.twincatalog.catalog.MalformedRequest;
import org.twincatalog.catalog.dataset.DatasetService;
import org.twincatalog.catalog.web.ReadOnlyOperation;
import org.twincatalog.ontology.Ontology;
import org.twincatalog.standards.registry.StandardsRegistry;

/** {@code POST /api/v1/inspections} (a draft) and {@code POST /api/v1/datasets/from-package} (registered). */
@jakarta.ws.rs.Path("")
public class InspectionResource implements InspectionsApi {
    private final InspectionService inspections;
    private final DatasetService datasets;
    private final InspectionDraftMapper drafts =
            new InspectionDraftMapper(StandardsRegistry.bundled(), Ontology.bundled());

    @Context
    UriInfo uriInfo;

    public InspectionResource(InspectionService inspections, DatasetService datasets) {
        this.inspections = inspections;
        this.datasets = datasets;
    }

    @Override
    @ReadOnlyOperation
    public Response inspectCityGml(InputStream body, String name, String publisher, URI accessUrl) {
        InspectionService.Inspected inspected = inspections.inspect(requireBody(body), name);
        return Response.ok(new InspectionResult()
                        .draft(drafts.draft(inspected, publisher, accessUrl))
                        .inspection(InspectionDraftMapper.inspection(inspected.inspection())))
                .build();
    }

    @Override
    public Response registerPackage(
            String publisher,
            AccessRights accessRights,
            URI accessUrl,
            InputStream body,
            String name,
            URI license,
            String id) {
        // Checked before the upload is read, so a request that cannot succeed costs no spooling.
        require("publisher", publisher);
        require("accessRights", accessRights);
        require("accessUrl", accessUrl);
        InspectionService.Inspected inspected = inspections.inspect(requireBody(body), name);
        Dataset draft = drafts.draft(inspected, publisher, accessUrl)
                .id(id)
                .accessRights(accessRights)
                .license(license);
        Dataset created = datasets.create(draft);
        URI location = uriInfo.getBaseUriBuilder()
                .path("api/v1/datasets")
                .path(created.getId())
                .build();
        return Response.created(location)
                .tag(new EntityTag(String.valueOf(created.getRecordVersion())))
                .entity(created)
                .build();
    }

    private static InputStream requireBody(InputStream body) {
        if (body == null) {
            throw new MalformedRequest("The request needs a body: a CityGML file or a zip of a package");
        }
        return body;
    }

    private static void require(String parameter, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new MalformedRequest("The query parameter '" + parameter + "' is required");
        }
    }
}
