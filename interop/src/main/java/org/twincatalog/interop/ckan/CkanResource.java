package org.twincatalog.interop.ckan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.twincatalog.api.v1.CkanApi;
import org.twincatalog.catalog.AccessDenied;
import org.twincatalog.catalog.CatalogException;
import org.twincatalog.catalog.Gone;
import org.twincatalog.catalog.MalformedRequest;
import org.twincatalog.catalog.NotFound;
import org.twincatalog.catalog.web.ParameterConverters;
import org.twincatalog.catalog.web.ReadOnlyOperation;

/**
 * {@code /api/3/action/...}: a subset of CKAN's Action API. Every answer is CKAN's envelope
 * ({@code help}, {@code success}, {@code result} or {@code error}); errors are CKAN's kinds
 * (Not Found Error 404, Validation Error 409, Authorization Error 403), not problem details, so
 * that CKAN clients read them as they read CKAN's.
 */
@jakarta.ws.rs.Path("")
public class CkanResource implements CkanApi {
    private static final Logger LOG = Logger.getLogger(CkanResource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CkanService ckan;

    @Context
    UriInfo uriInfo;

    public CkanResource(CkanService ckan) {
        this.ckan = ckan;
    }

    @Override
    public Response ckanPackageSearch(
            String q,
            String fq,
            String rows,
            String start,
            String sort,
            String facetField,
            String facetLimit,
            String facetMincount,
            String includePrivate) {
        // CKAN reads every query parameter (and rejects unknown ones), not only the declared ones
        return action("package_search", () -> ckan.packageSearch(CkanSearchRequest.of(query())));
    }

    @Override
    @ReadOnlyOperation
    public Response ckanPackageSearchPost(Map<String, Object> body) {
        return action("package_search", () -> ckan.packageSearch(CkanSearchRequest.of(new CkanParams(body))));
    }

    @Override
    public Response ckanPackageShow(String id) {
        return action("package_show", () -> ckan.packageShow(packageId(query())));
    }

    @Override
    @ReadOnlyOperation
    public Response ckanPackageShowPost(Map<String, Object> body) {
        return action("package_show", () -> ckan.packageShow(packageId(new CkanParams(body))));
    }

    @Override
    public Response ckanPackageList(String limit, String offset) {
        return packageList(query());
    }

    @Override
    @ReadOnlyOperation
    public Response ckanPackageListPost(Map<String, Object> body) {
        return packageList(new CkanParams(body));
    }

    private Response packageList(CkanParams p) {
        return action("package_list", () -> ckan.packageList(p.natural("limit"), p.natural("offset")));
    }

    @Override
    public Response ckanCurrentPackageListWithResources(String limit, String offset, String page) {
        return action("current_package_list_with_resources", () -> ckan.currentPackageListWithResources(query()));
    }

    @Override
    @ReadOnlyOperation
    public Response ckanCurrentPackageListWithResourcesPost(Map<String, Object> body) {
        return action(
                "current_package_list_with_resources",
                () -> ckan.currentPackageListWithResources(new CkanParams(body)));
    }

    @Override
    public Response ckanResourceShow(String id) {
        return action("resource_show", () -> ckan.resourceShow(query().required("id")));
    }

    @Override
    @ReadOnlyOperation
    public Response ckanResourceShowPost(Map<String, Object> body) {
        return action("resource_show", () -> ckan.resourceShow(new CkanParams(body).required("id")));
    }

    @Override
    public Response ckanHelpShow(String name) {
        return action("help_show", () -> ckan.helpShow(query().required("name")));
    }

    @Override
    @ReadOnlyOperation
    public Response ckanHelpShowPost(Map<String, Object> body) {
        return action("help_show", () -> ckan.helpShow(new CkanParams(body).required("name")));
    }

    @Override
    public Response ckanOrganizationList(Boolean allFields, String sort, Integer limit, Integer offset) {
        return action(
                "organization_list", () -> ckan.organizationList(Boolean.TRUE.equals(allFields), sort, limit, offset));
    }

    @Override
    @ReadOnlyOperation
    public Response ckanOrganizationListPost(Map<String, Object> body) {
        return action("organization_list", () -> {
            Params p = new Params(body);
            return ckan.organizationList(p.bool("all_fields"), p.text("sort"), p.integer("limit"), p.integer("offset"));
        });
    }

    @Override
    public Response ckanOrganizationShow(String id, Boolean includeDatasets) {
        return action("organization_show", () -> ckan.organizationShow(id, Boolean.TRUE.equals(includeDatasets)));
    }

    @Override
    @ReadOnlyOperation
    public Response ckanOrganizationShowPost(Map<String, Object> body) {
        return action("organization_show", () -> {
            Params p = new Params(body);
            return ckan.organizationShow(p.text("id"), p.bool("include_datasets"));
        });
    }

    @Override
    public Response ckanTagList(String query) {
        return action("tag_list", () -> ckan.tagList(query));
    }

    @Override
    @ReadOnlyOperation
    public Response ckanTagListPost(Map<String, Object> body) {
        return action("tag_list", () -> ckan.tagList(new Params(body).text("query")));
    }

    @Override
    public Response ckanStatusShow() {
        return action("status_show", () -> ckan.statusShow(siteUrl()));
    }

    @Override
    @ReadOnlyOperation
    public Response ckanStatusShowPost(Map<String, Object> body) {
        return ckanStatusShow();
    }

    private Response action(String name, Supplier<Object> work) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("help", siteUrl() + "/api/3/action/help_show?name=" + name);
        try {
            Object result = work.get();
            envelope.put("success", true);
            envelope.put("result", result);
            return Response.ok(json(envelope), MediaType.APPLICATION_JSON_TYPE).build();
        } catch (CkanError e) {
            envelope.put("success", false);
            envelope.put("error", e.error());
            return Response.status(e.status())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(json(envelope))
                    .build();
        } catch (CatalogException e) {
            envelope.put("success", false);
            Map<String, Object> error = new LinkedHashMap<>();
            int status;
            if (e instanceof NotFound || e instanceof Gone) {
                status = 404;
                error.put("__type", "Not Found Error");
                error.put("message", "Not found: " + e.getMessage());
            } else if (e instanceof AccessDenied) {
                status = 403;
                error.put("__type", "Authorization Error");
                error.put("message", "Access denied: " + e.getMessage());
            } else if (e instanceof MalformedRequest) {
                status = 409;
                error.put("__type", "Validation Error");
                error.put("message", e.getMessage());
            } else {
                LOG.errorf(e, "CKAN action %s failed", name);
                status = 500;
                error.put("__type", "Internal Server Error");
                error.put("message", "Internal Server Error");
            }
            envelope.put("error", error);
            return Response.status(status)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(json(envelope))
                    .build();
        } catch (RuntimeException e) {
            // never a stack trace or an exception's text to the client
            LOG.errorf(e, "CKAN action %s failed", name);
            envelope.put("success", false);
            envelope.put("error", Map.of("__type", "Internal Server Error", "message", "Internal Server Error"));
            return Response.status(500)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(json(envelope))
                    .build();
        }
    }

    /**
     * A typed query parameter that did not convert (rows=abc): CKAN's Validation Error naming it,
     * as for every other bad parameter of this API (for this resource's operations only).
     */
    @ServerExceptionMapper
    public Response unreadableParameter(ParameterConverters.Unreadable e, UriInfo uri) {
        String named = e.nameIn(uri);
        String name = named == null ? "a parameter" : named;
        String path = uri.getPath();
        return action(path.substring(path.lastIndexOf('/') + 1), () -> {
            throw new MalformedRequest(name + ": '" + e.value() + "' is not " + e.expected());
        });
    }

    /** CKAN's package_show takes {@code id}, and names {@code name_or_id} when it is missing. */
    private static String packageId(CkanParams p) {
        String id = p.text("id");
        if (id == null || id.isBlank()) {
            throw CkanError.validation("name_or_id", "Missing value");
        }
        return id;
    }

    /**
     * The envelope as JSON with its null values written out: CKAN presents a package's keys
     * without value ({@code author}, {@code url}, ...) as null, where the node's own JSON leaves
     * nulls out.
     */
    private static String json(Map<String, Object> envelope) {
        try {
            return JSON.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a CKAN answer could not be written as JSON", e);
        }
    }

    private CkanParams query() {
        return CkanParams.ofQuery(uriInfo.getQueryParameters());
    }

    private String siteUrl() {
        String base = uriInfo.getBaseUri().toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Action parameters from a JSON body, read as CKAN reads them (numbers and booleans may come as strings). */
    private record Params(Map<String, Object> body) {
        Params {
            body = body == null ? Map.of() : body;
        }

        Object raw(String name) {
            return body.get(name);
        }

        String text(String name) {
            Object v = body.get(name);
            return v == null ? null : v.toString();
        }

        Integer integer(String name) {
            Object v = body.get(name);
            if (v == null) {
                return null;
            }
            if (v instanceof Number n) {
                return n.intValue();
            }
            try {
                return Integer.parseInt(v.toString().trim());
            } catch (NumberFormatException e) {
                throw new MalformedRequest(name + " must be an integer, was '" + v + "'");
            }
        }

        boolean bool(String name) {
            Object v = body.get(name);
            return v instanceof Boolean b
                    ? b
                    : v != null && Boolean.parseBoolean(v.toString().trim());
        }
    }
}
