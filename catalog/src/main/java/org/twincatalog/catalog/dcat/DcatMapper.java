package org.twincatalog.catalog.dcat;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.twincatalog.api.v1.model.ContactPoint;
import org.twincatalog.api.v1.model.DataService;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Distribution;
import org.twincatalog.api.v1.model.Organization;
import org.twincatalog.api.v1.model.Spatial;
import org.twincatalog.api.v1.model.TwinProfile;
import org.twincatalog.ontology.Tc;

/**
 * Maps catalog records to DCAT-AP 3 / GeoDCAT-AP RDF with the twin-catalog extension. Every
 * linked resource is typed (a licence is a dct:LicenseDocument, a publisher a foaf:Agent, ...)
 * so that the export conforms to the DCAT-AP SHACL shapes.
 */
public final class DcatMapper {
    private static final String FOAF = "http://xmlns.com/foaf/0.1/";

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
        for (Distribution dist : d.getDistributions() == null ? List.<Distribution>of() : d.getDistributions()) {
            ds.addProperty(DCAT.distribution, distribution(model, d, dist));
        }
        return ds;
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
        svc.addProperty(DCAT.endpointURL, url(model, s.getEndpointUrl()));
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
        return svc;
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

    private static void contactPoint(Model model, Resource subject, ContactPoint cp) {
        if (cp == null) {
            return;
        }
        Resource kind = model.createResource().addProperty(RDF.type, Vocab.Kind);
        if (cp.getName() != null) {
            kind.addProperty(Vocab.fn, cp.getName());
        }
        if (cp.getEmail() != null) {
            kind.addProperty(Vocab.hasEmail, model.createResource("mailto:" + cp.getEmail()));
        }
        if (cp.getUrl() != null) {
            kind.addProperty(Vocab.hasURL, model.createResource(cp.getUrl().toString()));
        }
        if (cp.getTelephone() != null) {
            kind.addProperty(
                    Vocab.hasTelephone,
                    model.createResource("tel:" + cp.getTelephone().replace(" ", "")));
        }
        subject.addProperty(DCAT.contactPoint, kind);
    }

    private static void spatial(Model model, Resource subject, Spatial spatial, Organization publisher) {
        if (spatial == null) {
            return;
        }
        String country = publisher != null && publisher.getCountry() != null ? publisher.getCountry() : "KR";
        each(
                spatial.getAdminAreas(),
                code -> subject.addProperty(
                        DCTerms.spatial,
                        model.createResource(Tc.adminArea(country, code))
                                .addProperty(RDF.type, DCTerms.Location)
                                .addProperty(RDF.type, Tc.AdminArea)
                                .addProperty(Tc.adminAreaCode, code)));
        List<Double> bbox = spatial.getBbox();
        boolean hasBbox = bbox != null && bbox.size() == 4;
        if (hasBbox || spatial.getGeometry() != null) {
            Resource location = model.createResource().addProperty(RDF.type, DCTerms.Location);
            if (hasBbox) {
                location.addProperty(DCAT.bbox, model.createTypedLiteral(bboxWkt(bbox), Vocab.wktLiteral));
            }
            if (spatial.getGeometry() != null) {
                location.addProperty(
                        Vocab.geometry,
                        model.createResource()
                                .addProperty(RDF.type, Vocab.Geometry)
                                .addProperty(
                                        Vocab.asWKT,
                                        model.createTypedLiteral(spatial.getGeometry(), Vocab.wktLiteral)));
            }
            subject.addProperty(DCTerms.spatial, location);
        }
    }

    static String bboxWkt(List<Double> b) {
        double minX = b.get(0), minY = b.get(1), maxX = b.get(2), maxY = b.get(3);
        return String.format(
                java.util.Locale.ROOT,
                "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))",
                minX,
                minY,
                maxX,
                minY,
                maxX,
                maxY,
                minX,
                maxY,
                minX,
                minY);
    }

    private static void twin(Model model, Resource ds, TwinProfile twin) {
        if (twin == null) {
            return;
        }
        each(twin.getLevelsOfDetail(), lod -> ds.addLiteral(Tc.levelOfDetail, integer(model, lod)));
        each(twin.getFeatureTypes(), f -> ds.addProperty(Tc.featureType, concept(model, "feature-type", f)));
        if (twin.getSourceCrs() != null) {
            ds.addProperty(
                    Tc.sourceCrs,
                    model.createResource(Vocab.EPSG_CRS + twin.getSourceCrs().substring("EPSG:".length())));
        }
        if (twin.getDomain() != null) {
            ds.addProperty(Tc.twinDomain, concept(model, "twin-domain", twin.getDomain()));
        }
        if (twin.getMaturityStage() != null) {
            ds.addProperty(
                    Tc.maturityStage,
                    concept(model, "maturity-stage", twin.getMaturityStage().toString()));
        }
        if (twin.getSourceSystem() != null) {
            Resource system = model.createResource()
                    .addProperty(RDF.type, Tc.SourceSystem)
                    .addProperty(
                            Tc.sourceSystemType,
                            concept(
                                    model,
                                    "source-system-type",
                                    twin.getSourceSystem().getType().toString()));
            if (twin.getSourceSystem().getName() != null) {
                system.addProperty(
                        model.createProperty(FOAF + "name"),
                        twin.getSourceSystem().getName());
            }
            if (twin.getSourceSystem().getUrl() != null) {
                system.addProperty(
                        model.createProperty(FOAF + "homepage"),
                        model.createResource(twin.getSourceSystem().getUrl().toString()));
            }
            ds.addProperty(Tc.sourceSystem, system);
        }
    }

    private static Resource accessRights(Model model, String code) {
        String eu =
                switch (code) {
                    case "public" -> "PUBLIC";
                    case "restricted" -> "RESTRICTED";
                    default -> "NON_PUBLIC";
                };
        return typed(model, URI.create(Vocab.EU_ACCESS_RIGHT + eu), DCTerms.RightsStatement.getURI());
    }

    private static Resource concept(Model model, String scheme, String code) {
        return labelledConcept(model, URI.create(Tc.concept(scheme, code)));
    }

    /** A skos:Concept with its prefLabels (DCAT-AP requires one); an unknown one is labelled by its code. */
    private static Resource labelledConcept(Model model, URI uri) {
        Resource concept = typed(model, uri, SKOS.Concept.getURI());
        Map<String, String> labels = ConceptLabels.of(uri.toString());
        if (labels.isEmpty()) {
            String path = uri.getPath() == null ? uri.toString() : uri.getPath();
            concept.addProperty(SKOS.prefLabel, path.substring(path.lastIndexOf('/') + 1));
        } else {
            labels.forEach((lang, label) -> concept.addProperty(SKOS.prefLabel, label, lang));
        }
        return concept;
    }

    /** A URL value; DCAT-AP types them rdfs:Resource. */
    private static Resource url(Model model, URI uri) {
        return model.createResource(uri.toString()).addProperty(RDF.type, RDFS.Resource);
    }

    private static Resource typed(Model model, URI uri, String type) {
        return model.createResource(uri.toString()).addProperty(RDF.type, model.createResource(type));
    }

    private static void langMap(Resource subject, Property property, Map<String, String> texts) {
        if (texts != null) {
            texts.forEach((lang, text) -> subject.addProperty(property, text, lang));
        }
    }

    private static void keywords(Resource subject, Map<String, List<String>> keywords) {
        if (keywords != null) {
            keywords.forEach((lang, words) -> each(words, w -> subject.addProperty(DCAT.keyword, w, lang)));
        }
    }

    private static Literal date(Model model, String isoDate) {
        return model.createTypedLiteral(isoDate, XSDDatatype.XSDdate);
    }

    private static Literal dateTime(Model model, OffsetDateTime time) {
        return model.createTypedLiteral(time.toString(), XSDDatatype.XSDdateTime);
    }

    private static Literal integer(Model model, Integer value) {
        return model.createTypedLiteral(value.toString(), XSDDatatype.XSDinteger);
    }

    private static <T> void each(List<T> values, java.util.function.Consumer<T> action) {
        if (values != null) {
            values.forEach(action);
        }
    }
}
