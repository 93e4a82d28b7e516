package org.twincatalog.node.files;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twincatalog.node.support.DcatApShapes;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;
import org.twincatalog.node.support.Plateau;

/**
 * Issue 7, done when: the shared PLATEAU samples, zipped here, register as hosted packages; file
 * lookups by mesh code, point, bbox, city, feature type and LOD answer exactly the files the truth
 * manifest (the standards module's independent script) and the files on disk say; every listed
 * size and checksum is the file's; a pack unzips to byte-identical files in the package layout.
 */
@QuarkusTest
class PlateauPackageFilesTest {
    /** The packages registered once for this class: package folder → dataset id. */
    private static final Map<String, String> REGISTERED = new TreeMap<>();

    @TempDir
    static Path tmp;

    /** Truth: every .gml file from the manifest, by "package/path". */
    private static final Map<String, JsonNode> TRUTH = new TreeMap<>();

    static synchronized void registerAll() {
        if (!REGISTERED.isEmpty()) {
            return;
        }
        Plateau.truth().get("files").fields().forEachRemaining(e -> TRUTH.put(e.getKey(), e.getValue()));
        for (String pkg : Plateau.packages()) {
            String publisher = Fixtures.newOrganization();
            Path zip = Plateau.zip(pkg, tmp.resolve(pkg + ".zip"));
            String id = given().spec(LocalTokens.asPublisherOf(publisher))
                    .contentType("application/zip")
                    .queryParam("publisher", publisher)
                    .queryParam("accessRights", "public")
                    .queryParam("name", pkg + ".zip")
                    .queryParam("id", publisher + "." + Fixtures.uniqueId("pkg-" + pkg.substring(0, 5)))
                    .body(read(zip))
                    .post("/api/v1/packages")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
            REGISTERED.put(pkg, id);
        }
    }

    @Test
    void registeredPackage_listsEveryFileOnDisk_withItsSizeAndChecksum() throws Exception {
        registerAll();
        for (var e : REGISTERED.entrySet()) {
            Map<String, Map<String, Object>> listed = byEntry(Plateau.lookupAll(Map.of("dataset", e.getValue()), 7));
            Map<String, Path> onDisk = Plateau.filesOnDisk(e.getKey());
            assertThat(listed.keySet()).as(e.getKey()).isEqualTo(onDisk.keySet());
            for (var file : onDisk.entrySet()) {
                byte[] bytes = Files.readAllBytes(file.getValue());
                Map<String, Object> item = listed.get(file.getKey());
                assertThat(((Number) item.get("byteSize")).longValue()).isEqualTo(bytes.length);
                @SuppressWarnings("unchecked")
                Map<String, Object> checksum = (Map<String, Object>) item.get("checksum");
                assertThat(checksum.get("value")).as(file.getKey()).isEqualTo(HostedFileApiTest.sha256(bytes));
            }
        }
    }

    @Test
    void registeredDataset_hasADistributionPerFeatureType_pointingAtTheLookupAndThePack() {
        registerAll();
        String id = REGISTERED.get("13100_tokyo23-ku_2020_citygml_sample");
        JsonPath dataset = given().get("/api/v1/datasets/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        Set<String> types = TRUTH.entrySet().stream()
                .filter(t -> t.getKey().startsWith("13100_"))
                .map(t -> t.getValue().get("featureType").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(dataset.getList("distributions.featureType", String.class)))
                .isEqualTo(types);
        for (String type : types) {
            String download = dataset.getString("distributions.find { it.featureType == '" + type + "' }.downloadUrl");
            assertThat(download).endsWith("/api/v1/files/pack?dataset=" + id + "&featureType=" + type);
        }
        String turtle = given().accept("text/turtle")
                .get("/api/v1/datasets/" + id)
                .then()
                .extract()
                .asString();
        DcatApShapes.assertConforms(turtle);
    }

    @Test
    void lookupByMeshCode_findsFinerAndCoarserMeshes_asTheTruthSays() {
        registerAll();
        Set<String> queries = new TreeSet<>();
        TRUTH.values().forEach(f -> {
            String mesh = f.get("meshCode").asText();
            queries.add(mesh);
            queries.add(mesh.substring(0, 4));
            if (mesh.length() >= 6) {
                queries.add(mesh.substring(0, 6));
            }
        });
        queries.add("53392599"); // a 3rd-level mesh inside 533925 with no file of its own
        for (String mesh : queries) {
            Set<String> expected = truthWhere(f -> overlaps(f.get("meshCode").asText(), mesh));
            assertThat(gmlEntries(Plateau.lookupAll(Map.of("mesh", mesh), 7)))
                    .as("mesh " + mesh)
                    .isEqualTo(expected);
        }
        assertThat(gmlEntries(Plateau.lookupAll(Map.of("mesh", "533945,523965"), 7)))
                .isEqualTo(truthWhere(f -> overlaps(f.get("meshCode").asText(), "533945")
                        || overlaps(f.get("meshCode").asText(), "523965")));
    }

    @Test
    void lookupByPointAndBbox_matchesTheFilesTrueExtents() {
        registerAll();
        for (JsonNode f : TRUTH.values()) {
            double[] b = bbox(f);
            double lon = (b[0] + b[2]) / 2;
            double lat = (b[1] + b[3]) / 2;
            Set<String> expected = truthWhere(t -> {
                double[] o = bbox(t);
                return o[0] <= lon && o[2] >= lon && o[1] <= lat && o[3] >= lat;
            });
            assertThat(gmlEntries(Plateau.lookupAll(Map.of("point", lon + "," + lat), 7)))
                    .as("point %s,%s", lon, lat)
                    .isEqualTo(expected);
        }
        double[][] boxes = {
            {139.69, 35.68, 139.70, 35.70}, // Shinjuku: the LOD2 building, bridges, furniture
            {139.60, 35.50, 139.75, 35.60}, // southern Ota-ku
            {138.0, 34.0, 140.0, 36.0}, // everything in the samples
            {130.0, 33.0, 130.1, 33.1} // Fukuoka: nothing
        };
        for (double[] q : boxes) {
            Set<String> expected = truthWhere(t -> {
                double[] o = bbox(t);
                return o[0] <= q[2] && o[2] >= q[0] && o[1] <= q[3] && o[3] >= q[1];
            });
            String box = q[0] + "," + q[1] + "," + q[2] + "," + q[3];
            assertThat(gmlEntries(Plateau.lookupAll(Map.of("bbox", box), 7)))
                    .as("bbox " + box)
                    .isEqualTo(expected);
        }
        assertThat(gmlEntries(Plateau.lookupAll(Map.of("bbox", "130.0,33.0,130.1,33.1"), 7)))
                .isEmpty();
    }

    @Test
    void lookupByFeatureTypeAndMinimumLod_matchesTheTruth() {
        registerAll();
        Set<String> types = TRUTH.values().stream()
                .map(f -> f.get("featureType").asText())
                .collect(Collectors.toCollection(TreeSet::new));
        for (String type : types) {
            for (int lod = 0; lod <= 3; lod++) {
                int min = lod;
                Set<String> expected =
                        truthWhere(f -> f.get("featureType").asText().equals(type) && maxLod(f) >= min);
                assertThat(gmlEntries(Plateau.lookupAll(Map.of("featureType", type, "minLod", String.valueOf(lod)), 7)))
                        .as("%s LOD >= %d", type, lod)
                        .isEqualTo(expected);
            }
        }
        Set<String> lod2Buildings =
                truthWhere(f -> f.get("featureType").asText().equals("bldg") && maxLod(f) >= 2);
        assertThat(lod2Buildings).isNotEmpty();
    }

    @Test
    void lookupByCity_listsTheCitysPackageFiles() {
        registerAll();
        for (String pkg : REGISTERED.keySet()) {
            String city = pkg.substring(0, 5);
            Set<String> listed = byEntry(Plateau.lookupAll(Map.of("city", city), 7)).keySet().stream()
                    .filter(e -> REGISTERED.keySet().stream().anyMatch(p -> e.startsWith(p + "/")))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(listed)
                    .as(city)
                    .isEqualTo(new TreeSet<>(Plateau.filesOnDisk(pkg).keySet()));
        }
    }

    @Test
    void lookup_withoutCriteria_orWithABadMeshCode_is400() {
        given().get("/api/v1/files").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("mesh", "53A9")
                .get("/api/v1/files")
                .then()
                .statusCode(400)
                .body("detail", containsString("53A9"));
        given().queryParam("bbox", "139.7,35.7,139.6,35.6")
                .get("/api/v1/files")
                .then()
                .statusCode(400);
    }

    @Test
    void pack_unzipsToByteIdenticalFiles_inThePackageLayout_deflatedOrStored() throws IOException {
        registerAll();
        String tokyo = REGISTERED.get("13100_tokyo23-ku_2020_citygml_sample");
        assertPack(Map.of("dataset", tokyo), Plateau.filesOnDisk("13100_tokyo23-ku_2020_citygml_sample"));
        Map<String, Path> buildings = new TreeMap<>();
        for (String entry : truthWhere(f -> f.get("featureType").asText().equals("bldg"))) {
            buildings.put(entry, Plateau.root().resolve(entry));
        }
        assertPack(Map.of("featureType", "bldg", "compression", "stored"), buildings);

        List<Map<String, Object>> two =
                Plateau.lookupAll(Map.of("mesh", "53394525"), 7).subList(0, 2);
        Map<String, Path> chosen = new TreeMap<>();
        two.forEach(i -> chosen.put(
                i.get("package") + "/" + i.get("path"),
                Plateau.root().resolve(i.get("package") + "/" + i.get("path"))));
        assertPack(Map.of("file", two.get(0).get("id") + "," + two.get(1).get("id")), chosen);
    }

    @Test
    void fileDownload_isByteIdentical_andAnswersRanges() throws IOException {
        registerAll();
        Map<String, Object> item = Plateau.lookupAll(Map.of("mesh", "533925", "featureType", "dem"), 7)
                .get(0);
        byte[] onDisk = Files.readAllBytes(Plateau.root().resolve(item.get("package") + "/" + item.get("path")));
        String url = "/api/v1/files/" + item.get("id");
        Response whole = given().get(url);
        whole.then().statusCode(200).header("ETag", "\"" + ((Map<?, ?>) item.get("checksum")).get("value") + "\"");
        assertThat(whole.asByteArray()).isEqualTo(onDisk);
        Response part = given().header("Range", "bytes=100-199").get(url);
        part.then().statusCode(206).header("Content-Range", "bytes 100-199/" + onDisk.length);
        assertThat(part.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(onDisk, 100, 200));
        given().get("/api/v1/files/999999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void restrictedPackage_isNotListedForStrangers_andItsFilesAre401Or403() {
        String owner = Fixtures.newOrganization();
        String pkg = "22100_shizuoka-shi_sample";
        String id = given().spec(LocalTokens.asPublisherOf(owner))
                .contentType("application/zip")
                .queryParam("publisher", owner)
                .queryParam("accessRights", "restricted")
                .queryParam("dataAccess", "restricted")
                .queryParam("name", pkg + ".zip")
                .body(read(Plateau.zip(pkg, tmp.resolve("restricted-" + pkg + ".zip"))))
                .post("/api/v1/packages")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertThat(Plateau.lookupAll(Map.of("dataset", id), 7)).isEmpty();
        List<Map<String, Object>> own = given().spec(LocalTokens.asPublisherOf(owner))
                .queryParam("dataset", id)
                .get("/api/v1/files")
                .then()
                .statusCode(200)
                .extract()
                .path("items");
        assertThat(own).hasSize(Plateau.filesOnDisk(pkg).size());
        String url = "/api/v1/files/" + own.get(0).get("id");
        given().get(url).then().statusCode(401);
        given().spec(LocalTokens.asPublisherOf(Fixtures.newOrganization()))
                .get(url)
                .then()
                .statusCode(403)
                .body("requestAccess", endsWith("/api/v1/datasets/" + id + "/access-requests"));
        given().spec(LocalTokens.asPublisherOf(owner)).get(url).then().statusCode(200);
        given().spec(LocalTokens.asPublisherOf(Fixtures.newOrganization()))
                .queryParam("file", String.valueOf(own.get(0).get("id")))
                .get("/api/v1/files/pack")
                .then()
                .statusCode(403);
    }

    private static void assertPack(Map<String, String> query, Map<String, Path> expected) throws IOException {
        Response pack = given().queryParams(query).get("/api/v1/files/pack");
        pack.then().statusCode(200).contentType("application/zip");
        Map<String, byte[]> entries = new TreeMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(pack.asByteArray()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        // other tests' packages may match criteria; the expected files must all be there, byte for byte
        Map<String, byte[]> ours = new TreeMap<>();
        entries.forEach((k, v) -> {
            if (expected.containsKey(k) || query.containsKey("dataset") || query.containsKey("file")) {
                ours.put(k, v);
            }
        });
        assertThat(ours.keySet()).as("pack %s", query).isEqualTo(expected.keySet());
        for (var e : expected.entrySet()) {
            assertThat(ours.get(e.getKey())).as(e.getKey()).isEqualTo(Files.readAllBytes(e.getValue()));
        }
    }

    /** Items by "package/path", only of the packages this class registered. */
    private static Map<String, Map<String, Object>> byEntry(List<Map<String, Object>> items) {
        Map<String, Map<String, Object>> out = new TreeMap<>();
        for (Map<String, Object> i : items) {
            if (REGISTERED.containsValue((String) i.get("dataset"))) {
                out.put(i.get("package") + "/" + i.get("path"), i);
            }
        }
        return out;
    }

    /** The .gml entries of the listed files of this class's packages. */
    private static Set<String> gmlEntries(List<Map<String, Object>> items) {
        return byEntry(items).keySet().stream()
                .filter(e -> e.endsWith(".gml"))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> truthWhere(Predicate<JsonNode> test) {
        return TRUTH.entrySet().stream()
                .filter(e -> test.test(e.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Two mesh squares overlap when one code is a prefix of the other (JIS X 0410 nesting). */
    private static boolean overlaps(String fileMesh, String query) {
        return fileMesh.startsWith(query) || query.startsWith(fileMesh);
    }

    private static double[] bbox(JsonNode f) {
        JsonNode b = f.get("bbox");
        return new double[] {
            b.get(0).asDouble(),
            b.get(1).asDouble(),
            b.get(2).asDouble(),
            b.get(3).asDouble()
        };
    }

    private static int maxLod(JsonNode f) {
        int max = -1;
        for (JsonNode l : f.get("lods")) {
            max = Math.max(max, l.asInt());
        }
        return max;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
