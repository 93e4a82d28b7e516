package org.twincatalog.catalog.standards;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.jena.rdf.model.Model;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.DatasetQuality;
import org.twincatalog.api.v1.model.FieldError;
import org.twincatalog.api.v1.model.Organization;
import org.twincatalog.api.v1.model.QualityMeasurement;
import org.twincatalog.catalog.Gone;
import org.twincatalog.catalog.NodeConfig;
import org.twincatalog.catalog.NotFound;
import org.twincatalog.catalog.ValidationFailed;
import org.twincatalog.catalog.dcat.DcatMapper;
import org.twincatalog.catalog.organization.OrganizationService;
import org.twincatalog.catalog.record.DocumentCodec;
import org.twincatalog.catalog.record.Violations;
import org.twincatalog.standards.profile.Finding;
import org.twincatalog.standards.profile.ProfileValidator;
import org.twincatalog.standards.profile.ValidationReport;
import org.twincatalog.standards.quality.QualityScore;
import org.twincatalog.standards.quality.QualityScorer;

/**
 * Runs the twin-catalog SHACL metadata profile on a dataset's DCAT graph (as {@link DcatMapper}
 * exports it) when it is written. Violations refuse the write with one JSON Pointer per finding;
 * warnings and the DQV quality score are answered to be kept with the record.
 */
@ApplicationScoped
public class DatasetProfileService {
    private final ProfileValidator validator = new ProfileValidator();
    private final QualityScorer scorer = new QualityScorer(validator);
    private final DcatMapper mapper;
    private final FindingPointers pointers;
    private final OrganizationService organizations;

    public DatasetProfileService(NodeConfig node, OrganizationService organizations) {
        this.mapper = new DcatMapper(node.baseUrl());
        this.pointers = new FindingPointers(mapper);
        this.organizations = organizations;
    }

    /** {@link #assess(Dataset, UnaryOperator)} with pointers into the dataset's own JSON. */
    public ProfileAssessment assess(Dataset dataset) {
        return assess(dataset, UnaryOperator.identity());
    }

    /**
     * Validates {@code dataset} (which must have its id and its distributions' ids) against the
     * profile. Link health is not measured here.
     *
     * @param toBody rewrites a pointer into the dataset's JSON into one into the request body (e.g.
     *     for a request that sent one distribution)
     * @throws ValidationFailed with a violation per profile violation
     */
    public ProfileAssessment assess(Dataset dataset, UnaryOperator<String> toBody) {
        Violations v = new Violations();
        ProfileAssessment assessment = assess(dataset, toBody, v);
        v.throwIfAny("dataset");
        return assessment;
    }

    /**
     * Validates {@code dataset} against the profile and adds each violation to {@code v}, so that
     * they come in one answer with the Java rules' (which {@code v} may already hold). When the
     * Java rules found problems that keep the dataset from being mapped to DCAT at all, only those
     * are told.
     *
     * @return the warnings and quality to keep with the record; meaningful only if {@code v} stays
     *     empty
     */
    public ProfileAssessment assess(Dataset dataset, UnaryOperator<String> toBody, Violations v) {
        if (!v.isEmpty()) {
            try {
                return profile(dataset, toBody, v);
            } catch (RuntimeException unmappable) {
                return new ProfileAssessment(List.of(), null);
            }
        }
        return profile(dataset, toBody, v);
    }

    private ProfileAssessment profile(Dataset dataset, UnaryOperator<String> toBody, Violations v) {
        Dataset asExported = DocumentCodec.copy(dataset, Dataset.class);
        if (asExported.getModified() == null) {
            // The stored record gets its modification time on write; the export carries it.
            asExported.setModified(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
        }
        Model model = DcatMapper.newModel();
        mapper.addDataset(model, asExported, publisherLookup());
        ValidationReport report = validator.validate(model);
        for (Finding f : report.violations()) {
            v.addProfileFinding(toBody.apply(pointers.pointer(dataset, f)), f.message());
        }
        if (!v.isEmpty()) {
            return new ProfileAssessment(List.of(), null);
        }
        Set<FieldError> warnings = new LinkedHashSet<>();
        for (Finding f : report.warnings()) {
            warnings.add(new FieldError()
                    .pointer(toBody.apply(pointers.pointer(dataset, f)))
                    .detail(f.message()));
        }
        QualityScore score = scorer.score(model, mapper.datasetUri(dataset.getId()), null);
        return new ProfileAssessment(List.copyOf(warnings), quality(score));
    }

    static DatasetQuality quality(QualityScore s) {
        return new DatasetQuality()
                .score(s.score())
                .completeness(s.completeness())
                .missing(s.missing())
                .conforms(s.conforms())
                .violations(s.violations())
                .warnings(s.warnings())
                .linkHealth(s.linkHealth())
                .computedAt(utc(s.computedAt()))
                .measurements(s.measurements().stream()
                        .map(m -> new QualityMeasurement()
                                .metric(java.net.URI.create(m.metric()))
                                .value(m.value().getValue()))
                        .toList());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
    }

    private Function<String, Organization> publisherLookup() {
        return id -> {
            try {
                return organizations.get(id);
            } catch (NotFound | Gone e) {
                return null;
            }
        };
    }
}
