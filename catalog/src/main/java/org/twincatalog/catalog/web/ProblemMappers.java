package org.twincatalog.catalog.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.twincatalog.access.AccessControlException;
import org.twincatalog.catalog.error.AccessDenied;
import org.twincatalog.catalog.error.BadParameter;
import org.twincatalog.catalog.error.CatalogException;
import org.twincatalog.catalog.error.Conflict;
import org.twincatalog.catalog.error.Gone;
import org.twincatalog.catalog.error.MalformedRequest;
import org.twincatalog.catalog.error.NotAuthenticated;
import org.twincatalog.catalog.error.NotFound;
import org.twincatalog.catalog.error.PayloadTooLarge;
import org.twincatalog.catalog.error.PeerTimedOut;
import org.twincatalog.catalog.error.PeerUnavailable;
import org.twincatalog.catalog.error.PreconditionRequired;
import org.twincatalog.catalog.error.StaleVersion;
import org.twincatalog.catalog.error.ValidationFailed;
import org.twincatalog.catalog.error.Violation;

/**
 * The one table from exceptions to problem responses. Domain exceptions map by kind; framework
 * and JSON errors are rewritten into problems too, so no response ever carries a class name or
 * a stack trace. Unexpected failures are logged with a correlation id that the answer repeats.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private static final Map<Class<? extends CatalogException>, ProblemType> TABLE = Map.ofEntries(
            Map.entry(NotAuthenticated.class, ProblemType.NOT_AUTHENTICATED),
            Map.entry(MalformedRequest.class, ProblemType.MALFORMED_REQUEST),
            Map.entry(AccessDenied.class, ProblemType.ACCESS_DENIED),
            Map.entry(NotFound.class, ProblemType.NOT_FOUND),
            Map.entry(Conflict.class, ProblemType.CONFLICT),
            Map.entry(Gone.class, ProblemType.GONE),
            Map.entry(StaleVersion.class, ProblemType.STALE_VERSION),
            Map.entry(PayloadTooLarge.class, ProblemType.TOO_LARGE),
            Map.entry(ValidationFailed.class, ProblemType.VALIDATION_FAILED),
            Map.entry(PreconditionRequired.class, ProblemType.PRECONDITION_REQUIRED),
            Map.entry(PeerUnavailable.class, ProblemType.PEER_UNAVAILABLE),
            Map.entry(PeerTimedOut.class, ProblemType.PEER_TIMEOUT));

    @ServerExceptionMapper
    public Response catalog(CatalogException e, UriInfo uri) {
        ProblemType type = TABLE.get(e.getClass());
        if (type == null) {
            type = TABLE.entrySet().stream()
                    .filter(entry -> entry.getKey().isInstance(e))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
        if (type == null) {
            return unexpected(e, uri);
        }
        if (e instanceof AccessDenied denied) {
            return Problems.denial(type, denied, path(uri), uri == null ? null : uri.getBaseUri());
        }
        List<Violation> violations = e instanceof ValidationFailed v
                ? v.violations()
                : e instanceof BadParameter p ? p.violations() : List.of();
        return Problems.response(type, e.getMessage(), path(uri), violations, null);
    }

    /** The access-control library's own exceptions (agreements, audit): the same table by kind. */
    @ServerExceptionMapper
    public Response accessControl(AccessControlException e, UriInfo uri) {
        CatalogException mapped = null;
        if (e instanceof AccessControlException.AccessDenied d) {
            // The decision's reason is for the audit log (subject ids); the caller reads the rule.
            String rule = d.decision().rule().id();
            String description = d.decision().rule().description();
            String message = Character.toUpperCase(description.charAt(0)) + description.substring(1) + ".";
            if (d.decision().isNotFound()) {
                mapped = new NotFound("Not found");
            } else if (d.decision().requiresAuthentication()) {
                mapped = new NotAuthenticated(message, rule, null, null);
            } else {
                mapped = new AccessDenied(message, rule, null, null);
            }
        } else if (e instanceof AccessControlException.NotFound) {
            mapped = new NotFound(e.getMessage());
        } else if (e instanceof AccessControlException.Conflict) {
            mapped = new Conflict(e.getMessage());
        } else if (e instanceof AccessControlException.ValidationFailed) {
            mapped = ValidationFailed.of("", e.getMessage());
        }
        return mapped == null ? unexpected(e, uri) : catalog(mapped, uri);
    }

    private Response jsonSyntax(JsonParseException e, UriInfo uri) {
        var at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return Problems.response(
                ProblemType.MALFORMED_REQUEST,
                "The body is not valid JSON" + where + ": " + clean(e.getOriginalMessage()),
                path(uri));
    }

    private Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        return invalidField(e, uri, "is not a field of this resource");
    }

    private Response badValue(InvalidFormatException e, UriInfo uri) {
        return invalidField(
                e, uri, "'" + e.getValue() + "' is not a valid " + BodyShapeReader.typeName(e.getTargetType()));
    }

    private Response badConstruction(ValueInstantiationException e, UriInfo uri) {
        Class<?> target = e.getType() == null ? null : e.getType().getRawClass();
        if (target != null && target.isEnum()) {
            return invalidField(e, uri, "must be one of " + java.util.Arrays.toString(target.getEnumConstants()));
        }
        String cause =
                e.getCause() == null ? e.getOriginalMessage() : e.getCause().getMessage();
        return invalidField(e, uri, cause);
    }

    private Response wrongShape(MismatchedInputException e, UriInfo uri) {
        if (e.getPath().isEmpty()) {
            return Problems.response(
                    ProblemType.MALFORMED_REQUEST, "The body is empty or not a JSON object", path(uri));
        }
        return invalidField(e, uri, "expected " + BodyShapeReader.typeName(e.getTargetType()));
    }

    private Response jsonMapping(JsonMappingException e, UriInfo uri) {
        if (e.getCause() instanceof JsonParseException parse) {
            return jsonSyntax(parse, uri);
        }
        return invalidField(e, uri, e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return jsonCause(e, uri);
    }

    /** Overrides the framework's own mapper for this type, which answers 400 with no body. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return jsonCause(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e, UriInfo uri) {
        return jsonCause(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonMappingFailure(JsonMappingException e, UriInfo uri) {
        return jsonCause(e, uri);
    }

    /**
     * A typed parameter that did not convert: 400 naming it. When the framework did not say which
     * parameter it was, the first query parameter holding the value is named.
     */
    @ServerExceptionMapper
    public Response unreadableParameter(ParameterConverters.Unreadable e, UriInfo uri) {
        String name = e.nameIn(uri);
        String detail = "'" + e.value() + "' is not " + e.expected();
        return catalog(new BadParameter(e.in(), name == null ? "?" : name, detail), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // The JSON reader wraps parse and binding errors; answer them as precisely as unwrapped ones.
            return jsonCause(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail =
                switch (status) {
                    case 404 -> "No resource at " + path(uri);
                    case 405 -> "This resource does not support that method";
                    case 406 -> "None of the media types in Accept can be produced here";
                    case 415 -> "This operation reads application/json";
                    default -> e.getMessage();
                };
        return Response.fromResponse(Problems.response(type, detail, path(uri)))
                .status(status)
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure [%s] on %s", correlationId, path(uri));
        return Problems.response(
                ProblemType.SERVER_ERROR,
                "An unexpected failure; quote correlation id " + correlationId,
                path(uri),
                List.of(),
                correlationId);
    }

    private Response jsonCause(JsonProcessingException e, UriInfo uri) {
        if (e.getCause() instanceof JsonParseException parse) {
            return jsonSyntax(parse, uri);
        }
        if (e instanceof JsonParseException parse) {
            return jsonSyntax(parse, uri);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return unknownField(unknown, uri);
        }
        if (e instanceof InvalidFormatException format) {
            return badValue(format, uri);
        }
        if (e instanceof ValueInstantiationException instantiation) {
            return badConstruction(instantiation, uri);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return wrongShape(mismatch, uri);
        }
        if (e instanceof JsonMappingException mapping) {
            return jsonMapping(mapping, uri);
        }
        return Problems.response(
                ProblemType.MALFORMED_REQUEST,
                "The body is not valid JSON: " + clean(e.getOriginalMessage()),
                path(uri));
    }

    private static Response invalidField(JsonMappingException e, UriInfo uri, String detail) {
        String pointer = pointer(e.getPath());
        return Problems.response(
                ProblemType.VALIDATION_FAILED,
                "1 problem in the body: " + pointer + " " + detail,
                path(uri),
                List.of(new Violation(pointer, detail)),
                null);
    }

    /** Drops Jackson's source-location noise from a parser message. */
    private static String clean(String message) {
        return message == null
                ? ""
                : message.replaceAll("\\s*\\(start marker at \\[Source:.*$", "")
                        .replaceAll("\\[Source: [^\\]]*\\]", "")
                        .trim();
    }

    static String pointer(List<JsonMappingException.Reference> path) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            pointer.append('/');
            if (ref.getFieldName() != null) {
                pointer.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                pointer.append(ref.getIndex());
            }
        }
        return pointer.toString();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
