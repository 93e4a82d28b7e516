package org.twincatalog.node.federation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.twincatalog.api.v1.model.DataService;
import org.twincatalog.federation.harvest.MirrorWriter;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/**
 * Mirrors are read-only through the local API: only the harvester writes them. Every write path
 * answers 409 naming the origin and changes nothing; a client cannot forge a mirror by sending an
 * {@code origin}.
 */
@QuarkusTest
class MirrorWritesTest {
    private static final String PROBLEM = "application/problem+json";
    private static final Path BLOBS = Path.of("target/test-files/blobs");

    @Inject
    MirrorWriter writer;

    @Test
    void everyWriteToAMirroredDataset_is409NamingItsOrigin_andLeavesItAsHarvested() throws IOException {
        String publisher = Fixtures.newOrganization();
        String peer = Fixtures.uniqueId("city");
        harvest(peer, FeedPages.created(1, FeedPages.dataset("bldg", publisher, 4, "Mirrored buildings")));
        String mirror = peer + ".bldg";
        RequestSpecification asPublisher = LocalTokens.asPublisherOf(publisher);
        ObjectNode edited = Fixtures.dataset("dataset-minimal.json", publisher);
        long blobs = blobCount();

        assertMirrorConflict(
                given().spec(asPublisher)
                        .contentType(ContentType.JSON)
                        .header("If-Match", "\"1\"")
                        .body(edited.toString())
                        .put("/api/v1/datasets/" + mirror),
                peer);
        assertMirrorConflict(
                given().spec(asPublisher)
                        .contentType(ContentType.JSON)
                        .header("If-Match", "\"1\"")
                        .body(Map.of("title", Map.of("en", "extra"), "accessUrl", "https://example.kr/x"))
                        .post("/api/v1/datasets/" + mirror + "/distributions"),
                peer);
        assertMirrorConflict(
                given().spec(asPublisher)
                        .header("If-Match", "\"1\"")
                        .delete("/api/v1/datasets/" + mirror + "/distributions/d1"),
                peer);
        assertMirrorConflict(
                given().spec(asPublisher)
                        .contentType("application/octet-stream")
                        .body(new byte[] {1, 2, 3})
                        .put("/api/v1/datasets/" + mirror + "/distributions/d1/file"),
                peer);
        assertMirrorConflict(
                given().spec(asPublisher).header("If-Match", "\"1\"").delete("/api/v1/datasets/" + mirror), peer);

        given().spec(asPublisher)
                .get("/api/v1/datasets/" + mirror)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("status", is("published"))
                .body("title.en", is("Mirrored buildings"))
                .body("distributions.id", contains("d1"))
                .body("distributions[0].byteSize", is((Object) null))
                .body("origin.node", is(peer))
                .body("origin.version", is(4));
        org.assertj.core.api.Assertions.assertThat(blobCount())
                .as("the refused upload kept no blob")
                .isEqualTo(blobs);
    }

    @Test
    void updatingOrWithdrawingAMirroredDataService_is409() {
        String publisher = Fixtures.newOrganization();
        String peer = Fixtures.uniqueId("city");
        DataService service = new DataService()
                .id("wfs")
                .publisher(publisher)
                .recordVersion(2L)
                .title(Map.of("en", "Mirrored WFS"))
                .endpointUrl(URI.create("https://api.example.kr/wfs"));
        harvest(peer, FeedPages.created(1, service));
        RequestSpecification asPublisher = LocalTokens.asPublisherOf(publisher);
        String mirror = peer + ".wfs";

        assertMirrorConflict(
                given().spec(asPublisher)
                        .contentType(ContentType.JSON)
                        .header("If-Match", "\"1\"")
                        .body(Map.of(
                                "title",
                                Map.of("en", "Edited here"),
                                "publisher",
                                publisher,
                                "endpointUrl",
                                "https://api.example.kr/wfs"))
                        .put("/api/v1/services/" + mirror),
                peer);
        assertMirrorConflict(
                given().spec(asPublisher).header("If-Match", "\"1\"").delete("/api/v1/services/" + mirror), peer);
        given().get("/api/v1/services/" + mirror)
                .then()
                .statusCode(200)
                .body("title.en", is("Mirrored WFS"))
                .body("recordVersion", is(1));
    }

    @Test
    void creatingADatasetWithAnOrigin_is422AtOrigin_andCreatesNothing() {
        String publisher = Fixtures.newOrganization();
        String id = publisher + "." + Fixtures.uniqueId("forged");
        ObjectNode forged = Fixtures.dataset("dataset-minimal.json", publisher).put("id", id);
        forged.putObject("origin")
                .put("node", "city-elsewhere")
                .put("id", "bldg")
                .put("version", 1)
                .putArray("chain")
                .add("city-elsewhere");

        given().spec(LocalTokens.asPublisherOf(publisher))
                .contentType(ContentType.JSON)
                .body(forged.toString())
                .post("/api/v1/datasets")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.pointer", contains("/origin"));
        given().spec(LocalTokens.asPublisherOf(publisher))
                .get("/api/v1/datasets/" + id)
                .then()
                .statusCode(404);
    }

    @Test
    void updatingALocalDatasetWithAnOrigin_is422AtOrigin_andKeepsItsVersion() {
        String publisher = Fixtures.newOrganization();
        String id = Fixtures.newDataset("dataset-minimal.json", publisher);
        ObjectNode forged = Fixtures.dataset("dataset-minimal.json", publisher);
        forged.putObject("origin").put("node", "city-elsewhere").put("id", id).put("version", 9);

        given().spec(LocalTokens.asPublisherOf(publisher))
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(forged.toString())
                .put("/api/v1/datasets/" + id)
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors.pointer", contains("/origin"));
        given().spec(LocalTokens.asPublisherOf(publisher))
                .get("/api/v1/datasets/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("origin", is((Object) null));
    }

    @Test
    void creatingADataServiceWithAnOrigin_is422AtOrigin() {
        String publisher = Fixtures.newOrganization();
        given().spec(LocalTokens.asPublisherOf(publisher))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        Map.of("en", "Forged"),
                        "publisher",
                        publisher,
                        "endpointUrl",
                        "https://api.example.kr/forged",
                        "origin",
                        Map.of("node", "city-elsewhere", "id", "wfs", "version", 1, "chain", List.of())))
                .post("/api/v1/services")
                .then()
                .statusCode(422)
                .contentType(PROBLEM)
                .body("errors", hasSize(1))
                .body("errors.pointer", contains("/origin"));
    }

    private void harvest(String peer, org.twincatalog.api.v1.model.HarvestFeedEntry entry) {
        writer.state(peer);
        MirrorWriter.PageResult result = writer.apply(peer, 0, FeedPages.page(1, 1, entry));
        org.assertj.core.api.Assertions.assertThat(result.applied()).isEqualTo(1);
    }

    private static void assertMirrorConflict(io.restassured.response.Response response, String peer) {
        response.then()
                .statusCode(409)
                .contentType(PROBLEM)
                .body("status", is(409))
                .body("detail", containsString("is a mirror of " + peer + "/"))
                .body("detail", containsString("must be changed at its origin"));
    }

    private static long blobCount() throws IOException {
        if (!Files.isDirectory(BLOBS)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(BLOBS)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }
}
