package org.twincatalog.catalog.web;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.twincatalog.api.v1.model.FieldError;
import org.twincatalog.api.v1.model.Problem;
import org.twincatalog.catalog.Violation;
import org.twincatalog.catalog.record.PlainText;

/** Builds RFC 9457 {@code application/problem+json} responses. */
public final class Problems {
    public static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

    private Problems() {}

    public static Response response(ProblemType type, String detail, String instance) {
        return response(type, detail, instance, List.of(), null);
    }

    /**
     * A policy refusal: the rule that decided, how to get access and, for a dataset an agreement
     * can open, its request-access link (absolute, under {@code baseUri}). A 401 also carries
     * {@code WWW-Authenticate: Bearer}.
     */
    public static Response denial(
            ProblemType type, org.twincatalog.catalog.AccessDenied denied, String instance, java.net.URI baseUri) {
        Problem problem = new Problem()
                .type(type.type())
                .title(type.title())
                .status(type.status())
                .detail(PlainText.visible(denied.getMessage()))
                .instance(instance)
                .rule(denied.rule())
                .hint(denied.hint());
        if (denied.requestAccessDatasetId() != null && baseUri != null) {
            problem.setRequestAccess(
                    baseUri.resolve("api/v1/datasets/" + denied.requestAccessDatasetId() + "/access-requests")
                            .toString());
        }
        Response.ResponseBuilder builder =
                Response.status(type.status()).type(PROBLEM_JSON).entity(problem);
        if (type == ProblemType.NOT_AUTHENTICATED) {
            builder.header("WWW-Authenticate", "Bearer realm=\"twin-catalog\"");
        }
        return builder.build();
    }

    public static Response response(
            ProblemType type, String detail, String instance, List<Violation> violations, String correlationId) {
        Problem problem = new Problem()
                .type(type.type())
                .title(type.title())
                .status(type.status())
                .detail(PlainText.visible(detail))
                .instance(PlainText.visible(instance))
                .correlationId(correlationId);
        if (!violations.isEmpty()) {
            problem.setErrors(violations.stream()
                    .map(v -> new FieldError()
                            .pointer(PlainText.visible(v.pointer()))
                            .detail(PlainText.visible(v.detail())))
                    .toList());
        }
        return Response.status(type.status()).type(PROBLEM_JSON).entity(problem).build();
    }
}
