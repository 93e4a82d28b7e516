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
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.twincatalog.access.AccessControlFailure;
import org.twincatalog.catalog.AccessDenied;
import org.twincatalog.catalog.BadParameter;
import org.twincatalog.catalog.NotAuthenticated;
import org.twincatalog.catalog.ValidationFailed;
import org.twincatalog.catalog.Violation;
import org.twincatalog.errors.TwinCatalogException;
import org.twincatalog.errors.TwinCatalogException.Kind;

/**
 * The one table from exceptions to problem responses. Domain exceptions map by kind; framework
 * and JSON errors are rewritten into problems too, so no response ever carries a class name or
 * a stack trace. Unexpected failures are logged with a correlation id that the answer repeats.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** The one table: each kind of problem, and the RFC 9457 problem type that answers it. */
    private static final Map<Kind, ProblemType> TABLE = new EnumMap<>(Map.ofEntries(
            Map.entry(Kind.NOT_AUTHENTICATED, ProblemType.NOT_AUTHENTICATED),
            Map.entry(Kind.ACCESS_DENIED, ProblemType.ACCESS_DENIED),
            Map.entry(Kind.NOT_FOUND, ProblemType.NOT_FOUND),
            Map.entry(Kind.GONE, ProblemType.GONE),
            Map.entry(Kind.CONFLICT, ProblemType.CONFLICT),
            Map.entry(Kind.STALE_VERSION, ProblemType.STALE_VERSION),
            Map.entry(Kind.PRECONDITION_REQUIRED, ProblemType.PRECONDITION_REQUIRED),
            Map.entry(Kind.MALFORMED_REQUEST, ProblemType.MALFORMED_REQUEST),
            Map.entry(Kind.VALIDATION_FAILED, ProblemType.VALIDATION_FAILED),
            Map.entry(Kind.TOO_LARGE, ProblemType.TOO_LARGE),
            Map.entry(Kind.SERVICE_UNAVAILABLE, ProblemType.SERVICE_UNAVAILABLE),
            Map.entry(Kind.PEER_UNAVAILABLE, ProblemType.PEER_UNAVAILABLE),
            Map.entry(Kind.PEER_TIMEOUT, ProblemType.PEER_TIMEOUT)));

    /**
     * Every exception of the project's one root (the catalog's, the standards module's, the
     * access-control library's): its kind chooses the problem type, its {@code detail()} is what
     * the caller reads. Denials also say which rule decided and how to get access.
     */
    @ServerExceptionMapper
    public Response problem(TwinCatalogException e, UriInfo uri) {
        ProblemType type = TABLE.get(e.kind());
        if (e instanceof AccessControlFailure.AccessDenied denied && e.kind() != Kind.NOT_FOUND) {
            // The decision's reason is for the audit log (subject ids); the caller reads the rule.
            String rule = denied.decision().rule().id();
            AccessDenied shown = e.kind() == Kind.NOT_AUTHENTICATED
                    ? new NotAuthenticated(e.detail(), rule, null, null)
                    : new AccessDenied(e.detail(), rule, null, null);
            return Problems.denial(type, shown, path(uri), uri == null ? null : uri.getBaseUri());
        }
        if (e instanceof AccessDenied denied) {
            return Problems.denial(type, denied, path(uri), uri == null ? null : uri.getBaseUri());
        }
        List<Violation> violations;
        if (e instanceof ValidationFailed v) {
            violations = v.violations();
        } else if (e instanceof BadParameter p) {
            violations = p.violations();
        } else if (e instanceof AccessControlFailure.ValidationFailed) {
            violations = List.of(new Violation("", e.detail()));
        } else {
            violations = List.of();
        }
        return Problems.response(type, e.detail(), path(uri), violations, null);
    }

    /**
     * A zip that cannot be read (an upload, a package) is the caller's problem, wherever it is
     * opened; any other I/O failure is the node's.
     */
    @ServerExceptionMapper
    public Response io(UncheckedIOException e, UriInfo uri) {
        if (e.getCause() instanceof ZipException zip) {
            return Problems.response(
                    ProblemType.VALIDATION_FAILED,
                    "Not a readable zip: " + zip.getMessage(),
                    path(uri),
                    List.of(),
                    null);
        }
        return unexpected(e, uri);
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
        return problem(new BadParameter(e.in(), name == null ? "?" : name, detail), uri);
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
