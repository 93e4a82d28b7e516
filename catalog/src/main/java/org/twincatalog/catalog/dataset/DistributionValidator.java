package org.twincatalog.catalog.dataset;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.twincatalog.api.v1.model.Checksum;
import org.twincatalog.api.v1.model.Distribution;
import org.twincatalog.catalog.record.Violations;

/** The rules a distribution must follow. */
final class DistributionValidator {
    private static final Pattern MEDIA_TYPE =
            Pattern.compile("^[a-z0-9][a-z0-9!#$&^_.+-]*/[a-z0-9][a-z0-9!#$&^_.+-]*$");
    private static final Pattern FEATURE_TYPE = Pattern.compile("^[a-z][a-z0-9]{1,15}$");
    private static final Map<Checksum.AlgorithmEnum, Integer> HEX_LENGTH =
            Map.of(Checksum.AlgorithmEnum.SHA256, 64, Checksum.AlgorithmEnum.SHA1, 40, Checksum.AlgorithmEnum.MD5, 32);

    private DistributionValidator() {}

    static void checkAll(Violations v, String pointer, List<Distribution> distributions) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; distributions != null && i < distributions.size(); i++) {
            Distribution d = distributions.get(i);
            String at = pointer + "/" + i;
            if (d == null) {
                v.add(at, "must not be null");
                continue;
            }
            check(v, at, d);
            if (d.getId() != null && !ids.add(d.getId())) {
                v.add(at + "/id", "the id '" + d.getId() + "' is used by another distribution of this dataset");
            }
        }
    }

    static void check(Violations v, String at, Distribution d) {
        v.id(at + "/id", d.getId());
        v.langMap(at + "/title", d.getTitle(), false);
        v.langMap(at + "/description", d.getDescription(), false);
        v.required(at + "/accessUrl", d.getAccessUrl());
        v.absoluteUri(at + "/accessUrl", d.getAccessUrl());
        v.absoluteUri(at + "/downloadUrl", d.getDownloadUrl());
        v.absoluteUri(at + "/format", d.getFormat());
        v.absoluteUri(at + "/license", d.getLicense());
        v.absoluteUris(at + "/conformsTo", d.getConformsTo());
        if (d.getMediaType() != null && !MEDIA_TYPE.matcher(d.getMediaType()).matches()) {
            v.add(at + "/mediaType", "'" + d.getMediaType() + "' is not an IANA media type such as application/zip");
        }
        if (d.getByteSize() != null && d.getByteSize() < 0) {
            v.add(at + "/byteSize", "must not be negative");
        }
        Checksum checksum = d.getChecksum();
        if (checksum != null) {
            v.required(at + "/checksum/algorithm", checksum.getAlgorithm());
            v.required(at + "/checksum/value", checksum.getValue());
            Integer length = HEX_LENGTH.get(checksum.getAlgorithm());
            String value = checksum.getValue();
            if (length != null && value != null && !value.matches("[0-9a-f]{" + length + "}")) {
                v.add(
                        at + "/checksum/value",
                        "a " + checksum.getAlgorithm() + " checksum is " + length + " lower-case hex digits");
            }
        }
        if (d.getFeatureType() != null
                && !FEATURE_TYPE.matcher(d.getFeatureType()).matches()) {
            v.add(at + "/featureType", "'" + d.getFeatureType() + "' is not a feature type code such as bldg");
        }
        v.levelsOfDetail(at + "/levelsOfDetail", d.getLevelsOfDetail());
    }
}
