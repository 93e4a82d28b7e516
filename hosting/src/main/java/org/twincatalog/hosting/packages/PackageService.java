package org.twincatalog.hosting.packages;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.twincatalog.api.v1.model.AccessLevel;
import org.twincatalog.api.v1.model.AccessRights;
import org.twincatalog.api.v1.model.AccessSettings;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Distribution;
import org.twincatalog.catalog.MalformedRequest;
import org.twincatalog.catalog.NodeConfig;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.catalog.ValidationFailed;
import org.twincatalog.catalog.access.AccessSettingsMapper;
import org.twincatalog.catalog.access.CatalogAccess;
import org.twincatalog.catalog.dataset.DatasetService;
import org.twincatalog.catalog.record.RecordIds;
import org.twincatalog.catalog.record.Violations;
import org.twincatalog.hosting.files.BlobStore;
import org.twincatalog.hosting.files.FilesConfig;
import org.twincatalog.hosting.files.Spool;
import org.twincatalog.hosting.inspection.InspectionConfig;
import org.twincatalog.hosting.inspection.InspectionDraftMapper;
import org.twincatalog.hosting.inspection.InspectionService;
import org.twincatalog.ontology.Ontology;
import org.twincatalog.standards.citygml.CityGmlInspector;
import org.twincatalog.standards.citygml.FileInspection;
import org.twincatalog.standards.citygml.PackageInspection;
import org.twincatalog.standards.citygml.PlateauPackageName;
import org.twincatalog.standards.citygml.ZipSource;
import org.twincatalog.standards.registry.StandardsRegistry;

/**
 * Registers a PLATEAU package zip as one hosted dataset: spools the upload, inspects it (the same
 * checks as {@code POST /api/v1/inspections}), stores every file of the zip in the {@link
 * BlobStore} through the standards module's checked zip reader, and in one transaction creates the
 * dataset and the index of its files. Whatever fails, the spool is deleted and the blobs this call
 * added are removed again.
 */
@ApplicationScoped
public class PackageService {
    private final BlobStore blobs;
    private final DatasetService datasets;
    private final CatalogAccess access;
    private final PackageFileRepository repository;
    private final FilesConfig files;
    private final InspectionConfig inspection;
    private final CityGmlInspector inspector;
    private final InspectionDraftMapper drafts =
            new InspectionDraftMapper(StandardsRegistry.bundled(), Ontology.bundled());
    private final String baseUrl;

    public PackageService(
            BlobStore blobs,
            DatasetService datasets,
            CatalogAccess access,
            PackageFileRepository repository,
            FilesConfig files,
            InspectionConfig inspection,
            NodeConfig node) {
        this.blobs = blobs;
        this.datasets = datasets;
        this.access = access;
        this.repository = repository;
        this.files = files;
        this.inspection = inspection;
        this.inspector = new CityGmlInspector(inspection.limits());
        this.baseUrl = node.baseUrl().replaceAll("/+$", "");
    }

    /**
     * What the caller says about the package; the rest comes from its content. {@code description}
     * (by language) is put over the description drawn from the content, language by language; null
     * keeps the drawn one.
     */
    public record Registration(
            String publisher,
            AccessRights accessRights,
            AccessLevel dataAccess,
            URI license,
            String id,
            String name,
            Map<String, String> description) {

        /** A registration whose description is drawn from the content only. */
        public Registration(
                String publisher,
                AccessRights accessRights,
                AccessLevel dataAccess,
                URI license,
                String id,
                String name) {
            this(publisher, accessRights, dataAccess, license, id, name, null);
        }
    }

    /** Registers the package read from {@code body}; answers the created dataset. */
    public Dataset register(Registration r, InputStream body) {
        // The dataset id is needed before the dataset exists (for the file rows): a node-picked id
        // in the publisher's namespace, like one a client would choose (RecordIds).
        String id =
                r.id() == null || r.id().isBlank() ? r.publisher() + RecordIds.SEPARATOR + UUID.randomUUID() : r.id();
        AccessSettings settings = new AccessSettings().dataAccess(r.dataAccess());
        // Checked before the upload is read, so a caller who may not register costs no spooling.
        access.requireCreate(
                RecordType.DATASET,
                id,
                r.publisher(),
                AccessSettingsMapper.fromModel(settings, new Violations(), "/access"));
        List<String> created = new ArrayList<>();
        try (Spool spool = Spool.copy(
                body,
                r.name(),
                "package",
                files.maxUploadBytes(),
                "tc.files.max-upload-bytes",
                inspection.spoolDir().orElse(null),
                "tc-package-",
                (given, zip) -> spoolName(given))) {
            if (!spool.zip()) {
                throw new ValidationFailed("A package must be a zip", List.of());
            }
            PackageInspection inspected = inspector.inspect(spool.file());
            List<PackageFileEntity> rows = store(spool.file(), inspected, id, r.name(), created);
            Dataset draft = draft(inspected, spool.bytes(), id, r, settings);
            Dataset dataset = QuarkusTransaction.joiningExisting().call(() -> {
                Dataset d = datasets.create(draft);
                repository.saveAll(rows);
                return d;
            });
            created.clear();
            return dataset;
        } finally {
            for (String sha : created) {
                if (!QuarkusTransaction.joiningExisting().call(() -> repository.isReferenced(sha))) {
                    blobs.delete(sha);
                }
            }
        }
    }

    /** Stores every file entry of the zip; answers their index rows (ids not yet assigned). */
    private List<PackageFileEntity> store(
            Path zip, PackageInspection inspected, String datasetId, String uploadName, List<String> created) {
        Map<String, FileInspection> byPath = new HashMap<>();
        inspected.files().forEach(f -> byPath.put(f.path(), f));
        List<PackageFileEntity> rows = new ArrayList<>();
        List<String> names;
        try {
            names = new ZipSource(inspection.limits()).forEachFile(zip, (entry, in) -> {
                BlobStore.StoredBlob blob = blobs.put(in, files.maxUploadBytes());
                if (blob.created()) {
                    created.add(blob.sha256());
                }
                PackageFileEntity row = new PackageFileEntity();
                row.datasetId = datasetId;
                row.path = entry;
                row.byteSize = blob.size();
                row.sha256 = blob.sha256();
                row.crc32 = blob.crc32();
                rows.add(row);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String top = CityGmlInspector.commonTopFolder(names);
        PlateauPackageName fromTop =
                top == null ? null : PlateauPackageName.parse(top).orElse(null);
        String packageName = fromTop != null ? top : packageName(inspected, uploadName, datasetId);
        String city =
                inspected.packageName() == null ? null : inspected.packageName().cityCode();
        for (PackageFileEntity row : rows) {
            if (fromTop != null) {
                row.path = row.path.substring(top.length() + 1);
            }
            row.packageName = packageName;
            row.cityCode = city;
            row.mediaType = MediaTypes.of(row.path);
            FileInspection f = byPath.get(row.path);
            if (f != null) {
                describe(row, f);
            }
        }
        return rows;
    }

    private static void describe(PackageFileEntity row, FileInspection f) {
        row.featureType = f.featureType();
        if (f.plateauName() != null) {
            row.meshCode = f.plateauName().meshCode();
        }
        if (!f.lods().isEmpty()) {
            row.lods = f.lods().stream().map(String::valueOf).collect(Collectors.joining(","));
            row.maxLod = f.lods().last();
        }
        row.epsg = f.epsg();
        if (f.bbox() != null) {
            row.minLon = f.bbox().minLon();
            row.minLat = f.bbox().minLat();
            row.maxLon = f.bbox().maxLon();
            row.maxLat = f.bbox().maxLat();
        }
    }

    private static String packageName(PackageInspection inspected, String uploadName, String datasetId) {
        if (inspected.packageName() != null) {
            return inspected.packageName().name();
        }
        String name = uploadName == null ? "" : uploadName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceFirst("(?i)\\.zip$", "");
        return name.matches("[A-Za-z0-9._-]{1,200}") && !name.startsWith(".") ? name : datasetId;
    }

    private Dataset draft(PackageInspection inspected, long bytes, String id, Registration r, AccessSettings settings) {
        Dataset draft = drafts.draft(new InspectionService.Inspected(inspected, true, bytes), r.publisher(), null)
                .id(id)
                .accessRights(r.accessRights())
                .license(r.license())
                .access(r.dataAccess() == null ? null : settings);
        if (r.description() != null && !r.description().isEmpty()) {
            Map<String, String> description = new LinkedHashMap<>(draft.getDescription());
            description.putAll(r.description());
            draft.description(description);
        }
        for (Distribution d : draft.getDistributions()) {
            String type = d.getFeatureType() != null ? d.getFeatureType() : null;
            String selection = "dataset=" + id + (type == null ? "" : "&featureType=" + type);
            d.accessUrl(URI.create(baseUrl + "/api/v1/files?" + selection))
                    .downloadUrl(URI.create(baseUrl + "/api/v1/files/pack?" + selection));
        }
        return draft;
    }

    static void require(String parameter, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new MalformedRequest("The query parameter '" + parameter + "' is required");
        }
    }

    /** The given name's last segment with safe characters, ending in .zip (the inspector reads PLATEAU naming from it). */
    static String spoolName(String name) {
        String base = Spool.safeBaseName(name).replaceFirst("(?i)\\.zip$", "");
        return (base.isEmpty() ? "package" : base) + ".zip";
    }
}
