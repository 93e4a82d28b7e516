package org.twincatalog.interop.sparql;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.jboss.logging.Logger;
import org.twincatalog.api.v1.model.DataService;
import org.twincatalog.api.v1.model.Organization;
import org.twincatalog.catalog.NodeConfig;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.catalog.changes.ChangeEntity;
import org.twincatalog.catalog.changes.ChangeLog;
import org.twincatalog.catalog.changes.ProjectionPoller;
import org.twincatalog.catalog.config.DataDirectory;
import org.twincatalog.catalog.dcat.DcatMapper;
import org.twincatalog.catalog.record.RecordEntity;
import org.twincatalog.catalog.record.RecordMapper;
import org.twincatalog.catalog.record.RecordStore;

/**
 * The catalog graph, a projection of the change log in a TDB2 store on disk: each published
 * record in its own named graph (its DCAT-AP description as {@link DcatMapper} exports it, named
 * by the record's URI), a withdrawn record's graph removed. The part of a description that is
 * about data (a dataset's {@code dcat:distribution}s and the {@code dcat:Distribution}s, a
 * service's {@code dcat:endpointURL}) is kept in a companion graph ({@link #dataGraphOf}) that a
 * query sees, merged into the record's graph, only when its caller may access the record's data,
 * as the DCAT export shows it. Each batch of changes is one store transaction that also records
 * the sequence it reaches (in a state graph that queries never see), so a restart or a crash
 * resumes from a committed sequence; a store built from another log, or in another layout, is
 * emptied and rebuilt.
 */
@ApplicationScoped
public class CatalogGraphStore {
    private static final Logger LOG = Logger.getLogger(CatalogGraphStore.class);
    static final Node STATE_GRAPH = NodeFactory.createURI("urn:twin-catalog:sparql:state");
    private static final Node STATE = NodeFactory.createURI("urn:twin-catalog:sparql:projection");
    private static final Node SEQUENCE = NodeFactory.createURI("urn:twin-catalog:sparql:sequence");
    private static final Node LOG_ID = NodeFactory.createURI("urn:twin-catalog:sparql:log");
    private static final Node LAYOUT_ID = NodeFactory.createURI("urn:twin-catalog:sparql:layout");
    private static final String DATA_GRAPH_PREFIX = "urn:twin-catalog:sparql:data:";
    /**
     * The graph layout; a store written in another one is rebuilt from the log. 2: distributions
     * and service endpoints in each record's data graph (1 left them out).
     */
    static final String LAYOUT = "2";

    private final ChangeLog changeLog;
    private final RecordStore store;
    private final SparqlConfig config;
    private final DcatMapper mapper;
    private final DataDirectory dataDir;
    private volatile Dataset dataset;
    private volatile long applied;
    private ProjectionPoller poller;

    public CatalogGraphStore(
            ChangeLog changeLog, RecordStore store, SparqlConfig config, NodeConfig node, DataDirectory dataDir) {
        this.changeLog = changeLog;
        this.store = store;
        this.config = config;
        this.mapper = new DcatMapper(node.baseUrl());
        this.dataDir = dataDir;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("SPARQL graph store disabled (tc.sparql.enabled=false)");
            return;
        }
        Path path = dataDir.resolve(config.storeDir(), "sparql");
        dataset = TDB2Factory.connectDataset(path.toString());
        String log = changeLog.identity();
        Txn.executeWrite(dataset, () -> {
            DatasetGraph g = dataset.asDatasetGraph();
            String bound = literal(g, LOG_ID);
            String seq = literal(g, SEQUENCE);
            long at = seq == null ? 0 : Long.parseLong(seq);
            if (!log.equals(bound) || !LAYOUT.equals(literal(g, LAYOUT_ID)) || at > changeLog.lastSequence()) {
                g.clear();
                g.add(STATE_GRAPH, STATE, LOG_ID, NodeFactory.createLiteralString(log));
                g.add(STATE_GRAPH, STATE, LAYOUT_ID, NodeFactory.createLiteralString(LAYOUT));
                at = 0;
            }
            applied = at;
        });
        long started = System.nanoTime();
        int changes = catchUp();
        LOG.infof(
                "SPARQL graph store at %s: caught up with %d changes in %d ms",
                path, changes, (System.nanoTime() - started) / 1_000_000);
        poller = ProjectionPoller.start("sparql-projector", config.pollMillis(), changeLog, this::catchUp);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.close();
        }
        if (dataset != null) {
            dataset.close();
            // TDB2 keeps the store (and its file lock) managed per JVM until it is expelled; a
            // node restarted in the same JVM (tests switching profiles) must be able to reopen it.
            org.apache.jena.tdb2.sys.TDBInternal.expel(dataset.asDatasetGraph());
        }
    }

    /** The store (read it inside a read transaction). */
    Dataset dataset() {
        return dataset;
    }

    /** The change-log sequence the store has reached. */
    long appliedSequence() {
        return applied;
    }

    /** Catches up with everything this process has committed so far (cheap when up to date). */
    void catchUpWithThisProcess() {
        if (dataset != null && applied < changeLog.lastCommittedHere()) {
            catchUp();
        }
    }

    /** Applies every change after the store's sequence; answers how many it applied. */
    synchronized int catchUp() {
        int total = 0;
        while (true) {
            long from = applied;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> readBatch(from));
            if (batch.lastSequence == from) {
                return total;
            }
            Txn.executeWrite(dataset, () -> {
                DatasetGraph g = dataset.asDatasetGraph();
                batch.graphs.forEach((name, model) -> {
                    g.removeGraph(name);
                    if (model != null) {
                        model.getGraph()
                                .find()
                                .forEachRemaining(t -> g.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
                    }
                });
                g.deleteAny(STATE_GRAPH, STATE, SEQUENCE, Node.ANY);
                g.add(STATE_GRAPH, STATE, SEQUENCE, NodeFactory.createLiteralString(Long.toString(batch.lastSequence)));
            });
            applied = batch.lastSequence;
            total += batch.changes;
        }
    }

    /** The graph name of a record. */
    Node graphOf(RecordType type, String id) {
        String uri = type == RecordType.DATASET
                ? mapper.datasetUri(id)
                : type == RecordType.SERVICE ? mapper.serviceUri(id) : mapper.organizationUri(id);
        return NodeFactory.createURI(uri);
    }

    /** The companion graph holding the data part of the record graph {@code graph} (never queried by name). */
    static Node dataGraphOf(Node graph) {
        return NodeFactory.createURI(DATA_GRAPH_PREFIX + graph.getURI());
    }

    private record Batch(Map<Node, Model> graphs, long lastSequence, int changes) {}

    /**
     * The new content of each changed record's graph (null: remove it). The batch's records are
     * read with one query per type, their publishers with one more, and described on every core.
     */
    private Batch readBatch(long from) {
        List<ChangeEntity> changes = changeLog.after(from, config.batchSize());
        if (changes.isEmpty()) {
            return new Batch(Map.of(), from, 0);
        }
        Map<RecordType, Set<String>> ids = new EnumMap<>(RecordType.class);
        List<Map.Entry<RecordType, String>> changed = new ArrayList<>();
        for (ChangeEntity change : changes) {
            RecordType type = typeOf(change.recordType);
            if (type != null
                    && ids.computeIfAbsent(type, t -> new LinkedHashSet<>()).add(change.recordId)) {
                changed.add(Map.entry(type, change.recordId));
            }
        }
        Map<RecordType, Map<String, RecordEntity>> records = new EnumMap<>(RecordType.class);
        ids.forEach((type, set) -> records.put(type, store.findAll(type, set)));
        Function<String, Organization> publishers = publishersOf(records);
        List<Description> models = IntStream.range(0, changed.size())
                .parallel()
                .mapToObj(i -> {
                    RecordType type = changed.get(i).getKey();
                    RecordEntity record = records.get(type).get(changed.get(i).getValue());
                    return record == null || record.withdrawn() ? null : describe(type, record, publishers);
                })
                .toList();
        Map<Node, Model> graphs = new LinkedHashMap<>();
        for (int i = 0; i < changed.size(); i++) {
            Node name = graphOf(changed.get(i).getKey(), changed.get(i).getValue());
            Description description = models.get(i);
            graphs.put(name, description == null ? null : description.metadata());
            graphs.put(dataGraphOf(name), description == null ? null : description.data());
        }
        return new Batch(graphs, changes.get(changes.size() - 1).sequence, changes.size());
    }

    /** The published organizations that publish the batch's datasets and services, read at once. */
    private Function<String, Organization> publishersOf(Map<RecordType, Map<String, RecordEntity>> records) {
        Set<String> publisherIds = new HashSet<>();
        for (RecordType type : List.of(RecordType.DATASET, RecordType.SERVICE)) {
            records.getOrDefault(type, Map.of()).values().stream()
                    .map(r -> r.publisherId)
                    .filter(java.util.Objects::nonNull)
                    .forEach(publisherIds::add);
        }
        Map<String, Organization> organizations = new HashMap<>();
        store.findAll(RecordType.ORGANIZATION, publisherIds).forEach((id, record) -> {
            if (!record.withdrawn()) {
                organizations.put(id, RecordMapper.toModel(record, Organization.class));
            }
        });
        return organizations::get;
    }

    /** A record's description: its metadata, and the part about its data (possibly empty). */
    private record Description(Model metadata, Model data) {}

    private Description describe(RecordType type, RecordEntity record, Function<String, Organization> publishers) {
        Model metadata = ModelFactory.createDefaultModel();
        Model data = ModelFactory.createDefaultModel();
        if (type == RecordType.DATASET) {
            org.twincatalog.api.v1.model.Dataset d =
                    RecordMapper.toModel(record, org.twincatalog.api.v1.model.Dataset.class);
            mapper.addDistributions(data, d);
            d.setDistributions(null);
            mapper.addDataset(metadata, d, publishers);
        } else if (type == RecordType.SERVICE) {
            DataService s = RecordMapper.toModel(record, DataService.class);
            mapper.addEndpoint(data, s);
            s.setEndpointUrl(null);
            mapper.addService(metadata, s, publishers);
        } else {
            mapper.addOrganization(metadata, RecordMapper.toModel(record, Organization.class));
        }
        return new Description(metadata, data);
    }

    private static String literal(DatasetGraph g, Node property) {
        var found = g.find(STATE_GRAPH, STATE, property, Node.ANY);
        return found.hasNext() ? found.next().getObject().getLiteralLexicalForm() : null;
    }

    /** The record types this projection describes; null for others. */
    private static RecordType typeOf(String code) {
        for (RecordType type : List.of(RecordType.DATASET, RecordType.SERVICE, RecordType.ORGANIZATION)) {
            if (type.code().equals(code)) {
                return type;
            }
        }
        return null;
    }
}
