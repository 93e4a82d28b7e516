package org.twincatalog.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Problem;

/** JSON reading errors become problems that say what and where, without parser internals. */
class ProblemMappersTest {
    private final ObjectMapper json =
            new ObjectMapper().findAndRegisterModules().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void truncatedJson_isA400_withLineAndColumn_andNoSourceNoise() {
        Problem problem = problemFor("{\"title\": {\"en\": \"x\"");

        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getDetail())
                .contains("line 1, column")
                .doesNotContain("Source")
                .doesNotContain("REDACTED");
    }

    @Test
    void unknownEnumValue_isA422_listingTheAllowedValues_atItsPointer() {
        Problem problem = problemFor("{\"twin\": {\"maturityStage\": \"omni\"}}");

        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getPointer()).isEqualTo("/twin/maturityStage");
            assertThat(e.getDetail()).contains("mirroring", "autonomy");
        });
    }

    @Test
    void unknownField_isA422_atItsPointer() {
        Problem problem = problemFor("{\"spatial\": {\"bboxx\": [1,2,3,4]}}");

        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getErrors()).singleElement().extracting("pointer").isEqualTo("/spatial/bboxx");
    }

    @Test
    void wrongType_isA422_sayingWhatWasExpected() {
        Problem problem = problemFor("{\"keywords\": {\"en\": \"not-a-list\"}}");

        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getPointer()).isEqualTo("/keywords/en");
            assertThat(e.getDetail()).contains("array");
        });
    }

    @Test
    void everyModulesExceptions_areAnsweredByKind_throughOneTable_withTheDetailTheyWord() {
        Problem unsafe = problem(new org.twincatalog.standards.UnsafeInputException(
                org.twincatalog.standards.UnsafeInputException.Reason.ZIP_RATIO, "a.zip: inflates 1000 times"));
        assertThat(unsafe.getStatus()).isEqualTo(413);
        assertThat(unsafe.getDetail()).isEqualTo("Refused as unsafe (ZIP_RATIO): a.zip: inflates 1000 times");
        Problem doctype = problem(new org.twincatalog.standards.UnsafeInputException(
                org.twincatalog.standards.UnsafeInputException.Reason.XML_DOCTYPE, "a.gml: DOCTYPE"));
        assertThat(doctype.getStatus()).isEqualTo(422);
        Problem invalid = problem(new org.twincatalog.standards.InvalidInputException("a.gml: empty document"));
        assertThat(invalid.getStatus()).isEqualTo(422);
        assertThat(invalid.getDetail()).isEqualTo("Not CityGML: a.gml: empty document");
        Problem agreement = problem(new org.twincatalog.access.AccessControlFailure.NotFound("no agreement 7"));
        assertThat(agreement.getStatus()).isEqualTo(404);
        Problem transition = problem(new org.twincatalog.access.AccessControlFailure.IllegalTransition("revoked"));
        assertThat(transition.getStatus()).isEqualTo(409);
        Problem stale = problem(new org.twincatalog.catalog.StaleVersion("version 3 is not 2"));
        assertThat(stale.getStatus()).isEqualTo(412);
        assertThat(stale.getType()).hasToString("https://twin-catalog.org/problems/stale-version");
    }

    @Test
    void anUnreadableZip_isA422_andAnyOtherIoFailureA500() {
        Response zip = mappers.io(
                new java.io.UncheckedIOException(new java.util.zip.ZipException("invalid END header")), null);
        assertThat(zip.getStatus()).isEqualTo(422);
        assertThat(((Problem) zip.getEntity()).getDetail()).isEqualTo("Not a readable zip: invalid END header");
        Response disk = mappers.io(new java.io.UncheckedIOException(new java.io.IOException("No space left")), null);
        assertThat(disk.getStatus()).isEqualTo(500);
        assertThat(((Problem) disk.getEntity()).getDetail()).doesNotContain("No space left");
    }

    private Problem problem(org.twincatalog.errors.TwinCatalogException e) {
        return (Problem) mappers.problem(e, null).getEntity();
    }

    private Problem problemFor(String body) {
        JsonProcessingException error =
                catchThrowableOfType(JsonProcessingException.class, () -> json.readValue(body, Dataset.class));
        Response response = mappers.json(error, null);
        return (Problem) response.getEntity();
    }
}
