package org.twincatalog.standards.citygml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twincatalog.standards.TestData;
import org.twincatalog.standards.UnsafeInputException;
import org.twincatalog.standards.UnsafeInputException.Reason;

class ZipInspectionTest {
    private static final String TOKYO = "13100_tokyo23-ku_2020_citygml_sample";

    @TempDir
    Path temp;

    private final CityGmlInspector inspector = new CityGmlInspector();

    @Test
    void inspect_zipOfTokyoPackageWithTopFolder_equalsTheFolderInspection() throws IOException {
        Path folder = TestData.plateau().resolve(TOKYO);
        Path zip = zipFolder(folder, temp.resolve("upload.zip"), TOKYO + "/");

        PackageInspection fromFolder = inspector.inspect(folder);
        PackageInspection fromZip = inspector.inspect(zip);

        assertThat(fromZip.files()).isEqualTo(fromFolder.files());
        assertThat(fromZip.summary()).isEqualTo(fromFolder.summary());
        assertThat(fromZip.packageName()).isEqualTo(fromFolder.packageName());
        assertThat(fromZip.summary().featureTypes())
                .containsExactly("bldg", "brid", "dem", "frn", "lsld", "luse", "tran", "urf");
    }

    @Test
    void inspect_zipWithUdxAtRoot_takesPackageNameFromTheZipName() throws IOException {
        Path folder = TestData.plateau().resolve("11222_koshigaya-shi_pref_2023_citygml_2_op");
        Path zip = zipFolder(folder, temp.resolve("11222_koshigaya-shi_pref_2023_citygml_2_op.zip"), "");

        PackageInspection fromZip = inspector.inspect(zip);

        assertThat(fromZip.files()).isEqualTo(inspector.inspect(folder).files());
        assertThat(fromZip.packageName().cityCode()).isEqualTo("11222");
        assertThat(fromZip.packageName().year()).isEqualTo(2023);
    }

    @Test
    void inspect_zipEntryWithDotDot_isRefusedAsPathTraversal() throws IOException {
        Path zip = temp.resolve("evil.zip");
        writeZip(zip, List.of("udx/bldg/../../../evil.gml"), new byte[] {'<', 'a', '/', '>'});

        assertThatThrownBy(() -> inspector.inspect(zip))
                .isInstanceOf(UnsafeInputException.class)
                .hasMessageContaining("../")
                .extracting(e -> ((UnsafeInputException) e).reason())
                .isEqualTo(Reason.ZIP_PATH_TRAVERSAL);
    }

    @Test
    void inspect_zipEntryWithAbsolutePath_isRefusedAsPathTraversal() throws IOException {
        Path zip = temp.resolve("absolute.zip");
        writeZip(zip, List.of("/etc/cron.d/evil.gml"), new byte[] {'<', 'a', '/', '>'});

        assertThatThrownBy(() -> inspector.inspect(zip))
                .isInstanceOf(UnsafeInputException.class)
                .extracting(e -> ((UnsafeInputException) e).reason())
                .isEqualTo(Reason.ZIP_PATH_TRAVERSAL);
    }

    @Test
    void inspect_highlyCompressedEntry_isRefusedAsZipBomb() throws IOException {
        Path zip = temp.resolve("bomb.zip");
        // Well-formed CityGML padded with 64 MiB of blanks, which deflate about 1000 times.
        String head = "<?xml version=\"1.0\"?><core:CityModel xmlns:core=\"http://www.opengis.net/citygml/2.0\">";
        String tail = "</core:CityModel>";
        byte[] bomb = new byte[64 << 20];
        java.util.Arrays.fill(bomb, (byte) ' ');
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, bomb, 0, head.length());
        System.arraycopy(tail.getBytes(StandardCharsets.US_ASCII), 0, bomb, bomb.length - tail.length(), tail.length());
        writeZip(zip, List.of("udx/bldg/53394525_bldg_6697_op.gml"), bomb);

        assertThatThrownBy(() -> inspector.inspect(zip))
                .isInstanceOf(UnsafeInputException.class)
                .extracting(e -> ((UnsafeInputException) e).reason())
                .isEqualTo(Reason.ZIP_RATIO);
    }

    @Test
    void inspect_zipInflatingPastTheTotalLimit_isRefused() throws IOException {
        Path folder = TestData.plateau().resolve(TOKYO);
        Path zip = zipFolder(folder, temp.resolve("big.zip"), "");
        CityGmlInspector strict = new CityGmlInspector(new InspectionLimits(100, 1_000_000, 1000, 1 << 20));

        assertThatThrownBy(() -> strict.inspect(zip))
                .isInstanceOf(UnsafeInputException.class)
                .extracting(e -> ((UnsafeInputException) e).reason())
                .isEqualTo(Reason.ZIP_TOO_LARGE);
    }

    @Test
    void inspect_zipWithMoreEntriesThanAllowed_isRefusedBeforeReading() throws IOException {
        Path zip = temp.resolve("many.zip");
        writeZip(zip, List.of("a.txt", "b.txt", "c.txt", "d.txt"), new byte[] {1});
        CityGmlInspector strict = new CityGmlInspector(new InspectionLimits(3, 1 << 30, 100, 1 << 20));

        assertThatThrownBy(() -> strict.inspect(zip))
                .isInstanceOf(UnsafeInputException.class)
                .extracting(e -> ((UnsafeInputException) e).reason())
                .isEqualTo(Reason.ZIP_TOO_MANY_ENTRIES);
    }

    private static Path zipFolder(Path folder, Path zip, String prefix) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip));
                Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(
                        new ZipEntry(prefix + folder.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    private static void writeZip(Path zip, List<String> names, byte[] content) throws IOException {
        try (OutputStream file = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (String name : names) {
                out.putNextEntry(new ZipEntry(name));
                out.write(content);
                out.closeEntry();
            }
        }
    }
}
