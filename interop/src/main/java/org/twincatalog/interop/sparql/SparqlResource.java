package org.twincatalog.interop.sparql;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.twincatalog.api.v1.SparqlApi;
import org.twincatalog.catalog.web.ReadOnlyOperation;

/**
 * {@code /api/v1/sparql}: the SPARQL 1.1 protocol's query operation (GET, POST direct, POST form),
 * with its {@code default-graph-uri} and {@code named-graph-uri} parameters (query parameters,
 * form fields, or query parameters beside a direct POST; each repeatable).
 */
@jakarta.ws.rs.Path("")
public class SparqlResource implements SparqlApi {
    private static final String DEFAULT_GRAPH = "default-graph-uri";
    private static final String NAMED_GRAPH = "named-graph-uri";

    private final SparqlService sparql;

    @Context
    HttpHeaders headers;

    @Context
    jakarta.ws.rs.core.UriInfo uri;

    public SparqlResource(SparqlService sparql) {
        this.sparql = sparql;
    }

    @Override
    public Response sparqlQueryGet(String query, List<String> defaultGraphUri, List<String> namedGraphUri) {
        return answer(query, new SparqlService.GraphSelection(defaultGraphUri, namedGraphUri));
    }

    @Override
    @ReadOnlyOperation
    public Response sparqlQueryPost(String body) {
        MediaType type = headers.getMediaType();
        List<String> defaults = new ArrayList<>(uri.getQueryParameters().getOrDefault(DEFAULT_GRAPH, List.of()));
        List<String> named = new ArrayList<>(uri.getQueryParameters().getOrDefault(NAMED_GRAPH, List.of()));
        if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            List<String> queries = formFields(body, "query");
            defaults.addAll(formFields(body, DEFAULT_GRAPH));
            named.addAll(formFields(body, NAMED_GRAPH));
            return answer(queries.isEmpty() ? null : queries.get(0), new SparqlService.GraphSelection(defaults, named));
        }
        return answer(body, new SparqlService.GraphSelection(defaults, named));
    }

    private Response answer(String query, SparqlService.GraphSelection graphs) {
        SparqlService.Answer answer = sparql.query(query, headers.getHeaderString(HttpHeaders.ACCEPT), graphs);
        return Response.ok(answer.body(), answer.format().mediaType() + ";charset=utf-8")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }

    /** Every value of the form field {@code name}, in order. */
    private static List<String> formFields(String body, String name) {
        List<String> values = new ArrayList<>();
        if (body == null) {
            return values;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                values.add(eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
