package org.twincatalog.catalog.sparql;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.twincatalog.api.v1.SparqlApi;
import org.twincatalog.catalog.web.ReadOnlyOperation;

/** {@code /api/v1/sparql}: the SPARQL 1.1 protocol's query operation (GET, POST direct, POST form). */
@jakarta.ws.rs.Path("")
public class SparqlResource implements SparqlApi {
    private final SparqlService sparql;

    @Context
    HttpHeaders headers;

    public SparqlResource(SparqlService sparql) {
        this.sparql = sparql;
    }

    @Override
    public Response sparqlQueryGet(String query) {
        return answer(query);
    }

    @Override
    @ReadOnlyOperation
    public Response sparqlQueryPost(String body) {
        MediaType type = headers.getMediaType();
        if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            return answer(formField(body, "query"));
        }
        return answer(body);
    }

    private Response answer(String query) {
        SparqlService.Answer answer = sparql.query(query, headers.getHeaderString(HttpHeaders.ACCEPT));
        return Response.ok(answer.body(), answer.format().mediaType() + ";charset=utf-8")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .build();
    }

    private static String formField(String body, String name) {
        if (body == null) {
            return null;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
