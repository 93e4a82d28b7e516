package org.twincatalog.hosting.packages;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.twincatalog.api.v1.model.Checksum;
import org.twincatalog.api.v1.model.HostedFile;
import org.twincatalog.standards.crs.CrsRef;

/** {@link PackageFileEntity} to the contract's {@link HostedFile}. */
final class HostedFileMapper {
    private final String baseUrl;

    HostedFileMapper(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
    }

    HostedFile toModel(PackageFileEntity f) {
        HostedFile h = new HostedFile()
                .id(f.id)
                .dataset(f.datasetId)
                ._package(f.packageName)
                .path(f.path)
                .cityCode(f.cityCode)
                .featureType(f.featureType)
                .meshCode(f.meshCode)
                .maxLod(f.maxLod)
                .byteSize(f.byteSize)
                .mediaType(f.mediaType)
                .checksum(
                        new Checksum().algorithm(Checksum.AlgorithmEnum.SHA256).value(f.sha256))
                .downloadUrl(URI.create(baseUrl + "/api/v1/files/" + f.id));
        if (f.lods != null && !f.lods.isEmpty()) {
            h.levelsOfDetail(
                    Arrays.stream(f.lods.split(",")).map(Integer::valueOf).toList());
        }
        if (f.epsg != null) {
            h.crs(URI.create(CrsRef.uri(f.epsg)));
        }
        if (f.minLon != null) {
            h.bbox(List.of(f.minLon, f.minLat, f.maxLon, f.maxLat));
        }
        return h;
    }
}
