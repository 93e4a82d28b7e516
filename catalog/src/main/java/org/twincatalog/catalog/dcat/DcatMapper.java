package org.twincatalog.catalog.dcat;

import static org.twincatalog.catalog.dcat.RdfTerms.FOAF;
import static org.twincatalog.catalog.dcat.RdfTerms.accessRights;
import static org.twincatalog.catalog.dcat.RdfTerms.concept;
import static org.twincatalog.catalog.dcat.RdfTerms.contactPoint;
import static org.twincatalog.catalog.dcat.RdfTerms.date;
import static org.twincatalog.catalog.dcat.RdfTerms.dateTime;
import static org.twincatalog.catalog.dcat.RdfTerms.each;
import static org.twincatalog.catalog.dcat.RdfTerms.integer;
import static org.twincatalog.catalog.dcat.RdfTerms.keywords;
import static org.twincatalog.catalog.dcat.RdfTerms.labelledConcept;
import static org.twincatalog.catalog.dcat.RdfTerms.langMap;
import static org.twincatalog.catalog.dcat.RdfTerms.typed;
import static org.twincatalog.catalog.dcat.RdfTerms.url;
import static org.twincatalog.catalog.dcat.SpatialTerms.spatial;
import static org.twincatalog.catalog.dcat.TwinTerms.twin;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.twincatalog.api.v1.model.DataService;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Distribution;
import org.twincatalog.api.v1.model.Organization;
import org.twincatalog.api.v1.model.RecordOrigin;
import org.twincatalog.ontology.Tc;

/**
 * Maps catalog records to DCAT-AP 3 / GeoDCAT-AP RDF with the twin-catalog extension. Every
 * linked resource is typed (a licence is a dct:LicenseDocument, a publisher a foaf:Agent, ...)
 * so that the export conforms to the DCAT-AP SHACL shapes.
 */
public final class DcatMapper {

    private static final String PROV = "http://www.w3.org/ns/prov#";

    private final String baseUrl;

    /** @param baseUrl the node's public base URL; record URIs are minted under it */
    public DcatMapper(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public static Model newModel() {
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefix("dcat", DCAT.NS);
        model.setNsPrefix("dct", DCTerms.NS);
        model.setNsPrefix("foaf", FOAF);
        model.setNsPrefix("skos", SKOS.uri);
        model.setNsPrefix("vcard", Vocab.VCARD);
        model.setNsPrefix("spdx", Vocab.SPDX);
        model.setNsPrefix("locn", Vocab.LOCN);
        model.setNsPrefix("gsp", Vocab.GSP);
        model.setNsPrefix("xsd", XSDDatatype.XSD + "#");
        model.setNsPrefix("tc", Tc.NS);
        model.setNsPrefix("prov", PROV);
        return model;
    }

    public String catalogUri() {
        return baseUrl + "/api/v1/catalog";
    }

    public String datasetUri(String id) {
        return baseUrl + "/api/v1/datasets/" + id;
    }

    public String distributionUri(String datasetId, String id) {
        return datasetUri(datasetId) + "/distributions/" + id;
    }

    public String serviceUri(String id) {
        return baseUrl + "/api/v1/services/" + id;
    }

    public String organizationUri(String id) {
        return baseUrl + "/api/v1/organizations/" + id;
    }

    /** Adds an organization as a typed foaf:Agent. */
    public Resource addOrganization(Model model, Organization org) {
        Resource agent = model.createResource(organizationUri(org.getId()))
                .addProperty(RDF.type, model.createResource(FOAF + "Agent"))
                .addProperty(RDF.type, model.createResource(FOAF + "Organization"))
                .addProperty(DCTerms.identifier, org.getId());
        langMap(agent, model.createProperty(FOAF + "name"), org.getName());
        if (org.getAreaCode() != null) {
            agent.addProperty(Tc.adminAreaCode, org.getAreaCode());
        }
        if (org.getKind() != null) {
            agent.addProperty(
                    Tc.organizationKind,
                    concept(model, "organization-kind", org.getKind().toString()));
        }
        if (org.getHomepage() != null) {
            agent.addProperty(
                    model.createProperty(FOAF + "homepage"), typed(model, org.getHomepage(), FOAF + "Document"));
        }
        if (org.getEmail() != null) {
            agent.addProperty(model.createProperty(FOAF + "mbox"), model.createResource("mailto:" + org.getEmail()));
        }
        return agent;
    }

    /** Adds a dataset, its distributions and its publisher (looked up by id). */
    public Resource addDataset(Model model, Dataset d, Function<String, Organization> publishers) {
        Resource ds = model.createResource(datasetUri(d.getId()))
                .addProperty(RDF.type, DCAT.Dataset)
                .addProperty(DCTerms.identifier, d.getId());
        langMap(ds, DCTerms.title, d.getTitle());
        langMap(ds, DCTerms.description, d.getDescription());
        keywords(ds, d.getKeywords());
        each(d.getThemes(), t -> ds.addProperty(DCAT.theme, labelledConcept(model, t)));
        publisher(model, ds, d.getPublisher(), publishers);
        contactPoint(model, ds, d.getContactPoint());
        spatial(model, ds, d.getSpatial(), publishers.apply(d.getPublisher()));
        if (d.getTemporal() != null) {
            Resource period = model.createResource().addProperty(RDF.type, DCTerms.PeriodOfTime);
            if (d.getTemporal().getStart() != null) {
                period.addProperty(
                        DCAT.startDate, date(model, d.getTemporal().getStart().toString()));
            }
            if (d.getTemporal().getEnd() != null) {
                period.addProperty(
                        DCAT.endDate, date(model, d.getTemporal().getEnd().toString()));
            }
            ds.addProperty(DCTerms.temporal, period);
        }
        if (d.getIssued() != null) {
            ds.addProperty(DCTerms.issued, date(model, d.getIssued().toString()));
        }
        if (d.getModified() != null) {
            ds.addProperty(DCTerms.modified, dateTime(model, d.getModified()));
        }
        if (d.getAccrualPeriodicity() != null) {
            ds.addProperty(
                    DCTerms.accrualPeriodicity, typed(model, d.getAccrualPeriodicity(), DCTerms.Frequency.getURI()));
        }
        if (d.getAccessRights() != null) {
            ds.addProperty(
                    DCTerms.accessRights,
                    accessRights(model, d.getAccessRights().toString()));
        }
        each(d.getConformsTo(), c -> ds.addProperty(DCTerms.conformsTo, typed(model, c, DCTerms.Standard.getURI())));
        if (d.getVersion() != null) {
            ds.addProperty(model.createProperty(DCAT.NS + "version"), d.getVersion());
        }
        if (d.getLandingPage() != null) {
            ds.addProperty(DCAT.landingPage, typed(model, d.getLandingPage(), FOAF + "Document"));
        }
        twin(model, ds, d.getTwin());
        provenance(model, ds, d, d.getOrigin());
        addDistributions(model, d);
        return ds;
    }

    /**
     * Adds the dataset's distributions and its {@code dcat:distribution} links to them (none when
     * the list is null): the part of a dataset's description that is about its data.
     */
    public void addDistributions(Model model, Dataset d) {
        Resource ds = model.createResource(datasetUri(d.getId()));
        for (Distribution dist : d.getDistributions() == null ? List.<Distribution>of() : d.getDistributions()) {
            ds.addProperty(DCAT.distribution, distribution(model, d, dist));
        }
    }

    /** Adds a data service and its publisher. */
    public Resource addService(Model model, DataService s, Function<String, Organization> publishers) {
        Resource svc = model.createResource(serviceUri(s.getId()))
                .addProperty(RDF.type, DCAT.DataService)
                .addProperty(DCTerms.identifier, s.getId());
        langMap(svc, DCTerms.title, s.getTitle());
        langMap(svc, DCTerms.description, s.getDescription());
        keywords(svc, s.getKeywords());
        publisher(model, svc, s.getPublisher(), publishers);
        contactPoint(model, svc, s.getContactPoint());
        addEndpoint(model, s);
        if (s.getEndpointDescription() != null) {
            svc.addProperty(DCAT.endpointDescription, url(model, s.getEndpointDescription()));
        }
        each(s.getConformsTo(), c -> svc.addProperty(DCTerms.conformsTo, typed(model, c, DCTerms.Standard.getURI())));
        each(s.getServesDatasets(), id -> svc.addProperty(DCAT.servesDataset, model.createResource(datasetUri(id))));
        each(s.getThemes(), t -> svc.addProperty(DCAT.theme, labelledConcept(model, t)));
        if (s.getLicense() != null) {
            svc.addProperty(DCTerms.license, typed(model, s.getLicense(), DCTerms.LicenseDocument.getURI()));
        }
        if (s.getAccessRights() != null) {
            svc.addProperty(
                    DCTerms.accessRights,
                    accessRights(model, s.getAccessRights().toString()));
        }
        spatial(model, svc, s.getSpatial(), publishers.apply(s.getPublisher()));
        if (s.getModified() != null) {
            svc.addProperty(DCTerms.modified, dateTime(model, s.getModified()));
        }
        provenance(model, svc, null, s.getOrigin());
        return svc;
    }

    /**
     * Adds the service's {@code dcat:endpointURL} (nothing when it is null, as for a caller who may
     * not access the service's data): the part of a service's description that is about its data.
     */
    public void addEndpoint(Model model, DataService s) {
        if (s.getEndpointUrl() != null) {
            model.createResource(serviceUri(s.getId())).addProperty(DCAT.endpointURL, url(model, s.getEndpointUrl()));
        }
    }

    /**
     * A mirror links back to its original at the origin node: {@code prov:wasDerivedFrom}, and for
     * a dataset {@code dct:source} (DCAT-AP: "a related Dataset from which the described Dataset
     * is derived", whose range is a dcat:Dataset: the original is typed so and given its
     * identifier, title and description, which the mirror shares). Nothing for a record registered
     * here or a mirror without a known source.
     */
    private static void provenance(Model model, Resource record, Dataset d, RecordOrigin origin) {
        if (origin == null || origin.getSource() == null) {
            return;
        }
        Resource original = model.createResource(origin.getSource().toString());
        record.addProperty(model.createProperty(PROV + "wasDerivedFrom"), original);
        if (d != null) {
            record.addProperty(DCTerms.source, original);
            original.addProperty(RDF.type, DCAT.Dataset);
            if (origin.getId() != null) {
                original.addProperty(DCTerms.identifier, origin.getId());
            }
            langMap(original, DCTerms.title, d.getTitle());
            langMap(original, DCTerms.description, d.getDescription());
        }
    }

    /** Adds the catalog resource itself. */
    public Resource addCatalog(
            Model model, Map<String, String> title, Map<String, String> description, Resource publisher) {
        Resource catalog = model.createResource(catalogUri()).addProperty(RDF.type, DCAT.Catalog);
        langMap(catalog, DCTerms.title, title);
        langMap(catalog, DCTerms.description, description);
        catalog.addProperty(DCTerms.publisher, publisher);
        return catalog;
    }

    /** A foaf:Agent for an operator that is not a registered organization. */
    public Resource addAgent(Model model, String uri, Map<String, String> name) {
        Resource agent = model.createResource(uri).addProperty(RDF.type, model.createResource(FOAF + "Agent"));
        langMap(agent, model.createProperty(FOAF + "name"), name);
        return agent;
    }

    private Resource distribution(Model model, Dataset d, Distribution dist) {
        Resource r = model.createResource(distributionUri(d.getId(), dist.getId()))
                .addProperty(RDF.type, DCAT.Distribution)
                .addProperty(DCTerms.identifier, dist.getId());
        langMap(r, DCTerms.title, dist.getTitle());
        langMap(r, DCTerms.description, dist.getDescription());
        r.addProperty(DCAT.accessURL, url(model, dist.getAccessUrl()));
        if (dist.getDownloadUrl() != null) {
            r.addProperty(DCAT.downloadURL, url(model, dist.getDownloadUrl()));
        }
        if (dist.getMediaType() != null) {
            r.addProperty(
                    DCAT.mediaType,
                    typed(model, URI.create(Vocab.IANA_MEDIA_TYPES + dist.getMediaType()), DCTerms.MediaType.getURI()));
        }
        if (dist.getFormat() != null) {
            r.addProperty(DCTerms.format, typed(model, dist.getFormat(), DCTerms.MediaTypeOrExtent.getURI()));
        }
        if (dist.getByteSize() != null) {
            r.addProperty(
                    DCAT.byteSize,
                    model.createTypedLiteral(dist.getByteSize().toString(), XSDDatatype.XSDnonNegativeInteger));
        }
        if (dist.getChecksum() != null) {
            Resource algorithm = model.createResource(Vocab.SPDX + "checksumAlgorithm_"
                            + dist.getChecksum().getAlgorithm())
                    .addProperty(RDF.type, Vocab.ChecksumAlgorithm);
            r.addProperty(
                    Vocab.checksum,
                    model.createResource()
                            .addProperty(RDF.type, Vocab.Checksum)
                            .addProperty(Vocab.algorithm, algorithm)
                            .addProperty(
                                    Vocab.checksumValue,
                                    model.createTypedLiteral(dist.getChecksum().getValue(), XSDDatatype.XSDhexBinary)));
        }
        each(dist.getConformsTo(), c -> r.addProperty(DCTerms.conformsTo, typed(model, c, DCTerms.Standard.getURI())));
        URI license = dist.getLicense() != null ? dist.getLicense() : d.getLicense();
        if (license != null) {
            r.addProperty(DCTerms.license, typed(model, license, DCTerms.LicenseDocument.getURI()));
        }
        if (dist.getModified() != null) {
            r.addProperty(DCTerms.modified, dateTime(model, dist.getModified()));
        }
        if (dist.getFeatureType() != null) {
            r.addProperty(Tc.featureType, concept(model, "feature-type", dist.getFeatureType()));
        }
        each(dist.getLevelsOfDetail(), lod -> r.addLiteral(Tc.levelOfDetail, integer(model, lod)));
        return r;
    }

    private void publisher(
            Model model, Resource subject, String publisherId, Function<String, Organization> publishers) {
        Organization org = publisherId == null ? null : publishers.apply(publisherId);
        if (org != null) {
            subject.addProperty(DCTerms.publisher, addOrganization(model, org));
        } else if (publisherId != null) {
            Resource agent = model.createResource(organizationUri(publisherId))
                    .addProperty(RDF.type, model.createResource(FOAF + "Agent"))
                    .addProperty(model.createProperty(FOAF + "name"), publisherId);
            subject.addProperty(DCTerms.publisher, agent);
        }
    }
}
