package org.twincatalog.node.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.catalog.CallerContext;
import org.twincatalog.catalog.dataservice.DataServiceService;
import org.twincatalog.catalog.dataset.DatasetReads;
import org.twincatalog.catalog.dataset.DatasetService;
import org.twincatalog.catalog.organization.OrganizationService;
import org.twincatalog.catalog.record.RecordStore;
import org.twincatalog.hosting.packages.PackageService;
import org.twincatalog.node.support.Plateau;

/**
 * Issue 13, "demo data says what it is": the demo sets host real PLATEAU packages (zipped into the
 * jar by the build from {@code testdata/plateau}), registered by a Japanese publisher with a
 * description saying what they are, so file lookup and packs answer real content.
 */
@QuarkusTest
@TestProfile(DemoPlateauPackagesTest.Seeded.class)
class DemoPlateauPackagesTest {
    static final String TOKYO = "13100_tokyo23-ku_2020_citygml_sample";
    static final String TOKYO_ID = "tokyo-23.plateau-sample-13100";

    /** Demo seeding on, with the default set. */
    public static class Seeded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tc.demo.seed", "true");
        }
    }

    @Inject
    DemoSeeder seeder;

    @Inject
    OrganizationService organizations;

    @Inject
    DatasetService datasets;

    @Inject
    DatasetReads reads;

    @Inject
    DataServiceService services;

    @Inject
    PackageService packages;

    @Inject
    ObjectMapper json;

    @Inject
    CallerContext callers;

    @Inject
    RecordStore store;

    @BeforeEach
    void seeded() {
        // The in-memory database outlives one application start, so the start-up seeding may have
        // been skipped (a catalog that is not empty); seeding again is harmless.
        seeder.seed();
    }

    @Test
    void filesOfTheDemoCity_listEveryRealFile_withItsFeatureTypeAndLods() throws IOException {
        Map<String, Map<String, Object>> listed = new TreeMap<>();
        for (Map<String, Object> item : Plateau.lookupAll(Map.of("city", "13100"), 1000)) {
            if (TOKYO_ID.equals(item.get("dataset"))) {
                listed.put(item.get("package") + "/" + item.get("path"), item);
            }
        }
        assertThat(listed.keySet()).isEqualTo(Plateau.filesOnDisk(TOKYO).keySet());
        JsonNode truth = Plateau.truth().get("files");
        List<String> gml =
                listed.keySet().stream().filter(k -> k.endsWith(".gml")).toList();
        assertThat(gml).isNotEmpty();
        for (String entry : gml) {
            JsonNode expected = truth.get(entry);
            assertThat(expected).as(entry).isNotNull();
            Map<String, Object> item = listed.get(entry);
            assertThat(item.get("featureType"))
                    .as(entry)
                    .isEqualTo(expected.get("featureType").asText());
            List<Integer> lods = new ArrayList<>();
            expected.get("lods").forEach(l -> lods.add(l.asInt()));
            assertThat(item.get("levelsOfDetail")).as(entry).isEqualTo(lods.isEmpty() ? null : lods);
        }
    }

    @Test
    void packOfTheDemoPackage_unzipsToTheRealFiles_byteIdentical() throws IOException {
        byte[] zip = given().queryParam("dataset", TOKYO_ID)
                .get("/api/v1/files/pack")
                .then()
                .statusCode(200)
                .contentType("application/zip")
                .extract()
                .asByteArray();
        Map<String, byte[]> packed = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                packed.put(e.getName(), in.readAllBytes());
            }
        }
        Map<String, Path> disk = Plateau.filesOnDisk(TOKYO);
        assertThat(packed.keySet()).isEqualTo(disk.keySet());
        for (var e : disk.entrySet()) {
            assertThat(packed.get(e.getKey())).as(e.getKey()).isEqualTo(Files.readAllBytes(e.getValue()));
        }
    }

    @Test
    void secondSeed_seedsNothing() {
        int files = Plateau.lookupAll(Map.of("dataset", TOKYO_ID), 1000).size();
        long published = reads.countPublished();
        assertThat(seeder.seed()).isZero();
        assertThat(reads.countPublished()).isEqualTo(published);
        assertThat(Plateau.lookupAll(Map.of("dataset", TOKYO_ID), 1000)).hasSize(files);
    }

    @Test
    void demoPackageDataset_saysItIsARealPlateauSample_publishedByItsJapaneseCity() {
        JsonPath dataset = given().get("/api/v1/datasets/" + TOKYO_ID)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(dataset.getString("publisher")).isEqualTo("tokyo-23");
        assertThat(dataset.getString("accessRights")).isEqualTo("public");
        assertThat(dataset.getString("license")).isEqualTo("https://www.mlit.go.jp/plateau/site-policy/");
        String en = dataset.getString("description.en");
        assertThat(en).contains("real PLATEAU sample", TOKYO, "出典：国土交通省 PLATEAU", "site-policy");
        assertThat(dataset.getString("description.ja")).contains("出典：国土交通省 PLATEAU");
        assertThat(dataset.getString("description.ko")).contains("PLATEAU");
        assertThat(given().get("/api/v1/organizations/tokyo-23").jsonPath().getString("country"))
                .isEqualTo("JP");
    }

    @Test
    void federationCitySets_eachHostADifferentRealPackage_ofAJapanesePublisher() throws IOException {
        List<String> hosted = new ArrayList<>();
        for (String set : List.of("federation/city-gangnam", "federation/city-mapo")) {
            new DemoSeeder(organizations, datasets, services, packages, json, true, callers, store, Optional.of(set))
                    .seed();
            JsonNode declared = declared(set);
            assertThat(declared.size()).as(set).isPositive();
            for (JsonNode p : declared) {
                String id = p.get("id").asText();
                String pkg = p.get("packageName").asText();
                assertThat(hosted).as(set).doesNotContain(pkg);
                hosted.add(pkg);
                assertThat(given().get("/api/v1/organizations/"
                                        + p.get("publisher").asText())
                                .jsonPath()
                                .getString("country"))
                        .isEqualTo("JP");
                List<String> entries = Plateau.lookupAll(Map.of("dataset", id), 1000).stream()
                        .map(i -> i.get("package") + "/" + i.get("path"))
                        .sorted()
                        .toList();
                assertThat(entries)
                        .as(id)
                        .isEqualTo(List.copyOf(Plateau.filesOnDisk(pkg).keySet()));
            }
        }
    }

    private JsonNode declared(String set) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("demo/" + set + "/packages.json")) {
            assertThat(in).as(set).isNotNull();
            return json.readTree(in);
        }
    }
}
