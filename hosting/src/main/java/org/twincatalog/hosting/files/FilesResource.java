package org.twincatalog.hosting.files;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import org.twincatalog.api.v1.FilesApi;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.catalog.MalformedRequest;
import org.twincatalog.catalog.record.ETags;

/** {@code PUT} and {@code GET /api/v1/datasets/{id}/distributions/{id}/file}: hosted distribution files. */
@jakarta.ws.rs.Path("")
public class FilesResource implements FilesApi {
    private final HostedFileService files;
    private final FileResponses responses;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    public FilesResource(HostedFileService files, FilesConfig config) {
        this.files = files;
        this.responses = new FileResponses(config.bufferBytes());
    }

    @Override
    public Response uploadDistributionFile(
            String datasetId, String distributionId, InputStream body, String ifMatch, String mediaType, String name) {
        if (body == null) {
            throw new MalformedRequest("The request needs a body: the file");
        }
        Dataset dataset = files.upload(
                datasetId,
                distributionId,
                body,
                mediaType,
                headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                name,
                ETags.expectedVersion(ifMatch));
        return Response.ok(dataset.getDistributions().stream()
                        .filter(d -> distributionId.equals(d.getId()))
                        .findFirst()
                        .orElseThrow())
                .tag(new EntityTag(String.valueOf(dataset.getRecordVersion())))
                .build();
    }

    @Override
    public Response downloadDistributionFile(
            String datasetId, String distributionId, String range, String ifRange, String ifNoneMatch) {
        HostedFileService.Download download = files.download(datasetId, distributionId);
        return responses.serve(
                download.blob(),
                download.mediaType(),
                download.fileName(),
                new FileResponses.Request(range, ifRange, ifNoneMatch, uriInfo.getPath()));
    }
}
