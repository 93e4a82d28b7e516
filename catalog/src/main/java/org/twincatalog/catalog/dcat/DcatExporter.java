package org.twincatalog.catalog.dcat;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.vocabulary.DCAT;
import org.twincatalog.api.v1.model.DataService;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Organization;
import org.twincatalog.catalog.NodeConfig;
import org.twincatalog.catalog.NotFound;
import org.twincatalog.catalog.organization.OrganizationService;

/**
 * Builds the DCAT-AP export of one dataset or of the whole catalog (whose records the caller
 * reads: this class reads only the publishers).
 */
@ApplicationScoped
public class DcatExporter {
    static {
        JenaSystem.init();
    }

    private final NodeConfig node;
    private final OrganizationService organizations;
    private final DcatMapper mapper;

    public DcatExporter(NodeConfig node, OrganizationService organizations) {
        this.node = node;
        this.organizations = organizations;
        this.mapper = new DcatMapper(node.baseUrl());
    }

    /** One dataset with its distributions and publisher. */
    public Model dataset(Dataset dataset) {
        Model model = DcatMapper.newModel();
        mapper.addDataset(model, dataset, publisherLookup());
        return model;
    }

    /** The whole catalog: the given (published) datasets and services, and their publishers. */
    public Model catalog(Iterable<Dataset> datasets, Iterable<DataService> services) {
        Model model = DcatMapper.newModel();
        Function<String, Organization> publishers = publisherLookup();
        Resource operator = node.operator()
                .map(publishers)
                .map(org -> mapper.addOrganization(model, org))
                .orElseGet(() -> mapper.addAgent(model, mapper.catalogUri() + "#operator", node.title()));
        Resource catalog = mapper.addCatalog(model, node.title(), node.description(), operator);
        for (Dataset d : datasets) {
            catalog.addProperty(DCAT.dataset, mapper.addDataset(model, d, publishers));
        }
        for (DataService s : services) {
            catalog.addProperty(DCAT.service, mapper.addService(model, s, publishers));
        }
        return model;
    }

    /** Serializes a model in the given format. */
    public static String write(Model model, RdfFormat format) {
        StringWriter out = new StringWriter();
        RDFDataMgr.write(out, model, format.jena());
        return out.toString();
    }

    private Function<String, Organization> publisherLookup() {
        Map<String, Organization> seen = new HashMap<>();
        return id -> seen.computeIfAbsent(id, key -> {
            try {
                return organizations.get(key);
            } catch (NotFound | org.twincatalog.catalog.Gone e) {
                return null;
            }
        });
    }
}
