package org.twincatalog.federation.files;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.List;
import org.twincatalog.api.v1.FederatedFilesApi;
import org.twincatalog.catalog.BadParameter;
import org.twincatalog.catalog.CallerContext;
import org.twincatalog.catalog.CallerToken;
import org.twincatalog.federation.broker.BrokerResource;
import org.twincatalog.hosting.packages.FileCriteria;

/** {@code /api/v1/federation/files}: hosted files found, packed and downloaded across peers. */
@jakarta.ws.rs.Path("")
public class FederatedFilesResource implements FederatedFilesApi {
    private final FederatedFileService files;
    private final CallerContext callers;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uriInfo;

    public FederatedFilesResource(FederatedFileService files, CallerContext callers) {
        this.files = files;
        this.callers = callers;
    }

    @Override
    public Response findFederatedFiles(
            List<String> peer,
            Integer deadlineMs,
            String mesh,
            String point,
            String bbox,
            String city,
            String featureType,
            Integer minLod,
            String cursor,
            Integer limit) {
        BrokerResource.checkDeadline(deadlineMs);
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > 1000) {
            throw BadParameter.query("limit", "must be 1..1000, was " + size);
        }
        FederatedFileService.Criteria criteria =
                new FederatedFileService.Criteria(mesh, point, bbox, city, featureType, minLod);
        return Response.ok(files.find(
                        peer,
                        deadlineMs,
                        criteria,
                        cursor,
                        size,
                        CallerToken.of(callers, headers),
                        uriInfo.getBaseUri().toString()))
                .build();
    }

    @Override
    public Response packFederatedFiles(
            List<String> peer,
            Integer deadlineMs,
            String mesh,
            String point,
            String bbox,
            String city,
            String featureType,
            Integer minLod,
            String compression) {
        BrokerResource.checkDeadline(deadlineMs);
        boolean stored = FileCriteria.storedCompression(compression);
        FederatedFileService.Pack pack = files.pack(
                peer,
                deadlineMs,
                new FederatedFileService.Criteria(mesh, point, bbox, city, featureType, minLod),
                stored,
                CallerToken.of(callers, headers));
        StreamingOutput body = pack::writeTo;
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"plateau-federation-pack.zip\"")
                .build();
    }

    @Override
    public Response downloadFederatedFile(
            String peerId, Long fileId, String range, String ifRange, String ifNoneMatch) {
        HttpResponse<InputStream> answer =
                files.download(peerId, fileId, range, ifRange, ifNoneMatch, null, CallerToken.of(callers, headers));
        InputStream body = files.guarded(answer.body());
        StreamingOutput out = sink -> {
            try (InputStream in = body) {
                in.transferTo(sink);
            }
        };
        Response.ResponseBuilder response = Response.status(answer.statusCode()).entity(out);
        for (String name : FederatedFileService.PASSED_HEADERS) {
            answer.headers().firstValue(name).ifPresent(v -> response.header(name, v));
        }
        return response.build();
    }
}
