package org.twincatalog.catalog.dataservice;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.twincatalog.api.v1.ServicesApi;
import org.twincatalog.api.v1.model.DataService;
import org.twincatalog.api.v1.model.DataServicePage;
import org.twincatalog.catalog.record.Cursor;
import org.twincatalog.catalog.record.ETags;
import org.twincatalog.catalog.record.Page;
import org.twincatalog.catalog.web.ReportsEveryProblem;
import org.twincatalog.catalog.web.Responses;

/** {@code /api/v1/services}. */
@jakarta.ws.rs.Path("")
public class DataServiceResource implements ServicesApi {
    private final DataServiceService service;

    @Context
    UriInfo uriInfo;

    public DataServiceResource(DataServiceService service) {
        this.service = service;
    }

    @Override
    @ReportsEveryProblem
    public Response createService(DataService dataService) {
        DataService created = service.create(Responses.requireBody(dataService));
        return Responses.created(uriInfo, created, created.getId(), created.getRecordVersion());
    }

    @Override
    public Response getService(String serviceId) {
        DataService found = service.get(serviceId);
        return Responses.ok(found, found.getRecordVersion());
    }

    @Override
    public Response listServices(String cursor, Integer limit, String publisher, String servesDataset) {
        Page<DataService> page =
                service.list(publisher, servesDataset, Cursor.decode(cursor), Responses.limit(limit, 50, 500));
        return Response.ok(new DataServicePage()
                        .items(page.items())
                        .total(page.total())
                        .next(page.next()))
                .build();
    }

    @Override
    @ReportsEveryProblem
    public Response updateService(String serviceId, DataService dataService, String ifMatch) {
        Long expected = Responses.requiredIfMatch(ifMatch);
        DataService updated = service.update(serviceId, Responses.requireBody(dataService), expected);
        return Responses.ok(updated, updated.getRecordVersion());
    }

    @Override
    public Response withdrawService(String serviceId, String ifMatch) {
        service.withdraw(serviceId, ETags.expectedVersion(ifMatch));
        return Response.noContent().build();
    }
}
