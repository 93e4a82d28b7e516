package org.twincatalog.hosting.packages;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.twincatalog.access.Action;
import org.twincatalog.api.v1.model.HostedFile;
import org.twincatalog.api.v1.model.HostedFilePage;
import org.twincatalog.catalog.MalformedRequest;
import org.twincatalog.catalog.NodeConfig;
import org.twincatalog.catalog.NotFound;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.catalog.access.CatalogAccess;
import org.twincatalog.catalog.record.RecordEntity;
import org.twincatalog.catalog.record.RecordStore;
import org.twincatalog.hosting.files.Blob;
import org.twincatalog.hosting.files.BlobStore;
import org.twincatalog.hosting.files.FilesConfig;

/**
 * Finds hosted package files and decides who may have them: a lookup or a pack by criteria lists
 * only files of datasets whose data the caller may access (withdrawn datasets never); a download
 * or a pack by file ids asks the policy and answers its 401/403/404.
 */
@ApplicationScoped
public class FileLookupService {
    private final PackageFileRepository repository;
    private final RecordStore store;
    private final CatalogAccess access;
    private final BlobStore blobs;
    private final FilesConfig config;
    private final HostedFileMapper mapper;

    public FileLookupService(
            PackageFileRepository repository,
            RecordStore store,
            CatalogAccess access,
            BlobStore blobs,
            FilesConfig config,
            NodeConfig node) {
        this.repository = repository;
        this.store = store;
        this.access = access;
        this.blobs = blobs;
        this.config = config;
        this.mapper = new HostedFileMapper(node.baseUrl());
    }

    /** One page of files matching {@code query}, after the file id in {@code cursor}. */
    public HostedFilePage find(FileQuery query, String cursor, int limit) {
        long after = cursor(cursor);
        List<PackageFileEntity> rows = repository.matching(query, permittedDatasets(query), after, limit + 1);
        List<HostedFile> items = rows.stream().limit(limit).map(mapper::toModel).toList();
        access.recordQuery("find-files", "files", items.size());
        HostedFilePage page = new HostedFilePage()
                .items(new ArrayList<>(items))
                .totalBytes(items.stream().mapToLong(HostedFile::getByteSize).sum());
        if (rows.size() > limit) {
            page.next(String.valueOf(items.get(items.size() - 1).getId()));
        }
        return page;
    }

    /** The files of a pack: by ids (each dataset's policy decides, 403/404) or by criteria (permitted only). */
    public List<PackageFileEntity> forPack(FileQuery query, List<Long> ids) {
        int max = config.pack().maxFiles();
        List<PackageFileEntity> files;
        if (!ids.isEmpty() && query != null) {
            throw new MalformedRequest("Choose files either by ids (file) or by criteria, not both");
        }
        if (!ids.isEmpty()) {
            files = repository.findAll(ids);
            Set<Long> found = new LinkedHashSet<>();
            files.forEach(f -> found.add(f.id));
            ids.stream().filter(id -> !found.contains(id)).findFirst().ifPresent(id -> {
                throw new NotFound("No hosted file with id " + id);
            });
            files.stream().map(f -> f.datasetId).distinct().forEach(this::requireData);
        } else {
            files = repository.matching(query, permittedDatasets(query), 0, max + 1);
        }
        if (files.size() > max) {
            throw new MalformedRequest(
                    "The selection holds more than " + max + " files (tc.files.pack.max-files); narrow it");
        }
        access.recordQuery("pack-files", "files", files.size());
        return files;
    }

    /** The file and its blob, if the caller may access its dataset's data. */
    public Located download(long id) {
        PackageFileEntity file = repository.find(id).orElseThrow(() -> new NotFound("No hosted file with id " + id));
        requireData(file.datasetId);
        return new Located(file, blob(file));
    }

    /** The blob of an index row. */
    public Blob blob(PackageFileEntity file) {
        return blobs.find(file.sha256)
                .orElseThrow(() -> new IllegalStateException("blob " + file.sha256 + " is missing from the store"));
    }

    /** A file with its bytes. */
    public record Located(PackageFileEntity file, Blob blob) {
        public String fileName() {
            return file.path.substring(file.path.lastIndexOf('/') + 1);
        }
    }

    private void requireData(String datasetId) {
        RecordEntity record = access.readable(RecordType.DATASET, datasetId);
        access.require(Action.ACCESS_DATA, record, null);
    }

    /** The datasets with matching files whose data the caller may access (decided, not audited per dataset). */
    private List<String> permittedDatasets(FileQuery query) {
        List<String> permitted = new ArrayList<>();
        for (String id : repository.datasetsMatching(query)) {
            store.find(RecordType.DATASET, id)
                    .filter(r -> !r.withdrawn() && access.showsData(r))
                    .ifPresent(r -> permitted.add(id));
        }
        return permitted;
    }

    private static long cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(cursor.trim());
        } catch (NumberFormatException e) {
            throw new MalformedRequest("cursor '" + cursor + "' is not one this node issued");
        }
    }
}
