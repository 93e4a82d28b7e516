package org.twincatalog.catalog.sparql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphUnionRead;
import org.apache.jena.system.Txn;
import org.twincatalog.catalog.access.CatalogAccess;
import org.twincatalog.catalog.error.MalformedRequest;
import org.twincatalog.catalog.record.RecordPredicate;
import org.twincatalog.catalog.record.RecordType;

/**
 * Runs SPARQL 1.1 queries as the current caller over the graphs it may see: the query's dataset
 * holds only the named graphs of visible records (organizations, and datasets and services the
 * caller's visibility admits, decided in SQL like every list), and its default graph is their
 * union. The state graph of the projection is never visible. Queries have a timeout and a
 * result limit; each query is audited with the number of graphs it could see.
 */
@ApplicationScoped
public class SparqlService {
    private final CatalogGraphStore graphs;
    private final CatalogAccess access;
    private final SparqlConfig config;
    private final EntityManager em;

    public SparqlService(CatalogGraphStore graphs, CatalogAccess access, SparqlConfig config, EntityManager em) {
        this.graphs = graphs;
        this.access = access;
        this.config = config;
        this.em = em;
    }

    /** A query's answer: its bytes in the chosen format. */
    public record Answer(byte[] body, SparqlFormat format) {}

    /**
     * Parses and runs {@code text}; {@code accept} chooses the format.
     *
     * @throws MalformedRequest for a syntax error (with its line and column) or an update
     * @throws SparqlRefused when the query runs too long or answers too much
     */
    public Answer query(String text, String accept) {
        if (!config.enabled()) {
            throw new SparqlRefused(SparqlRefused.Reason.DISABLED, "This node does not keep the catalog graph");
        }
        if (text == null || text.isBlank()) {
            throw new MalformedRequest("the query is missing (query parameter, form field or body)");
        }
        Query query = parse(text);
        LocalQueriesOnly.check(query);
        SparqlFormat format = SparqlFormat.negotiate(accept, query.isSelectType() || query.isAskType());
        int max = config.maxResults();
        if (query.isSelectType() && (!query.hasLimit() || query.getLimit() > max)) {
            query.setLimit(max + 1L);
        }
        graphs.catchUpWithThisProcess();
        Set<Node> visible = visibleGraphs();
        access.recordQuery("sparql", "graphs", visible.size());
        return Txn.calculateRead(graphs.dataset(), () -> run(query, format, view(visible), max));
    }

    private Answer run(Query query, SparqlFormat format, DatasetGraph view, int max) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (QueryExecution exec = QueryExecution.create()
                .query(query)
                .dataset(org.apache.jena.query.DatasetFactory.wrap(view))
                .timeout(config.timeoutMillis(), TimeUnit.MILLISECONDS)
                .set(ARQConstants.registryServiceExecutors, LocalQueriesOnly.refusingRegistry())
                .build()) {
            if (query.isSelectType()) {
                ResultSetRewindable rows = ResultSetFactory.makeRewindable(exec.execSelect());
                if (rows.size() > max) {
                    throw tooMany(max);
                }
                ResultSetMgr.write(out, (ResultSet) rows, format.resultsLang());
            } else if (query.isAskType()) {
                ResultSetMgr.write(out, exec.execAsk(), format.resultsLang());
            } else {
                Model model = query.isConstructType() ? exec.execConstruct() : exec.execDescribe();
                if (model.size() > max) {
                    throw tooMany(max);
                }
                RDFDataMgr.write(out, model, format.rdfLang());
            }
        } catch (QueryCancelledException e) {
            throw new SparqlRefused(
                    SparqlRefused.Reason.TIMEOUT, "The query did not finish within " + config.timeoutMillis() + " ms");
        } catch (RuntimeException e) {
            throw LocalQueriesOnly.explain(e);
        }
        return new Answer(out.toByteArray(), format);
    }

    private static SparqlRefused tooMany(int max) {
        return new SparqlRefused(
                SparqlRefused.Reason.RESULT_LIMIT,
                "The query has more than " + max + " results; add a LIMIT or narrow it");
    }

    static Query parse(String text) {
        try {
            return QueryFactory.create(text, Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            String message =
                    e.getMessage() == null ? "syntax error" : e.getMessage().replaceAll("\\s+", " ");
            throw new MalformedRequest(
                    "SPARQL syntax error at line " + e.getLine() + ", column " + e.getColumn() + ": " + message);
        }
    }

    /** The names of the graphs the caller may see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    Set<Node> visibleGraphs() {
        Set<Node> visible = new HashSet<>();
        RecordPredicate predicate = access.visibility();
        for (RecordType type : List.of(RecordType.ORGANIZATION, RecordType.DATASET, RecordType.SERVICE)) {
            RecordPredicate p = type == RecordType.ORGANIZATION ? RecordPredicate.ALL : predicate;
            TypedQuery<String> ids = em.createQuery(
                            "SELECT r.id FROM RecordEntity r WHERE r.recordType = :type AND r.status = 'published' AND ("
                                    + p.jpql("r") + ")",
                            String.class)
                    .setParameter("type", type.code());
            p.bind(ids);
            ids.getResultList().forEach(id -> visible.add(graphs.graphOf(type, id)));
        }
        return visible;
    }

    /**
     * The store seen through {@code visible}: those named graphs (linked, not copied) and their
     * union as the default graph, in a general dataset so that the query engine reads only
     * through these graphs.
     */
    private DatasetGraph view(Set<Node> visible) {
        DatasetGraph base = graphs.dataset().asDatasetGraph();
        DatasetGraph view = DatasetGraphFactory.createGeneral(new GraphUnionRead(base, visible));
        for (Node name : visible) {
            view.addGraph(name, base.getGraph(name));
        }
        return view;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
