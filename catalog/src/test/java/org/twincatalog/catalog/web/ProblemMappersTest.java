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

    private Problem problemFor(String body) {
        JsonProcessingException error =
                catchThrowableOfType(JsonProcessingException.class, () -> json.readValue(body, Dataset.class));
        Response response = mappers.json(error, null);
        return (Problem) response.getEntity();
    }
}
