package org.twincatalog.node.files;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;
import org.twincatalog.node.support.Plateau;

/**
 * Issue 7: hostile package zips are refused with clear problems before anything is kept: a path
 * escaping the package folder is 422; a zip bomb (an entry inflating too much, too many entries)
 * is 413. The bomb hides in a file that is not CityGML, which the inspector does not read: the
 * storing pass must refuse it by itself.
 */
@QuarkusTest
class HostilePackageTest {
    private static final String PKG = "13100_tokyo23-ku_2020_citygml_sample";
    private static final String GML = "udx/bldg/53394525_bldg_6697_2_op.gml";

    @Test
    void entryEscapingThePackageFolder_is422_andNothingIsKept() throws Exception {
        byte[] zip = zip(z -> {
            add(z, PKG + "/" + GML, Files.readAllBytes(Plateau.root().resolve(PKG + "/" + GML)));
            add(z, PKG + "/../../../etc/evil.txt", "owned".getBytes());
        });
        assertRefused(zip, 422, "ZIP_PATH_TRAVERSAL");
    }

    @Test
    void entryInflatingTooMuch_is413_andNothingIsKept() throws Exception {
        byte[] zip = zip(z -> {
            add(z, PKG + "/" + GML, Files.readAllBytes(Plateau.root().resolve(PKG + "/" + GML)));
            add(z, PKG + "/udx/bldg/textures.bin", new byte[64 * 1024 * 1024]);
        });
        assertThat(zip.length).isLessThan(1024 * 1024);
        assertRefused(zip, 413, "ZIP_RATIO");
    }

    @Test
    void tooManyEntries_is413() throws Exception {
        byte[] zip = zip(z -> {
            add(z, PKG + "/" + GML, Files.readAllBytes(Plateau.root().resolve(PKG + "/" + GML)));
            for (int i = 0; i < 10_001; i++) {
                add(z, PKG + "/codelists/c" + i + ".xml", new byte[0]);
            }
        });
        assertRefused(zip, 413, "ZIP_TOO_MANY_ENTRIES");
    }

    @Test
    void notAZip_is422() throws Exception {
        assertRefused("<CityModel/>".getBytes(), 422, "zip");
    }

    private static void assertRefused(byte[] zip, int status, String reason) throws Exception {
        long blobs = HostedFileApiTest.blobCount();
        String publisher = Fixtures.newOrganization();
        String id = publisher + "." + Fixtures.uniqueId("hostile");
        given().spec(LocalTokens.asPublisherOf(publisher))
                .contentType("application/zip")
                .queryParam("publisher", publisher)
                .queryParam("accessRights", "public")
                .queryParam("id", id)
                .queryParam("name", PKG + ".zip")
                .body(zip)
                .post("/api/v1/packages")
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("detail", containsString(reason));
        given().get("/api/v1/datasets/" + id).then().statusCode(404);
        given().queryParam("dataset", id)
                .get("/api/v1/files")
                .then()
                .statusCode(200)
                .body("items.size()", org.hamcrest.Matchers.equalTo(0));
        assertThat(HostedFileApiTest.blobCount()).isEqualTo(blobs);
        assertThat(HostedFileApiTest.temporaryFiles()).isZero();
        Path spool = Path.of("target/inspection-spool");
        if (Files.isDirectory(spool)) {
            try (var left = Files.list(spool)) {
                assertThat(left.filter(p -> p.getFileName().toString().startsWith("tc-package-"))
                                .toList())
                        .isEmpty();
            }
        }
    }

    private interface Writer {
        void write(ZipOutputStream zip) throws IOException;
    }

    private static byte[] zip(Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            writer.write(zip);
        }
        return bytes.toByteArray();
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
