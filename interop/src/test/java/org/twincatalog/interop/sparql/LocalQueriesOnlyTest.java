package org.twincatalog.interop.sparql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.twincatalog.catalog.MalformedRequest;

/** A SPARQL query never makes the node fetch a URL: SERVICE is refused in every form. */
class LocalQueriesOnlyTest {
    private static HttpServer target;
    private static final AtomicInteger REQUESTS = new AtomicInteger();

    @BeforeAll
    static void startTarget() throws IOException {
        target = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        target.createContext("/", exchange -> {
            REQUESTS.incrementAndGet();
            byte[] body = "{\"head\":{\"vars\":[]},\"results\":{\"bindings\":[{}]}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/sparql-results+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        target.start();
    }

    @AfterAll
    static void stopTarget() {
        target.stop(0);
    }

    static List<String> serviceQueries() throws IOException {
        String url = "http://127.0.0.1:" + target.getAddress().getPort() + "/sparql";
        try (InputStream in = LocalQueriesOnlyTest.class.getResourceAsStream("/sparql/service-queries.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.replace("{url}", url))
                    .toList();
        }
    }

    @ParameterizedTest
    @MethodSource("serviceQueries")
    void aServiceClause_inAnyForm_isRefusedBeforeTheQueryRuns(String text) {
        Query query = SparqlService.parse(text);

        assertThatThrownBy(() -> LocalQueriesOnly.check(query))
                .isInstanceOf(MalformedRequest.class)
                .hasMessageContaining("SERVICE");
        assertThat(REQUESTS).hasValue(0);
    }

    /**
     * Jena turns a failure inside a filter into an evaluation error, so the refusal is not always
     * seen as an exception; what counts is that no request leaves the node.
     */
    @ParameterizedTest
    @MethodSource("serviceQueries")
    void theExecutionRegistry_sendsNoRequest_evenWhenTheCheckIsSkipped(String text) {
        REQUESTS.set(0);

        execute(text, LocalQueriesOnly.refusingRegistry());

        assertThat(REQUESTS).hasValue(0);
    }

    @Test
    void withJenasDefaultRegistry_theSameQueryWouldFetchTheUrl() throws IOException {
        REQUESTS.set(0);

        execute(serviceQueries().get(0), ServiceExecutorRegistry.standardRegistry());

        assertThat(REQUESTS.get()).isPositive();
        REQUESTS.set(0);
    }

    private static void execute(String text, ServiceExecutorRegistry registry) {
        Query query = QueryFactory.create(text);
        Dataset data = DatasetFactory.create();
        Model model = data.getDefaultModel();
        model.createResource("urn:s").addProperty(model.createProperty("urn:p"), "o");
        try (QueryExecution exec = QueryExecution.create()
                .query(query)
                .dataset(data)
                .set(ARQConstants.registryServiceExecutors, registry)
                .build()) {
            if (query.isSelectType()) {
                exec.execSelect().forEachRemaining(row -> {});
            } else if (query.isAskType()) {
                exec.execAsk();
            } else if (query.isConstructType()) {
                exec.execConstruct();
            } else {
                exec.execDescribe();
            }
        } catch (RuntimeException e) {
            // refused (the registry's exception) or a failed remote call; either way the count decides
        }
    }

    @Test
    void aQueryWithoutService_passes() {
        LocalQueriesOnly.check(SparqlService.parse(
                "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } FILTER EXISTS { ?s a ?t } { SELECT ?s WHERE { ?s ?x ?y } } }"));
    }
}
