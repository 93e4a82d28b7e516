package org.twincatalog.access.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OdrlExporterTest {

    private static final Instant AT = Instant.parse("2026-03-02T00:00:00Z");
    private final OdrlExporter exporter = new OdrlExporter(id -> "https://gangnam.example/datasets/" + id);

    private static Agreement umbrella() {
        return AgreementStoreContractTest.agreement("a-7", "molit", "seoul-gangnam", "busan");
    }

    @Test
    void toJsonLd_pendingAgreement_isAnOdrlRequestWithoutAssigner() {
        JsonNode policy = exporter.toJsonLd(umbrella());

        assertThat(policy.path("@context").get(0).asText()).isEqualTo("http://www.w3.org/ns/odrl.jsonld");
        assertThat(policy.path("@type").asText()).isEqualTo("Request");
        assertThat(policy.path("uid").asText()).isEqualTo("https://twin-catalog.org/id/agreement/a-7");
        assertThat(policy.path("permission")).hasSize(4);
        assertThat(policy.path("permission").get(0).has("assigner")).isFalse();
        assertThat(policy.path("permission").get(0).path("assignee").asText())
                .isEqualTo("https://twin-catalog.org/id/organization/molit");
    }

    @Test
    void toJsonLd_partlyApprovedAgreement_isAnOdrlAgreementOverTheApprovedPartOnly() {
        Agreement agreement = umbrella()
                .withPart("seoul-gangnam", p -> p.approve("gangnam-steward", AT, null))
                .withPart("busan", p -> p.reject("busan-steward", AT, "no"));

        JsonNode policy = exporter.toJsonLd(agreement);

        assertThat(policy.path("@type").asText()).isEqualTo("Agreement");
        assertThat(policy.path("dpv:hasLegalBasis").asText()).isEqualTo("Spatial Data Act art. 20");
        JsonNode permissions = policy.path("permission");
        assertThat(permissions).hasSize(2);
        JsonNode first = permissions.get(0);
        assertThat(first.path("target").asText()).isEqualTo("https://gangnam.example/datasets/seoul-gangnam-buildings");
        assertThat(first.path("assigner").asText()).isEqualTo("https://twin-catalog.org/id/organization/seoul-gangnam");
        assertThat(first.path("assignee").asText()).isEqualTo("https://twin-catalog.org/id/organization/molit");
        assertThat(first.path("action").asText()).isEqualTo("use");
        JsonNode constraints = first.path("constraint");
        assertThat(constraints.get(0).path("leftOperand").asText()).isEqualTo("purpose");
        assertThat(constraints.get(0).path("operator").asText()).isEqualTo("eq");
        assertThat(constraints.get(0).path("rightOperand").asText()).isEqualTo("flood simulation");
        assertThat(constraints.get(1).path("leftOperand").asText()).isEqualTo("dateTime");
        assertThat(constraints.get(1).path("operator").asText()).isEqualTo("gteq");
        assertThat(constraints.get(1).path("rightOperand").path("@value").asText())
                .isEqualTo("2026-01-01T00:00:00Z");
        assertThat(constraints.get(1).path("rightOperand").path("@type").asText())
                .isEqualTo("xsd:dateTime");
        assertThat(constraints.get(2).path("operator").asText()).isEqualTo("lt");
    }
}
