package org.twincatalog.hosting.files;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import org.twincatalog.access.Action;
import org.twincatalog.api.v1.model.Checksum;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.catalog.MalformedRequest;
import org.twincatalog.catalog.NodeConfig;
import org.twincatalog.catalog.NotFound;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.catalog.access.CatalogAccess;
import org.twincatalog.catalog.dataset.DistributionService;
import org.twincatalog.catalog.record.Mirrors;
import org.twincatalog.catalog.record.RecordEntity;

/**
 * Hosts the file of a distribution: stores an upload in the {@link BlobStore}, records which blob
 * belongs to which distribution, and fills the distribution's byteSize, checksum, mediaType and
 * downloadUrl (a new version of the dataset). Downloads are decided by the dataset's data-access
 * policy.
 */
@ApplicationScoped
public class HostedFileService {
    private static final Pattern MEDIA_TYPE =
            Pattern.compile("^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}$");
    private static final String OCTET_STREAM = "application/octet-stream";

    private final BlobStore blobs;
    private final DistributionService distributions;
    private final CatalogAccess access;
    private final EntityManager em;
    private final FilesConfig config;
    private final String baseUrl;

    public HostedFileService(
            BlobStore blobs,
            DistributionService distributions,
            CatalogAccess access,
            EntityManager em,
            FilesConfig config,
            NodeConfig node) {
        this.blobs = blobs;
        this.distributions = distributions;
        this.access = access;
        this.em = em;
        this.config = config;
        this.baseUrl = node.baseUrl().replaceAll("/+$", "");
    }

    /** A file to send: the blob, its media type and the name offered to the downloader. */
    public record Download(Blob blob, String mediaType, String fileName) {}

    /**
     * Stores {@code body} as the file of the distribution and records it in the distribution.
     * The update right (and that the dataset is no mirror) is checked before the body is read;
     * nothing is kept when a later step fails.
     *
     * @param contentType the request's Content-Type (used when {@code mediaType} is null)
     * @return the dataset's new state
     */
    public Dataset upload(
            String datasetId,
            String distributionId,
            InputStream body,
            String mediaType,
            String contentType,
            String fileName,
            Long expectedVersion) {
        RecordEntity record = access.readable(RecordType.DATASET, datasetId);
        access.require(Action.UPDATE, record, null);
        Mirrors.requireLocal(record); // before the body is read: a mirror's files live at its origin
        String type = mediaType(mediaType, contentType);
        String name = fileName(fileName);
        BlobStore.StoredBlob stored = blobs.put(body, config.maxUploadBytes());
        try {
            return QuarkusTransaction.joiningExisting()
                    .call(() -> attach(datasetId, distributionId, stored, type, name, expectedVersion));
        } catch (RuntimeException e) {
            if (stored.created() && !isReferenced(stored.sha256())) {
                blobs.delete(stored.sha256());
            }
            throw e;
        }
    }

    /** The distribution's hosted file, if the caller may access the dataset's data. */
    public Download download(String datasetId, String distributionId) {
        RecordEntity record = access.readable(RecordType.DATASET, datasetId);
        access.require(Action.ACCESS_DATA, record, null);
        DistributionFileEntity file =
                em.find(DistributionFileEntity.class, new DistributionFileEntity.Key(datasetId, distributionId));
        if (file == null) {
            throw new NotFound(
                    "Distribution '" + distributionId + "' of dataset '" + datasetId + "' has no hosted file");
        }
        Blob blob = blobs.find(file.sha256)
                .orElseThrow(() -> new IllegalStateException("blob " + file.sha256 + " is missing from the store"));
        return new Download(blob, file.mediaType, file.fileName);
    }

    private Dataset attach(
            String datasetId,
            String distributionId,
            BlobStore.StoredBlob stored,
            String type,
            String name,
            Long expected) {
        URI downloadUrl =
                URI.create(baseUrl + "/api/v1/datasets/" + datasetId + "/distributions/" + distributionId + "/file");
        Dataset dataset = distributions.change(
                datasetId,
                distributionId,
                d -> d.byteSize(stored.size())
                        .checksum(new Checksum()
                                .algorithm(Checksum.AlgorithmEnum.SHA256)
                                .value(stored.sha256()))
                        .mediaType(type)
                        .downloadUrl(downloadUrl),
                expected);
        DistributionFileEntity file =
                em.find(DistributionFileEntity.class, new DistributionFileEntity.Key(datasetId, distributionId));
        String previous = file == null ? null : file.sha256;
        if (file == null) {
            file = new DistributionFileEntity();
            file.datasetId = datasetId;
            file.distributionId = distributionId;
        }
        file.sha256 = stored.sha256();
        file.byteSize = stored.size();
        file.mediaType = type;
        file.fileName = name;
        file.storedAt = Instant.now();
        em.persist(file);
        em.flush();
        if (previous != null && !previous.equals(stored.sha256()) && !isReferenced(previous)) {
            blobs.delete(previous); // the replaced file; deleted only once the new one is recorded
        }
        return dataset;
    }

    /** Whether any distribution or package file still refers to the blob. */
    boolean isReferenced(String sha256) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            long distributions = em.createQuery(
                            "select count(f) from DistributionFileEntity f where f.sha256 = :sha", Long.class)
                    .setParameter("sha", sha256)
                    .getSingleResult();
            long packaged = em.createNativeQuery("select count(*) from package_file where sha256 = ?1")
                                    .setParameter(1, sha256)
                                    .getSingleResult()
                            instanceof Number n
                    ? n.longValue()
                    : 0;
            return distributions + packaged > 0;
        });
    }

    /** The media type parameter, else the Content-Type without its parameters, else octet-stream. */
    static String mediaType(String parameter, String contentType) {
        String chosen = parameter != null && !parameter.isBlank() ? parameter : contentType;
        if (chosen == null || chosen.isBlank()) {
            return OCTET_STREAM;
        }
        String type = chosen.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!MEDIA_TYPE.matcher(type).matches() || type.contains("*")) {
            throw new MalformedRequest("'" + chosen + "' is not a media type such as application/zip");
        }
        return type;
    }

    /** The last segment of {@code name}, or null. */
    static String fileName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String last = name.replace('\\', '/');
        last = last.substring(last.lastIndexOf('/') + 1).trim();
        return last.isEmpty() ? null : last;
    }
}
