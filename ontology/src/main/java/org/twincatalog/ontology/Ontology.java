package org.twincatalog.ontology;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.sys.JenaSystem;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

/**
 * The bundled twin-catalog ontology: the OWL vocabulary and its SKOS concept schemes.
 *
 * <p>Load it once with {@link #bundled()}; the instance is immutable and thread-safe. Lookups return
 * {@link Optional#empty()} for unknown URIs or codes, never null. {@link #describe(String)} and
 * {@link #serialize(String, String)} give the triples about one term, concept or scheme, for content
 * negotiation.
 */
public final class Ontology {
    /** Classpath resource listing the bundled Turtle files, one a line. */
    public static final String MANIFEST = "ontology/manifest.txt";

    private static volatile Ontology bundled;

    private final List<String> files;
    private final Model model;
    private final Map<String, ConceptScheme> schemes;
    private final Map<String, Concept> conceptsByUri;

    private Ontology(List<String> files, Model model) {
        this.files = List.copyOf(files);
        this.model = model;
        this.schemes = readSchemes(model);
        Map<String, Concept> byUri = new HashMap<>();
        schemes.values().forEach(s -> s.concepts().forEach(c -> byUri.put(c.uri(), c)));
        this.conceptsByUri = Map.copyOf(byUri);
    }

    /** The ontology bundled on the classpath, loaded on first use. */
    public static Ontology bundled() {
        Ontology o = bundled;
        if (o == null) {
            synchronized (Ontology.class) {
                o = bundled;
                if (o == null) {
                    o = load(Ontology.class.getClassLoader());
                    bundled = o;
                }
            }
        }
        return o;
    }

    /** Loads the files listed in {@link #MANIFEST} from {@code loader}. */
    public static Ontology load(ClassLoader loader) {
        JenaSystem.init();
        List<String> files = OntologyFiles.list(loader, MANIFEST);
        Model model = ModelFactory.createDefaultModel();
        for (String file : files) {
            model.add(OntologyFiles.read(loader, file));
        }
        return new Ontology(files, model);
    }

    /** The classpath paths of the bundled Turtle files, in load order. */
    public List<String> files() {
        return files;
    }

    /** A copy of all bundled triples (the OWL vocabulary and every scheme). */
    public Model model() {
        return ModelFactory.createDefaultModel().add(model).setNsPrefixes(model.getNsPrefixMap());
    }

    /** All concept schemes, ordered by id. */
    public List<ConceptScheme> schemes() {
        return List.copyOf(schemes.values());
    }

    /** The scheme with {@code id} (e.g. {@code lod}). */
    public Optional<ConceptScheme> scheme(String id) {
        return Optional.ofNullable(schemes.get(id));
    }

    /** The concept with this URI. */
    public Optional<Concept> concept(String uri) {
        return Optional.ofNullable(conceptsByUri.get(uri));
    }

    /** The concept {@code code} of scheme {@code scheme}. */
    public Optional<Concept> concept(String scheme, String code) {
        return concept(Tc.concept(scheme, code));
    }

    /** True when {@code uri} is a concept of {@code scheme}. */
    public boolean isConceptOf(String uri, String scheme) {
        return concept(uri).map(c -> c.scheme().equals(scheme)).orElse(false);
    }

    /**
     * The triples describing {@code uri}: for a scheme, the scheme and all its concepts; for a
     * concept or a vocabulary term, its own statements. Empty when the URI is not bundled.
     */
    public Optional<Model> describe(String uri) {
        Resource subject = model.createResource(uri);
        if (!model.contains(subject, null)) {
            return Optional.empty();
        }
        Model out = ModelFactory.createDefaultModel().setNsPrefixes(model.getNsPrefixMap());
        out.add(model.listStatements(subject, null, (RDFNode) null));
        if (model.contains(subject, RDF.type, SKOS.ConceptScheme)) {
            model.listSubjectsWithProperty(SKOS.inScheme, subject)
                    .forEach(c -> out.add(model.listStatements(c, null, (RDFNode) null)));
        }
        out.setNsPrefix("skos", SKOS.uri).setNsPrefix("tc", Tc.NS);
        return Optional.of(out);
    }

    /**
     * {@link #describe(String)} written in the RDF syntax of {@code mediaType} (e.g. {@code
     * text/turtle}, {@code application/ld+json}, {@code application/rdf+xml}).
     *
     * @throws IllegalArgumentException when no RDF syntax has that media type
     */
    public Optional<String> serialize(String uri, String mediaType) {
        Lang lang = langOf(mediaType);
        return describe(uri).map(m -> write(m, lang));
    }

    /** The Jena syntax for a media type; {@link IllegalArgumentException} if none. */
    public static Lang langOf(String mediaType) {
        Lang lang = RDFLanguages.contentTypeToLang(mediaType);
        if (lang == null || !RDFLanguages.isTriples(lang)) {
            throw new IllegalArgumentException("Not an RDF media type: " + mediaType);
        }
        return lang;
    }

    private static String write(Model m, Lang lang) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, m, lang);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, ConceptScheme> readSchemes(Model model) {
        Map<String, ConceptScheme> result = new LinkedHashMap<>();
        model.listSubjectsWithProperty(RDF.type, SKOS.ConceptScheme).toList().stream()
                .filter(s -> s.isURIResource() && s.getURI().startsWith(Tc.ID))
                .sorted(Comparator.comparing(Resource::getURI))
                .forEach(s -> {
                    String id = s.getURI().substring(Tc.ID.length());
                    result.put(id, new ConceptScheme(id, s.getURI(), labels(s), concepts(model, s, id)));
                });
        return result;
    }

    private static List<Concept> concepts(Model model, Resource scheme, String id) {
        List<Concept> list = new ArrayList<>();
        Map<String, Integer> order = new HashMap<>();
        model.listSubjectsWithProperty(SKOS.inScheme, scheme).forEach(c -> {
            String code = c.getURI().substring(scheme.getURI().length() + 1);
            Statement def = c.getProperty(SKOS.definition, "en");
            list.add(new Concept(c.getURI(), id, code, labels(c), def == null ? null : def.getString()));
            order.put(c.getURI(), order(c));
        });
        list.sort(Comparator.comparing((Concept c) -> order.get(c.uri())).thenComparing(Concept::code));
        return list;
    }

    /** Integer notations order a scheme (maturity stages 1..5, LOD 0..4); others sort by code. */
    private static int order(Resource concept) {
        Statement n = concept.getProperty(SKOS.notation);
        if (n != null && n.getObject().isLiteral() && n.getLiteral().getValue() instanceof Number num) {
            return num.intValue();
        }
        return Integer.MAX_VALUE;
    }

    private static Map<String, String> labels(Resource r) {
        Map<String, String> labels = new HashMap<>();
        r.listProperties(SKOS.prefLabel).forEach(st -> labels.put(st.getLanguage(), st.getString()));
        return labels;
    }

    /** Reading bundled files; kept apart so that the loading rules are in one place. */
    static final class OntologyFiles {
        private OntologyFiles() {}

        static List<String> list(ClassLoader loader, String manifest) {
            try (InputStream in = open(loader, manifest)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Model read(ClassLoader loader, String path) {
            Model m = ModelFactory.createDefaultModel();
            try (InputStream in = open(loader, path)) {
                RDFDataMgr.read(m, in, Lang.TURTLE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return m;
        }

        private static InputStream open(ClassLoader loader, String path) {
            InputStream in = loader.getResourceAsStream(path);
            if (in == null) {
                throw new IllegalStateException("Missing bundled ontology resource: " + path);
            }
            return in;
        }
    }
}
