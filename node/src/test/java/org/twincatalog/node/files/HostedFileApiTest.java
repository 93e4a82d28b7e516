package org.twincatalog.node.files;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.DcatApShapes;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;
import org.twincatalog.node.support.Plateau;

/**
 * Issue 7: a distribution's file hosted by the node. The upload streams to the blob store and fills
 * byteSize, checksum, mediaType and downloadUrl; downloads answer ranges, ETag, digests and
 * conditional requests, under the dataset's data-access policy.
 */
@QuarkusTest
class HostedFileApiTest {
    private static final Path BLOBS = Path.of("target/test-files/blobs");
    private static final Path TMP = Path.of("target/test-files/tmp");
    private static final String GML = "13100_tokyo23-ku_2020_citygml_sample/udx/bldg/53394525_bldg_6697_2_op.gml";

    @Test
    void upload_recordsSizeChecksumAndMediaType_andDownloadIsByteIdentical() throws Exception {
        byte[] content = Files.readAllBytes(Plateau.root().resolve(GML));
        Hosted h = hosted("{}", content, "application/gml+xml");

        h.distribution
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("byteSize", equalTo(content.length))
                .body("checksum.algorithm", equalTo("sha256"))
                .body("checksum.value", equalTo(sha256(content)))
                .body("mediaType", equalTo("application/gml+xml"))
                .body("downloadUrl", endsWith(h.path()));

        Response download = given().get(h.path());
        download.then()
                .statusCode(200)
                .contentType("application/gml+xml")
                .header("ETag", "\"" + sha256(content) + "\"")
                .header("Accept-Ranges", "bytes")
                .header("Content-Length", String.valueOf(content.length))
                .header("Repr-Digest", "sha-256=:" + base64Sha256(content) + ":")
                .header("Digest", "sha-256=" + base64Sha256(content))
                .header("Content-Disposition", containsString("53394525_bldg_6697_2_op.gml"));
        assertThat(download.asByteArray()).isEqualTo(content);

        String turtle = given().accept("text/turtle")
                .get("/api/v1/datasets/" + h.dataset)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(turtle).contains(sha256(content));
        DcatApShapes.assertConforms(turtle);
    }

    @Test
    void rangeRequests_answer206WithContentRange_or416PastTheEnd() throws Exception {
        byte[] content = Files.readAllBytes(Plateau.root().resolve(GML));
        Hosted h = hosted("{}", content, "application/gml+xml");
        int size = content.length;

        assertRange(h, "bytes=0-99", 0, 99, content);
        assertRange(h, "bytes=1000-", 1000, size - 1, content);
        assertRange(h, "bytes=-500", size - 500, size - 1, content);
        assertRange(h, "bytes=" + (size - 10) + "-" + (size + 1000), size - 10, size - 1, content);

        given().header("Range", "bytes=" + size + "-")
                .get(h.path())
                .then()
                .statusCode(416)
                .contentType("application/problem+json")
                .header("Content-Range", "bytes */" + size)
                .body("type", equalTo("https://twin-catalog.org/problems/range-not-satisfiable"))
                .body("status", equalTo(416));

        // several ranges: the whole file, which RFC 9110 allows
        Response multi = given().header("Range", "bytes=0-1,5-6").get(h.path());
        assertThat(multi.statusCode()).isEqualTo(200);
        assertThat(multi.asByteArray()).isEqualTo(content);
    }

    @Test
    void conditionalRequests_ifNoneMatchIs304_ifRangeWithAnotherTagIsTheWholeFile() throws Exception {
        byte[] content = Files.readAllBytes(Plateau.root().resolve(GML));
        Hosted h = hosted("{}", content, "application/gml+xml");
        String etag = "\"" + sha256(content) + "\"";

        given().header("If-None-Match", etag)
                .get(h.path())
                .then()
                .statusCode(304)
                .header("ETag", etag);
        given().header("If-None-Match", "\"other\", W/" + etag)
                .get(h.path())
                .then()
                .statusCode(304);

        Response stale = given().header("Range", "bytes=0-9")
                .header("If-Range", "\"stale\"")
                .get(h.path());
        assertThat(stale.statusCode()).isEqualTo(200);
        assertThat(stale.asByteArray()).isEqualTo(content);

        Response current =
                given().header("Range", "bytes=0-9").header("If-Range", etag).get(h.path());
        assertThat(current.statusCode()).isEqualTo(206);
        assertThat(current.asByteArray()).isEqualTo(Arrays.copyOfRange(content, 0, 10));
    }

    @Test
    void downloadPolicy_openDataNeedsNoLogin_restrictedIs401Or403WithRequestAccess_privateIs404() throws Exception {
        byte[] content = "<restricted/>".getBytes(StandardCharsets.UTF_8);
        Hosted open = hosted("{}", content, "application/xml");
        given().get(open.path()).then().statusCode(200);

        Hosted restricted = hosted("{\"dataAccess\": \"restricted\"}", content, "application/xml");
        given().get(restricted.path())
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        String stranger = Fixtures.newOrganization();
        given().spec(LocalTokens.asPublisherOf(stranger))
                .get(restricted.path())
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("requestAccess", endsWith("/api/v1/datasets/" + restricted.dataset + "/access-requests"));
        Response own =
                given().spec(LocalTokens.asPublisherOf(restricted.publisher)).get(restricted.path());
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.asByteArray()).isEqualTo(content);

        Hosted hidden = hosted(
                "{\"metadataVisibility\": \"private\", \"dataAccess\": \"private\"}", content, "application/xml");
        given().spec(LocalTokens.asPublisherOf(stranger))
                .get(hidden.path())
                .then()
                .statusCode(404);
    }

    @Test
    void upload_byAnotherOrganization_isRefusedBeforeAnythingIsStored() throws Exception {
        Hosted h = hosted("{}", "<a/>".getBytes(StandardCharsets.UTF_8), "application/xml");
        long blobsBefore = blobCount();
        given().spec(LocalTokens.asPublisherOf(Fixtures.newOrganization()))
                .contentType("application/xml")
                .body("<b>not yours</b>")
                .put(h.path())
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        assertThat(blobCount()).isEqualTo(blobsBefore);
    }

    @Test
    void oversizedUpload_is413_andLeavesNothingBehind() throws Exception {
        Hosted h = hosted("{}", "<a/>".getBytes(StandardCharsets.UTF_8), "application/xml");
        long blobsBefore = blobCount();
        byte[] big = new byte[8 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'x');

        // with a Content-Length: refused before the body is read
        given().spec(LocalTokens.asPublisherOf(h.publisher))
                .contentType("application/octet-stream")
                .body(big)
                .put(h.path())
                .then()
                .statusCode(413)
                .contentType("application/problem+json");

        // chunked, without a length: refused while streaming
        HttpRequest chunked = HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + h.path()))
                .header("Authorization", "Bearer " + LocalTokens.publisherOf(h.publisher))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .build();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("too-large");

        assertThat(blobCount()).isEqualTo(blobsBefore);
        assertThat(temporaryFiles()).isZero();
        given().get("/api/v1/datasets/" + h.dataset + "/distributions/file")
                .then()
                .body("byteSize", equalTo(4));
    }

    @Test
    void interruptedUpload_leavesNoTemporaryFileAndNoBlob() throws Exception {
        Hosted h = hosted("{}", "<a/>".getBytes(StandardCharsets.UTF_8), "application/xml");
        long blobsBefore = blobCount();
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + h.path() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Authorization: Bearer " + LocalTokens.publisherOf(h.publisher) + "\r\n"
                            + "Content-Type: application/octet-stream\r\nContent-Length: 1000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[300_000]);
            out.flush();
            Thread.sleep(300);
        } // closed half-way through the body
        long deadline = System.currentTimeMillis() + 10_000;
        while (temporaryFiles() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(temporaryFiles()).isZero();
        assertThat(blobCount()).isEqualTo(blobsBefore);
        given().get("/api/v1/datasets/" + h.dataset + "/distributions/file")
                .then()
                .body("byteSize", equalTo(4));
    }

    private static void assertRange(Hosted h, String range, int first, int last, byte[] content) {
        Response r = given().header("Range", range).get(h.path());
        assertThat(r.statusCode()).as(range).isEqualTo(206);
        assertThat(r.header("Content-Range")).isEqualTo("bytes " + first + "-" + last + "/" + content.length);
        assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(last - first + 1));
        assertThat(r.asByteArray()).isEqualTo(Arrays.copyOfRange(content, first, last + 1));
    }

    /** A new dataset with {@code access}, one distribution "file", and {@code content} uploaded as its file. */
    private static Hosted hosted(String access, byte[] content, String mediaType) throws IOException {
        String publisher = Fixtures.newOrganization();
        ObjectNode dataset = Fixtures.dataset("dataset-minimal.json", publisher);
        dataset.set("access", new com.fasterxml.jackson.databind.ObjectMapper().readTree(access));
        dataset.putArray("distributions")
                .addObject()
                .put("id", "file")
                .put("accessUrl", "https://data.example.jp/files/")
                .putObject("title")
                .put("en", "The file");
        String id = Fixtures.newDataset(dataset);
        String path = "/api/v1/datasets/" + id + "/distributions/file/file";
        Response distribution = given().spec(LocalTokens.asPublisherOf(publisher))
                .contentType(mediaType)
                .queryParam("name", "53394525_bldg_6697_2_op.gml")
                .body(content)
                .put(path);
        distribution.then().statusCode(200);
        return new Hosted(id, publisher, distribution);
    }

    private record Hosted(String dataset, String publisher, Response distribution) {
        String path() {
            return "/api/v1/datasets/" + dataset + "/distributions/file/file";
        }
    }

    static long blobCount() throws IOException {
        if (!Files.isDirectory(BLOBS)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(BLOBS)) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    static long temporaryFiles() throws IOException {
        if (!Files.isDirectory(TMP)) {
            return 0;
        }
        try (Stream<Path> list = Files.list(TMP)) {
            return list.count();
        }
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static String base64Sha256(byte[] content) throws Exception {
        return Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
    }

    static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
