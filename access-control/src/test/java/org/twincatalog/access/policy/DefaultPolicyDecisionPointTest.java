package org.twincatalog.access.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.twincatalog.access.AccessControlFailure;
import org.twincatalog.access.AccessHint;
import org.twincatalog.access.AccessLevel;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.access.Action;
import org.twincatalog.access.Decision;
import org.twincatalog.access.ProtectedDataset;
import org.twincatalog.access.Rule;

class DefaultPolicyDecisionPointTest {

    private static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ProtectedDataset RESTRICTED = ProtectedDataset.published(
            "ds", Personas.OWNER, AccessSettings.of(AccessLevel.PUBLIC, AccessLevel.RESTRICTED));

    private final DefaultPolicyDecisionPoint noGrants = new DefaultPolicyDecisionPoint(GrantLookup.NONE, CLOCK);

    @Test
    void accessData_restrictedForOtherCity_deniesWithRequestAgreementHint() {
        Decision decision = noGrants.decide(Personas.get("mp-pub"), Action.ACCESS_DATA, RESTRICTED);

        assertThat(decision.effect()).isEqualTo(Decision.Effect.DENY);
        assertThat(decision.rule()).isEqualTo(Rule.AGREEMENT_REQUIRED);
        AccessHint hint = decision.accessHint().orElseThrow();
        assertThat(hint.way()).isEqualTo(AccessHint.Way.REQUEST_AGREEMENT);
        assertThat(hint.datasetId()).isEqualTo("ds");
        assertThat(hint.ownerOrganization()).isEqualTo(Personas.OWNER);
    }

    @Test
    void accessData_anonymousOnAuthenticatedData_asksToSignIn() {
        ProtectedDataset dataset = ProtectedDataset.published(
                "ds", Personas.OWNER, AccessSettings.of(AccessLevel.PUBLIC, AccessLevel.AUTHENTICATED));

        Decision decision = noGrants.decide(Personas.get("anon"), Action.ACCESS_DATA, dataset);

        assertThat(decision.requiresAuthentication()).isTrue();
        assertThat(decision.accessHint().orElseThrow().way()).isEqualTo(AccessHint.Way.SIGN_IN);
    }

    @Test
    void accessData_developerWithoutOrganizationOnGovernmentData_isToldToActForAnOrganization() {
        ProtectedDataset dataset = ProtectedDataset.published(
                "ds", Personas.OWNER, AccessSettings.of(AccessLevel.PUBLIC, AccessLevel.GOVERNMENT));

        Decision decision = noGrants.decide(Personas.get("dev"), Action.ACCESS_DATA, dataset);

        assertThat(decision.rule()).isEqualTo(Rule.PUBLIC_SECTOR_REQUIRED);
        assertThat(decision.accessHint().orElseThrow().way()).isEqualTo(AccessHint.Way.JOIN_PUBLIC_SECTOR_ORGANIZATION);
    }

    @Test
    void accessData_companyWithAgreementOnGovernmentData_isPermittedByTheAgreement() {
        GrantLookup acmeGrant = (org, ds, at) -> org.equals("acme-mobility")
                ? Optional.of(new Grant("a", org, ds, "mobility study", NOW.minusSeconds(60), NOW.plusSeconds(60)))
                : Optional.empty();
        ProtectedDataset dataset = ProtectedDataset.published(
                "ds", Personas.OWNER, AccessSettings.of(AccessLevel.PUBLIC, AccessLevel.GOVERNMENT));

        Decision decision = new DefaultPolicyDecisionPoint(acmeGrant, CLOCK)
                .decide(Personas.get("acme"), Action.ACCESS_DATA, dataset);

        assertThat(decision.isPermitted()).isTrue();
        assertThat(decision.rule()).isEqualTo(Rule.AGREEMENT);
    }

    @Test
    void accessData_personalDataWithGrantWithoutPurpose_isDenied() {
        GrantLookup purposeless =
                (org, ds, at) -> Optional.of(new Grant("a", org, ds, " ", NOW.minusSeconds(60), NOW.plusSeconds(60)));
        ProtectedDataset personal = ProtectedDataset.published(
                "ds", Personas.OWNER, AccessSettings.open().withPersonalData(true));

        Decision decision = new DefaultPolicyDecisionPoint(purposeless, CLOCK)
                .decide(Personas.get("mp-pub"), Action.ACCESS_DATA, personal);

        assertThat(decision.effect()).isEqualTo(Decision.Effect.DENY);
        assertThat(decision.rule()).isEqualTo(Rule.PERSONAL_DATA_AGREEMENT_REQUIRED);
    }

    @Test
    void seeMetadata_hiddenRecord_isNotFoundAndCarriesNoHint() {
        ProtectedDataset hidden = ProtectedDataset.published(
                "ds", Personas.OWNER, AccessSettings.of(AccessLevel.PRIVATE, AccessLevel.PRIVATE));

        Decision decision = noGrants.decide(Personas.get("molit"), Action.ACCESS_DATA, hidden);

        assertThat(decision.isNotFound()).isTrue();
        assertThat(decision.accessHint()).isEmpty();
        assertThatThrownBy(decision::orThrow)
                .isInstanceOfSatisfying(
                        AccessControlFailure.AccessDenied.class,
                        e -> assertThat(e.decision().isNotFound()).isTrue());
    }

    @Test
    void settings_dataMoreOpenThanMetadata_areRejected() {
        assertThatThrownBy(() -> AccessSettings.of(AccessLevel.RESTRICTED, AccessLevel.PUBLIC))
                .isInstanceOf(AccessControlFailure.ValidationFailed.class)
                .hasMessageContaining("cannot be more open");
    }

    @Test
    void settings_personalData_raiseDataAccessToRestrictedButNotPrivate() {
        assertThat(AccessSettings.open().withPersonalData(true).effectiveDataAccess())
                .isEqualTo(AccessLevel.RESTRICTED);
        assertThat(new AccessSettings(AccessLevel.PUBLIC, AccessLevel.PRIVATE, true, Set.of()).effectiveDataAccess())
                .isEqualTo(AccessLevel.PRIVATE);
    }
}
