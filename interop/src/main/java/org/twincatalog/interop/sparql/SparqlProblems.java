package org.twincatalog.interop.sparql;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.twincatalog.api.v1.model.Problem;
import org.twincatalog.catalog.web.ProblemType;
import org.twincatalog.catalog.web.Problems;

/** Maps {@link SparqlRefused} to its RFC 9457 problem (503 query-timeout, sparql-busy with Retry-After, sparql-disabled; 422 result-limit). */
public class SparqlProblems {
    @ServerExceptionMapper
    public Response notAcceptable(SparqlFormat.NotAcceptable e, UriInfo uri) {
        return Problems.response(ProblemType.NOT_ACCEPTABLE, e.getMessage(), path(uri));
    }

    @ServerExceptionMapper
    public Response refused(SparqlRefused e, UriInfo uri) {
        SparqlRefused.Reason reason = e.reason();
        Problem problem = new Problem()
                .type(URI.create("https://twin-catalog.org/problems/" + reason.slug))
                .title(reason.title)
                .status(reason.status)
                .detail(e.getMessage())
                .instance(path(uri));
        Response.ResponseBuilder response =
                Response.status(reason.status).type(Problems.PROBLEM_JSON).entity(problem);
        if (reason == SparqlRefused.Reason.BUSY) {
            response.header("Retry-After", SparqlGate.RETRY_AFTER_SECONDS);
        }
        return response.build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
