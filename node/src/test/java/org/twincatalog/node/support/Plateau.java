package org.twincatalog.node.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The real PLATEAU samples in the repository's {@code testdata/plateau} folder, and the
 * hand-checked truth about them that the standards module's independent script wrote
 * ({@code standards/src/test/resources/citygml/plateau-truth.json}).
 */
public final class Plateau {
    private static final Path TRUTH = Path.of("../standards/src/test/resources/citygml/plateau-truth.json");

    private Plateau() {}

    /** {@code <tc.testdata.dir>/plateau}. */
    public static Path root() {
        return TestData.resolve("plateau");
    }

    /** The package folders (names starting with a city code). */
    public static List<String> packages() {
        try (Stream<Path> list = Files.list(root())) {
            return list.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{5}_.*"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Zips a package folder as {@code <package>/...} entries into {@code target}. */
    public static Path zip(String pkg, Path target) {
        Path folder = root().resolve(pkg);
        try (OutputStream out = Files.newOutputStream(target);
                ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(
                        new ZipEntry(pkg + "/" + folder.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** The truth manifest: {@code files} by path under the PLATEAU folder, and {@code packages}. */
    public static JsonNode truth() {
        try {
            return new ObjectMapper().readTree(TRUTH.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TRUTH.toAbsolutePath(), e);
        }
    }

    /** Every file of a package folder in testdata, by "package/relative path". */
    public static java.util.Map<String, Path> filesOnDisk(String pkg) {
        Path folder = root().resolve(pkg);
        try (Stream<Path> walk = Files.walk(folder)) {
            java.util.Map<String, Path> out = new java.util.TreeMap<>();
            walk.filter(Files::isRegularFile)
                    .forEach(p ->
                            out.put(pkg + "/" + folder.relativize(p).toString().replace('\\', '/'), p));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All items of {@code GET /api/v1/files} for {@code query}, following the cursor page by page. */
    public static List<java.util.Map<String, Object>> lookupAll(java.util.Map<String, ?> query, int pageSize) {
        List<java.util.Map<String, Object>> items = new java.util.ArrayList<>();
        String cursor = null;
        do {
            var request = io.restassured.RestAssured.given().queryParams(query).queryParam("limit", pageSize);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            io.restassured.path.json.JsonPath page = request.get("/api/v1/files")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            items.addAll(page.getList("items"));
            cursor = page.getString("next");
        } while (cursor != null);
        return items;
    }
}
