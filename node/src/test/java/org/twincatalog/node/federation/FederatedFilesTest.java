package org.twincatalog.node.federation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twincatalog.federation.directory.NodeDirectory;
import org.twincatalog.federation.directory.Peer;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;
import org.twincatalog.node.support.Plateau;

/**
 * Issue 13, the national node as a front door: files are found, packed and downloaded across the
 * peers, each under its own policy. The peer here is this node itself, registered under another id
 * ({@value #CITY}) at its own address, so every call crosses real HTTP and the peer's own policy
 * decides; the caller is anonymous (forwarding a signed-in caller is FederationIT's, with Keycloak).
 */
@QuarkusTest
class FederatedFilesTest {
    private static final String CITY = "city-files";
    private static final String PACKAGE = "14201_yokosuka-shi_sample";
    private static String publicDataset;
    private static String restrictedDataset;
    private static String restrictedPublisher;

    @Inject
    NodeDirectory directory;

    @TempDir
    static Path tmp;

    @BeforeEach
    void peerAndPackages() throws IOException {
        directory.register(new Peer(
                CITY,
                Map.of("en", "A city (this node)"),
                "city",
                "http://127.0.0.1:" + RestAssured.port,
                List.of(),
                null,
                false,
                Peer.FROM_API));
        if (publicDataset == null) {
            publicDataset = register("public", "public");
            restrictedDataset = register("restricted", "restricted");
        }
    }

    private static String register(String accessRights, String dataAccess) throws IOException {
        String publisher = Fixtures.newOrganization();
        restrictedPublisher = publisher; // the last one registered is the restricted one
        byte[] zip = Files.readAllBytes(Plateau.zip(PACKAGE, tmp.resolve(accessRights + ".zip")));
        return given().spec(LocalTokens.asPublisherOf(publisher))
                .contentType("application/zip")
                .queryParam("publisher", publisher)
                .queryParam("accessRights", accessRights)
                .queryParam("dataAccess", dataAccess)
                .queryParam("id", publisher + "." + Fixtures.uniqueId("yokosuka"))
                .body(zip)
                .post("/api/v1/packages")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static JsonPath lookup(Map<String, ?> params) {
        return given().queryParams(params)
                .queryParam("peer", CITY)
                .get("/api/v1/federation/files")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void lookup_listsThePeersFilesItsPolicyShows_withThePeerAndBothLinks() {
        JsonPath page = lookup(Map.of("city", "14201"));
        assertThat(page.getString("peers[0].outcome")).isEqualTo("ok");
        List<String> datasets = page.getList("items.file.dataset");
        assertThat(datasets).contains(publicDataset).doesNotContain(restrictedDataset);
        JsonPath direct = given().queryParam("city", "14201")
                .get("/api/v1/files")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getList("items.file.id")).isEqualTo(direct.getList("items.id"));
        assertThat(page.getList("items.peer")).containsOnly(CITY);
        long id = page.getLong("items[0].file.id");
        assertThat(page.getString("items[0].federatedDownloadUrl"))
                .endsWith("/api/v1/federation/files/" + CITY + "/" + id);
        assertThat(page.getString("items[0].file.downloadUrl")).endsWith("/api/v1/files/" + id);
        assertThat(page.getLong("peers[0].total"))
                .isEqualTo(page.getList("items").size());
    }

    @Test
    void lookup_withALimit_namesThePeerWithMore_andItsCursorGivesTheRest() {
        JsonPath all = lookup(Map.of("city", "14201"));
        int total = all.getList("items").size();
        assertThat(total).isGreaterThan(1);
        JsonPath first = lookup(Map.of("city", "14201", "limit", 1));
        assertThat(first.getList("items")).hasSize(1);
        assertThat(first.getString("more[0].peer")).isEqualTo(CITY);
        JsonPath second = lookup(Map.of("city", "14201", "limit", 1000, "cursor", first.getString("more[0].cursor")));
        assertThat(second.getList("items")).hasSize(total - 1);
        assertThat(second.getList("more")).isEmpty();
    }

    @Test
    void pack_holdsEachPeersFilesUnderItsId_byteIdentical_andAManifest() throws IOException {
        byte[] direct = given().queryParam("dataset", publicDataset)
                .get("/api/v1/files/pack")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        byte[] federated = given().queryParam("peer", CITY)
                .queryParam("city", "14201")
                .get("/api/v1/federation/files/pack")
                .then()
                .statusCode(200)
                .contentType("application/zip")
                .header("Content-Disposition", containsString("plateau-federation-pack.zip"))
                .extract()
                .asByteArray();
        Map<String, byte[]> ours = entries(direct);
        Map<String, byte[]> theirs = entries(federated);
        assertThat(ours).isNotEmpty();
        for (var e : ours.entrySet()) {
            assertThat(theirs.get(CITY + "/" + e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
        }
        String manifest = new String(theirs.get("federation-pack.json"), java.nio.charset.StandardCharsets.UTF_8);
        JsonPath m = new JsonPath(manifest);
        assertThat(m.getString("peers[0].peer")).isEqualTo(CITY);
        assertThat(m.getString("peers[0].outcome")).isEqualTo("ok");
        assertThat(m.getList("peers[0].entries")).containsAll(ours.keySet());
        assertThat(theirs.keySet().stream().filter(k -> !k.equals("federation-pack.json")))
                .allMatch(k -> k.startsWith(CITY + "/" + PACKAGE + "/"));
    }

    @Test
    void downloadThroughThisNode_isThePeersFile_withRanges_andThePeersRefusal() {
        JsonPath page = lookup(Map.of("city", "14201"));
        long id = page.getLong("items[0].file.id");
        byte[] direct = given().get("/api/v1/files/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        byte[] through = given().get("/api/v1/federation/files/" + CITY + "/" + id)
                .then()
                .statusCode(200)
                .header("ETag", is(given().get("/api/v1/files/" + id).header("ETag")))
                .extract()
                .asByteArray();
        assertThat(through).isEqualTo(direct);
        byte[] part = given().header("Range", "bytes=10-19")
                .get("/api/v1/federation/files/" + CITY + "/" + id)
                .then()
                .statusCode(206)
                .header("Content-Range", "bytes 10-19/" + direct.length)
                .extract()
                .asByteArray();
        assertThat(part).isEqualTo(java.util.Arrays.copyOfRange(direct, 10, 20));

        long restricted = given().spec(LocalTokens.asPublisherOf(restrictedPublisher))
                .queryParam("dataset", restrictedDataset)
                .get("/api/v1/files")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("items[0].id");
        given().get("/api/v1/federation/files/" + CITY + "/" + restricted)
                .then()
                .statusCode(401);
    }

    @Test
    void badRequests_areProblemsNamingTheParameter_andUnknownPeersAre404() {
        given().queryParam("city", "14201")
                .queryParam("cursor", "5")
                .get("/api/v1/federation/files")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("cursor"));
        given().get("/api/v1/federation/files").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("city", "14201")
                .queryParam("limit", 0)
                .get("/api/v1/federation/files")
                .then()
                .statusCode(400)
                .body("detail", containsString("limit"));
        given().queryParam("mesh", "12;DROP")
                .get("/api/v1/federation/files/pack")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("city", "14201")
                .queryParam("peer", "no-such-city")
                .get("/api/v1/federation/files")
                .then()
                .statusCode(404);
        given().get("/api/v1/federation/files/no-such-city/1").then().statusCode(404);
    }

    private static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }
}
