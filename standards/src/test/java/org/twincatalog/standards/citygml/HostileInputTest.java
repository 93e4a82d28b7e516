package org.twincatalog.standards.citygml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.twincatalog.standards.InvalidInputException;
import org.twincatalog.standards.UnsafeInputException;

/** Hostile and invalid XML fixtures, listed in the manifest of their folder. */
class HostileInputTest {
    private final CityGmlInspector inspector = new CityGmlInspector();

    static List<String> hostile() throws IOException {
        return manifest("hostile");
    }

    static List<String> invalid() throws IOException {
        return manifest("invalid");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void inspect_fileWithDoctype_isRefusedAsUnsafeBeforeAnyEntityIsRead(String file) throws Exception {
        assertThatThrownBy(() -> inspector.inspect(fixture("hostile/" + file)))
                .isInstanceOf(UnsafeInputException.class)
                .hasMessageContaining("DOCTYPE")
                .extracting(e -> ((UnsafeInputException) e).reason())
                .isEqualTo(UnsafeInputException.Reason.XML_DOCTYPE);
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void inspect_safeButInvalidFile_isRefusedAsInvalid(String file) throws Exception {
        assertThatThrownBy(() -> inspector.inspect(fixture("invalid/" + file)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(file);
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void inspectCommand_hostileFile_exitsWithRefusedCode(String file) throws Exception {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = InspectCommand.run(
                new String[] {fixture("hostile/" + file).toString()},
                new java.io.PrintStream(java.io.OutputStream.nullOutputStream()),
                new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(3);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("XML_DOCTYPE");
    }

    private static List<String> manifest(String folder) throws IOException {
        try (InputStream in = HostileInputTest.class.getResourceAsStream("/citygml/" + folder + "/manifest.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
        }
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(HostileInputTest.class.getResource("/citygml/" + name).toURI());
    }
}
