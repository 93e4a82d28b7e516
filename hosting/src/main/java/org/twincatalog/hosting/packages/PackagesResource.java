package org.twincatalog.hosting.packages;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.twincatalog.api.v1.PackagesApi;
import org.twincatalog.api.v1.model.AccessLevel;
import org.twincatalog.api.v1.model.AccessRights;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.catalog.BadParameter;
import org.twincatalog.catalog.MalformedRequest;
import org.twincatalog.hosting.files.FileResponses;
import org.twincatalog.hosting.files.FilesConfig;

/** Hosted PLATEAU packages: registration, file lookup, packs and single-file downloads. */
@jakarta.ws.rs.Path("")
public class PackagesResource implements PackagesApi {
    private final PackageService packages;
    private final FileLookupService lookup;
    private final FilesConfig config;
    private final FileResponses responses;

    @Context
    UriInfo uriInfo;

    public PackagesResource(PackageService packages, FileLookupService lookup, FilesConfig config) {
        this.packages = packages;
        this.lookup = lookup;
        this.config = config;
        this.responses = new FileResponses(config.bufferBytes());
    }

    @Override
    public Response registerHostedPackage(
            String publisher,
            AccessRights accessRights,
            InputStream body,
            String name,
            AccessLevel dataAccess,
            URI license,
            String id) {
        PackageService.require("publisher", publisher);
        PackageService.require("accessRights", accessRights);
        if (body == null) {
            throw new MalformedRequest("The request needs a body: the zip of a package");
        }
        Dataset created = packages.register(
                new PackageService.Registration(publisher, accessRights, dataAccess, license, id, name), body);
        URI location = uriInfo.getBaseUriBuilder()
                .path("api/v1/datasets")
                .path(created.getId())
                .build();
        return Response.created(location)
                .tag(new EntityTag(String.valueOf(created.getRecordVersion())))
                .entity(created)
                .build();
    }

    @Override
    public Response findFiles(
            String mesh,
            String point,
            String bbox,
            String city,
            String featureType,
            Integer minLod,
            String dataset,
            String cursor,
            Integer limit) {
        int size = limit == null ? 1000 : limit;
        if (size < 1 || size > 10_000) {
            throw BadParameter.query("limit", "must be 1..10000, was " + size);
        }
        FileQuery query = FileQuery.parse(mesh, point, bbox, city, featureType, minLod, dataset);
        return Response.ok(lookup.find(query, cursor, size)).build();
    }

    @Override
    public Response packFiles(
            String mesh,
            String point,
            String bbox,
            String city,
            String featureType,
            Integer minLod,
            String dataset,
            String file,
            String compression) {
        PackWriter.Compression packing = PackWriter.Compression.parse(compression);
        List<Long> ids = ids(file);
        boolean criteria = Arrays.asList(mesh, point, bbox, city, featureType, dataset).stream()
                        .anyMatch(s -> s != null && !s.isBlank())
                || minLod != null;
        FileQuery query = ids.isEmpty() || criteria
                ? FileQuery.parse(mesh, point, bbox, city, featureType, minLod, dataset)
                : null;
        PackWriter writer = new PackWriter(packing, config.pack().deflateLevel(), config.bufferBytes());
        List<PackageFileEntity> files = lookup.forPack(query, ids);
        StreamingOutput body = out -> writer.write(files, lookup::blob, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"plateau-pack.zip\"")
                .build();
    }

    @Override
    public Response downloadFile(Long fileId, String range, String ifRange, String ifNoneMatch) {
        FileLookupService.Located located = lookup.download(fileId);
        return responses.serve(
                located.blob(),
                located.file().mediaType,
                located.fileName(),
                new FileResponses.Request(range, ifRange, ifNoneMatch, uriInfo.getPath()));
    }

    private static List<Long> ids(String file) {
        if (file == null || file.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(file.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .map(Long::valueOf)
                    .distinct()
                    .toList();
        } catch (NumberFormatException e) {
            throw new MalformedRequest("file must be comma-separated file ids, got '" + file + "'");
        }
    }
}
