package org.twincatalog.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.twincatalog.access.AccessLevel;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.access.Action;
import org.twincatalog.access.Caller;
import org.twincatalog.access.ProtectedDataset;
import org.twincatalog.access.PublicationState;
import org.twincatalog.access.policy.DefaultPolicyDecisionPoint;
import org.twincatalog.access.policy.Grant;
import org.twincatalog.access.policy.GrantLookup;

/** The index's visibility labels decide exactly as the policy decision point does. */
class VisibilityLabelsTest {
    private static final List<Caller> PERSONAS = List.of(
            SearchFixtures.ANONYMOUS,
            SearchFixtures.DEVELOPER,
            SearchFixtures.COMPANY,
            SearchFixtures.GANGNAM_PUBLISHER,
            SearchFixtures.MINISTRY_ANALYST,
            SearchFixtures.SEJONG_STEWARD);

    @Test
    void labelsAndKeys_agreeWithThePolicyDecisionPoint_forEveryPersonaLevelShareAndGrant() {
        int cells = 0;
        for (boolean granted : List.of(false, true)) {
            GrantLookup grants = (org, dataset, at) ->
                    granted && "gangnam".equals(org) ? Optional.of(grant(org, dataset)) : Optional.empty();
            DefaultPolicyDecisionPoint pdp = new DefaultPolicyDecisionPoint(grants, Clock.systemUTC());
            for (AccessLevel level : AccessLevel.values()) {
                for (Set<String> shared : List.of(Set.<String>of(), Set.of("molit"))) {
                    AccessSettings settings = new AccessSettings(level, AccessLevel.PRIVATE, false, shared);
                    ProtectedDataset dataset =
                            new ProtectedDataset("ds-1", "sejong", PublicationState.PUBLISHED, settings);
                    Set<String> labels = VisibilityLabels.of("ds-1", "sejong", settings);
                    for (Caller caller : PERSONAS) {
                        Set<String> granteds =
                                granted && "gangnam".equals(caller.organization()) ? Set.of("ds-1") : Set.of();
                        boolean byLabels = !Collections.disjoint(labels, VisibilityLabels.keysOf(caller, granteds));
                        boolean byPolicy =
                                pdp.decide(caller, Action.SEE_METADATA, dataset).isPermitted();
                        assertThat(byLabels)
                                .as("%s on %s shared %s granted %s", caller.label(), level, shared, granted)
                                .isEqualTo(byPolicy);
                        cells++;
                    }
                }
            }
        }
        assertThat(cells).isEqualTo(2 * AccessLevel.values().length * 2 * PERSONAS.size());
    }

    private static Grant grant(String org, String dataset) {
        return new Grant("agreement-1", org, dataset, "urban planning", Instant.EPOCH, Instant.MAX);
    }
}
