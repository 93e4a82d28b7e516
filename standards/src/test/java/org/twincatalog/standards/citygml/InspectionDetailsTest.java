package org.twincatalog.standards.citygml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.twincatalog.standards.TestData;

class InspectionDetailsTest {
    private final CityGmlInspector inspector = new CityGmlInspector();

    @Test
    void inspect_numazuLanduseNamed6668_trustsSrsName6697AndWarns() {
        FileInspection f = inspector
                .inspect(TestData.plateau().resolve("22203_numazu-shi_sample/udx/luse/523836_luse_6668_op.gml"))
                .files()
                .get(0);

        assertThat(f.epsg()).isEqualTo(6697);
        assertThat(f.plateauName().crsToken()).isEqualTo("6668");
        assertThat(f.warnings()).anySatisfy(w -> assertThat(w).contains("6668", "6697"));
    }

    @Test
    void inspect_tokyoBuildingFile_findsLod0To2() {
        FileInspection f = inspector
                .inspect(TestData.plateau()
                        .resolve("13100_tokyo23-ku_2020_citygml_sample/udx/bldg/53394525_bldg_6697_2_op.gml"))
                .files()
                .get(0);

        assertThat(f.lods()).containsExactly(0, 1, 2);
        assertThat(f.iurVersion()).isEqualTo("1.4");
        assertThat(f.warnings()).isEmpty();
    }

    @Test
    void inspectCommand_folder_printsJsonWithSummary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = InspectCommand.run(
                new String[] {
                    TestData.plateau().resolve("22100_shizuoka-shi_sample").toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(ByteArrayOutputStream.nullOutputStream()));

        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(json).contains("\"cityCode\" : \"22100\"", "\"bldg:Building\" : 4", "\"iurVersion\" : \"3.0\"");
    }

    @Test
    void inspectCommand_withoutArguments_printsUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = InspectCommand.run(
                new String[0],
                new PrintStream(ByteArrayOutputStream.nullOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage:");
    }
}
