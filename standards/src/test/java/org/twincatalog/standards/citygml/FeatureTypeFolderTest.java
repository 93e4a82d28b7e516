package org.twincatalog.standards.citygml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The feature type of a file in a PLATEAU package: from its name, else from its {@code udx/<type>/}
 * folder. The underground utility (unf) fixture package holds one file of each kind of name.
 */
class FeatureTypeFolderTest {
    private static final String UNF = "unf/13999_synthetic-ku_2024_citygml_1_op";

    private final CityGmlInspector inspector = new CityGmlInspector();

    @Test
    void inspect_undergroundUtilityPackage_putsEveryFileUnderUnf() throws Exception {
        PackageInspection pkg = inspector.inspect(fixture(UNF));

        assertThat(pkg.summary().featureTypes()).containsExactly("unf");
        assertThat(pkg.filesByFeatureType()).containsOnlyKeys("unf");
        assertThat(pkg.filesByFeatureType().get("unf")).hasSize(3);
        assertThat(pkg.summary().meshCodes()).containsExactly("53393680");
        assertThat(pkg.summary().cityObjectCounts())
                .isEqualTo(Map.of("uro:WaterPipe", 3L, "uro:OilGasChemicalsPipe", 1L));
        assertThat(pkg.summary().lods()).containsExactly(1);
        assertThat(pkg.summary().iurVersions()).containsExactly("3.1");
        assertThat(pkg.files()).allSatisfy(f -> assertThat(f.warnings()).isEmpty());
    }

    @Test
    void inspect_fileNamedAfterItsUtility_readsMeshCodeAndTypeFromTheName() throws Exception {
        FileInspection f = inspector
                .inspect(fixture(UNF + "/udx/unf/gas_53393680_unf_6697.gml"))
                .files()
                .get(0);

        assertThat(f.plateauName()).isEqualTo(new PlateauFileName("53393680", "unf", "6697"));
        assertThat(f.featureType()).isEqualTo("unf");
    }

    @Test
    void inspect_fileWithoutAPlateauName_takesTheTypeOfItsUdxFolder() throws Exception {
        PackageInspection pkg = inspector.inspect(fixture(UNF));
        FileInspection f = pkg.files().stream()
                .filter(x -> x.path().endsWith("takeshiba-water-excerpt.gml"))
                .findFirst()
                .orElseThrow();

        assertThat(f.plateauName()).isNull();
        assertThat(f.featureType()).isEqualTo("unf");
    }

    @Test
    void inspect_nameAndFolderDisagree_keepsTheNameAndWarns() throws Exception {
        Path file = fixture(UNF + "/udx/unf/53393680_unf_6697_op.gml");
        FileInspection f;
        try (InputStream in = Files.newInputStream(file)) {
            f = inspector.inspect("udx/bldg/53393680_unf_6697_op.gml", in);
        }

        assertThat(f.featureType()).isEqualTo("unf");
        assertThat(f.warnings()).anySatisfy(w -> assertThat(w).contains("unf", "udx/bldg/"));
    }

    @ParameterizedTest
    @CsvSource({
        "udx/unf/takeshiba-water-excerpt.gml, unf",
        "13100_tokyo23-ku_2023_citygml_1_op/udx/ubld/53394525_ubld_6697_op.gml, ubld",
        "udx/fld/pref/river_a/52385721_fld_6697_l1_op.gml, fld",
        "pkg\\udx\\veg\\x.gml, veg"
    })
    void featureTypeFolder_pathBelowUdx_isTheFolderRightBelowIt(String path, String type) {
        assertThat(PlateauFileName.featureTypeFolder(path)).contains(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"53394525_bldg_6697_op.gml", "udx/x.gml", "bldg/x.gml", "udx/Buildings/x.gml"})
    void featureTypeFolder_noTypeFolderBelowUdx_isEmpty(String path) {
        assertThat(PlateauFileName.featureTypeFolder(path)).isEmpty();
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(
                FeatureTypeFolderTest.class.getResource("/citygml/" + name).toURI());
    }
}
