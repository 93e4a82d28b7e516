package org.twincatalog.catalog.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.twincatalog.catalog.BadParameter;
import org.twincatalog.catalog.MalformedRequest;
import org.twincatalog.catalog.PreconditionRequired;
import org.twincatalog.catalog.record.ETags;

/** Small helpers the resources share: status, Location and ETag headers, paging limits. */
public final class Responses {
    private Responses() {}

    public static Response created(UriInfo uriInfo, Object body, String id, long version) {
        return Response.created(uriInfo.getAbsolutePathBuilder().path(id).build())
                .tag(new jakarta.ws.rs.core.EntityTag(String.valueOf(version)))
                .entity(body)
                .build();
    }

    public static Response ok(Object body, long version) {
        return Response.ok(body).header("ETag", ETags.of(version)).build();
    }

    /** The version an update is based on; the If-Match header is required ({@code *} = any). */
    public static Long requiredIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired("Send If-Match with the ETag you read (or * to overwrite any version)");
        }
        return ETags.expectedVersion(ifMatch);
    }

    /** The request body; a missing one is a malformed request. */
    public static <T> T requireBody(T body) {
        if (body == null) {
            throw new MalformedRequest("The request needs a JSON body");
        }
        return body;
    }

    /** A page size within [1, max], or the default when absent. */
    public static int limit(Integer limit, int defaultLimit, int max) {
        if (limit == null) {
            return defaultLimit;
        }
        if (limit < 1 || limit > max) {
            throw BadParameter.query("limit", "must be between 1 and " + max + ", was " + limit);
        }
        return limit;
    }
}
