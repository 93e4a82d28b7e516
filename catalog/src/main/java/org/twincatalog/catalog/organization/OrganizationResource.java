package org.twincatalog.catalog.organization;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.twincatalog.api.v1.OrganizationsApi;
import org.twincatalog.api.v1.model.Organization;
import org.twincatalog.api.v1.model.OrganizationPage;
import org.twincatalog.catalog.record.Cursor;
import org.twincatalog.catalog.record.Page;
import org.twincatalog.catalog.web.ReportsEveryProblem;
import org.twincatalog.catalog.web.Responses;

/** {@code /api/v1/organizations}. */
@jakarta.ws.rs.Path("")
public class OrganizationResource implements OrganizationsApi {
    private final OrganizationService service;

    @Context
    UriInfo uriInfo;

    public OrganizationResource(OrganizationService service) {
        this.service = service;
    }

    @Override
    @ReportsEveryProblem
    public Response createOrganization(Organization organization) {
        Organization created = service.create(Responses.requireBody(organization));
        return Responses.created(uriInfo, created, created.getId(), created.getRecordVersion());
    }

    @Override
    public Response getOrganization(String organizationId) {
        Organization org = service.get(organizationId);
        return Responses.ok(org, org.getRecordVersion());
    }

    @Override
    public Response listOrganizations(String cursor, Integer limit) {
        Page<Organization> page = service.list(Cursor.decode(cursor), Responses.limit(limit, 50, 500));
        return Response.ok(new OrganizationPage().items(page.items()).next(page.next()))
                .build();
    }

    @Override
    @ReportsEveryProblem
    public Response updateOrganization(String organizationId, Organization organization, String ifMatch) {
        Long expected = Responses.requiredIfMatch(ifMatch);
        Organization updated = service.update(organizationId, Responses.requireBody(organization), expected);
        return Responses.ok(updated, updated.getRecordVersion());
    }
}
