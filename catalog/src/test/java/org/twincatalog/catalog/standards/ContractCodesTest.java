package org.twincatalog.catalog.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twincatalog.api.v1.model.MaturityStage;
import org.twincatalog.api.v1.model.OrganizationKind;
import org.twincatalog.api.v1.model.SourceSystem;
import org.twincatalog.ontology.ConceptScheme;
import org.twincatalog.ontology.Ontology;
import org.twincatalog.ontology.Tc;

/** The enum codes of the JSON contract are exactly the codes of their concept schemes. */
class ContractCodesTest {
    private final Ontology ontology = Ontology.bundled();

    @Test
    void maturityStages_equalTheMaturityStageScheme() {
        assertSameCodes(Tc.SCHEME_MATURITY_STAGE, codes(MaturityStage.values()));
    }

    @Test
    void sourceSystemTypes_equalTheSourceSystemTypeScheme() {
        assertSameCodes(Tc.SCHEME_SOURCE_SYSTEM_TYPE, codes(SourceSystem.TypeEnum.values()));
    }

    @Test
    void organizationKinds_equalTheOrganizationKindScheme() {
        assertSameCodes(Tc.SCHEME_ORGANIZATION_KIND, codes(OrganizationKind.values()));
    }

    private void assertSameCodes(String scheme, List<String> contract) {
        ConceptScheme s = ontology.scheme(scheme).orElseThrow();
        assertThat(s.concepts().stream().map(c -> c.code()).toList())
                .as("codes of scheme " + scheme)
                .containsExactlyInAnyOrderElementsOf(contract);
    }

    private static List<String> codes(Object[] values) {
        return Arrays.stream(values).map(String::valueOf).toList();
    }
}
