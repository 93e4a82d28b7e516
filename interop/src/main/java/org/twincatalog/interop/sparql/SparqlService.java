package org.twincatalog.interop.sparql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
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
import org.twincatalog.catalog.MalformedRequest;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.catalog.access.CatalogAccess;
import org.twincatalog.catalog.record.RecordEntity;
import org.twincatalog.catalog.record.RecordPredicate;

/**
 * Runs SPARQL 1.1 queries as the current caller over the graphs it may see: the query's dataset
 * holds only the named graphs of visible records (organizations, and datasets and services the
 * caller's visibility admits, decided in SQL like every list), each with its data part
 * (distributions, endpoint) only when the caller may access the record's data, and its default
 * graph is their union. The protocol's {@code default-graph-uri} and {@code named-graph-uri}, or
 * FROM and FROM NAMED in the query, choose among those graphs; a graph the caller may not see is
 * empty, and nothing is ever fetched. The state graph of the projection is never visible. Queries
 * have a timeout and a result limit, and only so many run at once ({@link SparqlGate}); each query
 * is audited with the number of graphs it could see.
 */
@ApplicationScoped
public class SparqlService {
    private final CatalogGraphStore graphs;
    private final CatalogAccess access;
    private final SparqlConfig config;
    private final SparqlGate gate;
    private final EntityManager em;

    public SparqlService(
            CatalogGraphStore graphs, CatalogAccess access, SparqlConfig config, SparqlGate gate, EntityManager em) {
        this.graphs = graphs;
        this.access = access;
        this.config = config;
        this.gate = gate;
        this.em = em;
    }

    /** A query's answer: its bytes in the chosen format. */
    public record Answer(byte[] body, SparqlFormat format) {}

    /**
     * The graphs a request names with the protocol's {@code default-graph-uri} and {@code
     * named-graph-uri} (empty lists: none named, so the query's FROM and FROM NAMED, or else every
     * visible graph, apply).
     */
    public record GraphSelection(List<String> defaultGraphs, List<String> namedGraphs) {
        public static final GraphSelection NONE = new GraphSelection(List.of(), List.of());

        public GraphSelection {
            defaultGraphs = defaultGraphs == null ? List.of() : List.copyOf(defaultGraphs);
            namedGraphs = namedGraphs == null ? List.of() : List.copyOf(namedGraphs);
        }

        boolean isEmpty() {
            return defaultGraphs.isEmpty() && namedGraphs.isEmpty();
        }
    }

    /** Runs {@code text} over every graph the caller may see; see {@link #query(String, String, GraphSelection)}. */
    public Answer query(String text, String accept) {
        return query(text, accept, GraphSelection.NONE);
    }

    /**
     * Parses and runs {@code text}; {@code accept} chooses the format, {@code selection} the graphs.
     *
     * @throws MalformedRequest for a syntax error (with its line and column) or an update
     * @throws SparqlRefused when the query runs too long or answers too much, or too many run
     */
    public Answer query(String text, String accept, GraphSelection selection) {
        if (!config.enabled()) {
            throw new SparqlRefused(SparqlRefused.Reason.DISABLED, "This node does not keep the catalog graph");
        }
        if (text == null || text.isBlank()) {
            throw new MalformedRequest("the query is missing (query parameter, form field or body)");
        }
        Query query = parse(text);
        LocalQueriesOnly.check(query);
        SparqlFormat format = SparqlFormat.negotiate(accept, query.isSelectType() || query.isAskType());
        Chosen chosen = choose(query, selection);
        Query local = query.cloneQuery();
        local.getGraphURIs().clear();
        local.getNamedGraphURIs().clear();
        int max = config.maxResults();
        if (local.isSelectType() && (!local.hasLimit() || local.getLimit() > max)) {
            local.setLimit(max + 1L);
        }
        try (SparqlGate.Slot slot = gate.enter()) {
            graphs.catchUpWithThisProcess();
            Map<Node, Boolean> visible = visibleGraphs();
            access.recordQuery("sparql", "graphs", visible.size());
            return Txn.calculateRead(graphs.dataset(), () -> run(local, format, view(visible, chosen), max));
        }
    }

    /** The graph names a query asks for: null for "every visible graph". */
    private record Chosen(List<String> defaultGraphs, List<String> namedGraphs) {}

    /**
     * The protocol's graphs when it names any, else the query's FROM and FROM NAMED when it has
     * them (a dataset description naming only one kind leaves the other empty, as SPARQL says),
     * else every visible graph for both.
     */
    private static Chosen choose(Query query, GraphSelection selection) {
        if (!selection.isEmpty()) {
            return new Chosen(selection.defaultGraphs(), selection.namedGraphs());
        }
        if (query.hasDatasetDescription()) {
            return new Chosen(List.copyOf(query.getGraphURIs()), List.copyOf(query.getNamedGraphURIs()));
        }
        return new Chosen(null, null);
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

    /**
     * The names of the graphs the caller may see, each with whether the caller may also access
     * the record's data (and so see the graph's data part).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    Map<Node, Boolean> visibleGraphs() {
        Map<Node, Boolean> visible = new HashMap<>();
        RecordPredicate predicate = access.visibility();
        for (RecordType type : List.of(RecordType.ORGANIZATION, RecordType.DATASET, RecordType.SERVICE)) {
            RecordPredicate p = type == RecordType.ORGANIZATION ? RecordPredicate.ALL : predicate;
            TypedQuery<Object[]> rows = em.createQuery(
                            "SELECT r.id, r.publisherId, r.metaVisibility, r.dataAccess, r.personalData"
                                    + " FROM RecordEntity r WHERE r.recordType = :type AND r.status = 'published' AND ("
                                    + p.jpql("r") + ")",
                            Object[].class)
                    .setParameter("type", type.code());
            p.bind(rows);
            for (Object[] row : rows.getResultList()) {
                RecordEntity record = accessColumns(type, row);
                boolean data = type != RecordType.ORGANIZATION && access.showsData(record);
                visible.put(graphs.graphOf(type, record.id), data);
            }
        }
        return visible;
    }

    /** A record with only the columns the policy reads (not its document). */
    private static RecordEntity accessColumns(RecordType type, Object[] row) {
        RecordEntity record = new RecordEntity();
        record.recordType = type.code();
        record.id = (String) row[0];
        record.publisherId = (String) row[1];
        record.metaVisibility = (String) row[2];
        record.dataAccess = (String) row[3];
        record.personalData = Boolean.TRUE.equals(row[4]);
        record.status = "published";
        return record;
    }

    /**
     * The store seen through {@code visible}: the chosen named graphs that are visible (each
     * linked, not copied, with its data part when shown) and the union of the chosen default
     * graphs that are visible as the default graph, in a general dataset so that the query engine
     * reads only through these graphs. A chosen name that is not visible adds nothing.
     */
    private DatasetGraph view(Map<Node, Boolean> visible, Chosen chosen) {
        DatasetGraph base = graphs.dataset().asDatasetGraph();
        List<Node> defaults = new ArrayList<>();
        for (Node name : names(visible, chosen.defaultGraphs())) {
            defaults.add(name);
            if (visible.get(name)) {
                defaults.add(CatalogGraphStore.dataGraphOf(name));
            }
        }
        DatasetGraph view = DatasetGraphFactory.createGeneral(new GraphUnionRead(base, defaults));
        for (Node name : names(visible, chosen.namedGraphs())) {
            view.addGraph(
                    name,
                    visible.get(name)
                            ? new GraphUnionRead(base, List.of(name, CatalogGraphStore.dataGraphOf(name)))
                            : base.getGraph(name));
        }
        return view;
    }

    /** The visible graphs among {@code chosen} (all visible graphs for null), without repeats. */
    private static Set<Node> names(Map<Node, Boolean> visible, List<String> chosen) {
        if (chosen == null) {
            return visible.keySet();
        }
        Set<Node> names = new LinkedHashSet<>();
        for (String uri : chosen) {
            Node name = NodeFactory.createURI(uri);
            if (visible.containsKey(name)) {
                names.add(name);
            }
        }
        return names;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
