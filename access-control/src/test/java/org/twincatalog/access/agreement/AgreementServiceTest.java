package org.twincatalog.access.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.twincatalog.access.AccessControl;
import org.twincatalog.access.AccessControlFailure;
import org.twincatalog.access.AccessLevel;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.access.Action;
import org.twincatalog.access.Caller;
import org.twincatalog.access.Decision;
import org.twincatalog.access.OrgKind;
import org.twincatalog.access.ProtectedDataset;
import org.twincatalog.access.Rule;
import org.twincatalog.access.audit.AuditLog;
import org.twincatalog.access.audit.InMemoryAuditStore;
import org.twincatalog.access.policy.DefaultPolicyDecisionPoint;

/** Agreement flows end to end: the service, the real policy decision point and the audit log. */
class AgreementServiceTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final Period PERIOD = new Period(START, Instant.parse("2026-09-01T00:00:00Z"));
    private static final AccessSettings RESTRICTED = AccessSettings.of(AccessLevel.PUBLIC, AccessLevel.RESTRICTED);

    private static final ProtectedDataset GANGNAM_BUILDINGS =
            ProtectedDataset.published("gangnam-buildings", "seoul-gangnam", RESTRICTED);
    private static final ProtectedDataset MAPO_CCTV = ProtectedDataset.published(
            "mapo-cctv",
            "seoul-mapo",
            AccessSettings.of(AccessLevel.GOVERNMENT, AccessLevel.GOVERNMENT).withPersonalData(true));
    private static final ProtectedDataset BUSAN_ROADS = ProtectedDataset.published("busan-roads", "busan", RESTRICTED);

    private static final Caller GANGNAM_STEWARD =
            user("gangnam-steward", "seoul-gangnam", OrgKind.DISTRICT, Caller.STEWARD);
    private static final Caller GANGNAM_PUBLISHER =
            user("gangnam-publisher", "seoul-gangnam", OrgKind.DISTRICT, Caller.PUBLISHER);
    private static final Caller MAPO_PUBLISHER =
            user("mapo-publisher", "seoul-mapo", OrgKind.DISTRICT, Caller.PUBLISHER);
    private static final Caller MAPO_STEWARD = user("mapo-steward", "seoul-mapo", OrgKind.DISTRICT, Caller.STEWARD);
    private static final Caller BUSAN_STEWARD = user("busan-steward", "busan", OrgKind.METRO, Caller.STEWARD);
    private static final Caller BUSAN_PUBLISHER = user("busan-publisher", "busan", OrgKind.METRO, Caller.PUBLISHER);
    private static final Caller MOLIT_ANALYST = user("molit-analyst", "molit", OrgKind.MINISTRY, Caller.ANALYST);

    private final MutableClock clock = new MutableClock(START.plus(Duration.ofDays(1)));
    private final InMemoryAgreementStore store = new InMemoryAgreementStore();
    private final InMemoryAuditStore auditStore = new InMemoryAuditStore();
    private final AuditLog audit = new AuditLog(auditStore, clock);
    private final DefaultPolicyDecisionPoint pdp = new DefaultPolicyDecisionPoint(new AgreementGrants(store), clock);
    private final AgreementService agreements = new AgreementService(store, pdp, audit, clock);
    private final AccessControl access = new AccessControl(pdp, audit);

    private static Caller user(String subject, String org, OrgKind kind, String role) {
        return Caller.user(subject, org, kind, Set.of(role));
    }

    private static AccessRequest request(ProtectedDataset... datasets) {
        return new AccessRequest(
                java.util.Arrays.stream(datasets)
                        .map(d -> new DatasetRef(d.id(), d.ownerOrganization()))
                        .toList(),
                "flood simulation for the Han river basin",
                "Spatial Data Act art. 20",
                PERIOD);
    }

    private Decision dataAccess(Caller caller, ProtectedDataset dataset) {
        return access.check(caller, Action.ACCESS_DATA, dataset, "flood simulation for the Han river basin");
    }

    @Test
    void request_approvedByOwnersSteward_opensDataToTheConsumerOrganizationOnly() {
        assertThat(dataAccess(MAPO_PUBLISHER, GANGNAM_BUILDINGS).rule()).isEqualTo(Rule.AGREEMENT_REQUIRED);
        Agreement agreement = agreements.request(MAPO_PUBLISHER, request(GANGNAM_BUILDINGS));
        assertThat(dataAccess(MAPO_PUBLISHER, GANGNAM_BUILDINGS).isPermitted()).isFalse();

        Agreement approved = agreements.approve(GANGNAM_STEWARD, agreement.id(), "seoul-gangnam", "for the flood plan");

        assertThat(approved.part("seoul-gangnam").state()).isEqualTo(PartState.APPROVED);
        assertThat(approved.version()).isEqualTo(2);
        assertThat(dataAccess(MAPO_PUBLISHER, GANGNAM_BUILDINGS).rule()).isEqualTo(Rule.AGREEMENT);
        assertThat(dataAccess(MAPO_STEWARD, GANGNAM_BUILDINGS).isPermitted()).isTrue();
        assertThat(dataAccess(BUSAN_PUBLISHER, GANGNAM_BUILDINGS).isPermitted()).isFalse();
    }

    @Test
    void revoke_closesAccessFromTheNextDecision() {
        Agreement agreement = agreements.request(MAPO_PUBLISHER, request(GANGNAM_BUILDINGS));
        agreements.approve(GANGNAM_STEWARD, agreement.id(), "seoul-gangnam", null);
        assertThat(dataAccess(MAPO_PUBLISHER, GANGNAM_BUILDINGS).isPermitted()).isTrue();

        agreements.revoke(GANGNAM_STEWARD, agreement.id(), "seoul-gangnam", "data leaked to a third party");

        Decision next = dataAccess(MAPO_PUBLISHER, GANGNAM_BUILDINGS);
        assertThat(next.isPermitted()).isFalse();
        assertThat(next.rule()).isEqualTo(Rule.AGREEMENT_REQUIRED);
        assertThatThrownBy(() -> agreements.approve(GANGNAM_STEWARD, agreement.id(), "seoul-gangnam", null))
                .isInstanceOf(AccessControlFailure.IllegalTransition.class)
                .hasMessageContaining("REVOKED");
    }

    @Test
    void reject_keepsAccessClosedAndRequiresAReason() {
        Agreement agreement = agreements.request(MAPO_PUBLISHER, request(GANGNAM_BUILDINGS));
        assertThatThrownBy(() -> agreements.reject(GANGNAM_STEWARD, agreement.id(), "seoul-gangnam", " "))
                .isInstanceOf(AccessControlFailure.ValidationFailed.class);

        Agreement rejected = agreements.reject(GANGNAM_STEWARD, agreement.id(), "seoul-gangnam", "purpose too broad");

        assertThat(rejected.part("seoul-gangnam").note()).isEqualTo("purpose too broad");
        assertThat(dataAccess(MAPO_PUBLISHER, GANGNAM_BUILDINGS).isPermitted()).isFalse();
        assertThatThrownBy(() -> agreements.approve(GANGNAM_STEWARD, agreement.id(), "seoul-gangnam", null))
                .isInstanceOf(AccessControlFailure.IllegalTransition.class);
    }

    @Test
    void expiry_endsAccessWhenThePeriodEndsAndForbidsLateApproval() {
        Agreement granted = agreements.request(MAPO_PUBLISHER, request(GANGNAM_BUILDINGS));
        agreements.approve(GANGNAM_STEWARD, granted.id(), "seoul-gangnam", null);
        Agreement late = agreements.request(MAPO_STEWARD, request(GANGNAM_BUILDINGS));

        clock.advance(Duration.ofDays(200));

        assertThat(dataAccess(MAPO_PUBLISHER, GANGNAM_BUILDINGS).isPermitted()).isFalse();
        assertThatThrownBy(() -> agreements.approve(GANGNAM_STEWARD, late.id(), "seoul-gangnam", null))
                .isInstanceOf(AccessControlFailure.IllegalTransition.class)
                .hasMessageContaining("ended");
    }

    @Test
    void illegalTransitions_failWithAClearError() {
        Agreement agreement = agreements.request(MAPO_PUBLISHER, request(GANGNAM_BUILDINGS));
        assertThatThrownBy(() -> agreements.revoke(GANGNAM_STEWARD, agreement.id(), "seoul-gangnam", "why"))
                .isInstanceOf(AccessControlFailure.IllegalTransition.class)
                .hasMessage("the part of seoul-gangnam is PENDING; only a APPROVED part can become REVOKED");
        agreements.approve(GANGNAM_STEWARD, agreement.id(), "seoul-gangnam", null);

        assertThatThrownBy(() -> agreements.approve(GANGNAM_STEWARD, agreement.id(), "seoul-gangnam", null))
                .isInstanceOf(AccessControlFailure.IllegalTransition.class);
        assertThatThrownBy(() -> agreements.reject(GANGNAM_STEWARD, agreement.id(), "seoul-gangnam", "late"))
                .isInstanceOf(AccessControlFailure.IllegalTransition.class);
        assertThatThrownBy(() -> agreements.withdraw(MAPO_PUBLISHER, agreement.id(), "changed my mind"))
                .isInstanceOf(AccessControlFailure.IllegalTransition.class);
    }

    @Test
    void approve_byPublisherOrByStewardOfAnotherOrganization_isDeniedAndAudited() {
        Agreement agreement = agreements.request(MAPO_PUBLISHER, request(GANGNAM_BUILDINGS));

        assertThatThrownBy(() -> agreements.approve(GANGNAM_PUBLISHER, agreement.id(), "seoul-gangnam", null))
                .isInstanceOfSatisfying(
                        AccessControlFailure.AccessDenied.class,
                        e -> assertThat(e.decision().rule()).isEqualTo(Rule.STEWARD_OF_OWNER_REQUIRED));
        assertThatThrownBy(() -> agreements.approve(MAPO_STEWARD, agreement.id(), "seoul-gangnam", null))
                .isInstanceOf(AccessControlFailure.AccessDenied.class);

        assertThat(store.find(agreement.id())
                        .orElseThrow()
                        .part("seoul-gangnam")
                        .state())
                .isEqualTo(PartState.PENDING);
        assertThat(auditStore.entries())
                .filteredOn(e -> e.event().action().equals("agreement-approve"))
                .extracting(e -> e.event().subject() + ":" + e.event().decision())
                .containsExactly("gangnam-publisher:deny", "mapo-steward:deny");
    }

    @Test
    void umbrella_eachOwnerDecidesItsOwnPart() {
        Agreement umbrella =
                agreements.proposeUmbrella(MOLIT_ANALYST, request(GANGNAM_BUILDINGS, MAPO_CCTV, BUSAN_ROADS));
        assertThat(umbrella.kind()).isEqualTo(AgreementKind.UMBRELLA);
        assertThat(umbrella.parts())
                .extracting(AgreementPart::ownerOrganization)
                .containsExactly("seoul-gangnam", "seoul-mapo", "busan");

        agreements.approve(GANGNAM_STEWARD, umbrella.id(), "seoul-gangnam", null);
        agreements.reject(BUSAN_STEWARD, umbrella.id(), "busan", "ports data stays local");
        assertThatThrownBy(() -> agreements.approve(BUSAN_STEWARD, umbrella.id(), "busan", null))
                .isInstanceOf(AccessControlFailure.IllegalTransition.class);
        assertThatThrownBy(() -> agreements.approve(GANGNAM_STEWARD, umbrella.id(), "seoul-mapo", null))
                .isInstanceOf(AccessControlFailure.AccessDenied.class);

        assertThat(dataAccess(MOLIT_ANALYST, GANGNAM_BUILDINGS).isPermitted()).isTrue();
        assertThat(dataAccess(MOLIT_ANALYST, BUSAN_ROADS).isPermitted()).isFalse();
        assertThat(dataAccess(MOLIT_ANALYST, MAPO_CCTV).rule()).isEqualTo(Rule.PERSONAL_DATA_AGREEMENT_REQUIRED);

        agreements.approve(MAPO_STEWARD, umbrella.id(), "seoul-mapo", "purpose stated, personal data minimised");
        assertThat(dataAccess(MOLIT_ANALYST, MAPO_CCTV).rule()).isEqualTo(Rule.AGREEMENT);
    }

    @Test
    void umbrella_proposedByACity_isDenied() {
        assertThatThrownBy(() -> agreements.proposeUmbrella(MAPO_STEWARD, request(GANGNAM_BUILDINGS, BUSAN_ROADS)))
                .isInstanceOfSatisfying(
                        AccessControlFailure.AccessDenied.class,
                        e -> assertThat(e.decision().rule()).isEqualTo(Rule.MINISTRY_REQUIRED));
        assertThat(store.findByConsumer("seoul-mapo")).isEmpty();
    }

    @Test
    void request_acrossTwoOwnersOrForOwnData_isRejected() {
        assertThatThrownBy(() -> agreements.request(MAPO_PUBLISHER, request(GANGNAM_BUILDINGS, BUSAN_ROADS)))
                .isInstanceOf(AccessControlFailure.ValidationFailed.class)
                .hasMessageContaining("umbrella");
        assertThatThrownBy(() -> agreements.request(GANGNAM_PUBLISHER, request(GANGNAM_BUILDINGS)))
                .isInstanceOf(AccessControlFailure.ValidationFailed.class);
    }

    @Test
    void request_withoutPurposeOrLegalBasisOrWithEmptyPeriod_isInvalid() {
        List<DatasetRef> datasets = List.of(new DatasetRef("gangnam-buildings", "seoul-gangnam"));
        assertThatThrownBy(() -> new AccessRequest(datasets, " ", "law", PERIOD))
                .isInstanceOf(AccessControlFailure.ValidationFailed.class)
                .hasMessageContaining("purpose");
        assertThatThrownBy(() -> new AccessRequest(datasets, "why", null, PERIOD))
                .isInstanceOf(AccessControlFailure.ValidationFailed.class)
                .hasMessageContaining("legal basis");
        assertThatThrownBy(() -> new Period(START, START)).isInstanceOf(AccessControlFailure.ValidationFailed.class);
    }

    @Test
    void request_byDeveloperWithoutOrganizationOrByNode_isDenied() {
        Caller dev = Caller.user("dev", null, OrgKind.NONE, Set.of(Caller.DEVELOPER));
        Caller node = new Caller(
                "service-account-node-city-mapo", "seoul-mapo", OrgKind.DISTRICT, Set.of(), Set.of(Caller.NODE), true);

        assertThatThrownBy(() -> agreements.request(dev, request(GANGNAM_BUILDINGS)))
                .isInstanceOf(AccessControlFailure.AccessDenied.class);
        assertThatThrownBy(() -> agreements.request(node, request(GANGNAM_BUILDINGS)))
                .isInstanceOfSatisfying(
                        AccessControlFailure.AccessDenied.class,
                        e -> assertThat(e.decision().rule()).isEqualTo(Rule.NODE_READ_ONLY));
    }

    @Test
    void withdraw_byConsumer_closesPendingParts() {
        Agreement agreement = agreements.request(MAPO_PUBLISHER, request(GANGNAM_BUILDINGS));

        Agreement withdrawn = agreements.withdraw(MAPO_STEWARD, agreement.id(), "no longer needed");

        assertThat(withdrawn.part("seoul-gangnam").state()).isEqualTo(PartState.WITHDRAWN);
        assertThat(store.find(agreement.id())).contains(withdrawn);
        assertThatThrownBy(() -> agreements.approve(GANGNAM_STEWARD, agreement.id(), "seoul-gangnam", null))
                .isInstanceOf(AccessControlFailure.IllegalTransition.class);
    }

    @Test
    void get_byUninvolvedOrganization_isNotFound() {
        Agreement agreement = agreements.request(MAPO_PUBLISHER, request(GANGNAM_BUILDINGS));

        assertThat(agreements.get(GANGNAM_STEWARD, agreement.id())).isEqualTo(agreement);
        assertThat(agreements.listFor(MAPO_STEWARD)).containsExactly(agreement);
        assertThatThrownBy(() -> agreements.get(BUSAN_STEWARD, agreement.id()))
                .isInstanceOf(AccessControlFailure.NotFound.class);
        assertThatThrownBy(() -> agreements.approve(BUSAN_STEWARD, agreement.id(), "seoul-gangnam", null))
                .isInstanceOf(AccessControlFailure.NotFound.class);
    }

    @Test
    void everyStepIsAuditedInAnIntactChainTheOwnerCanExport() {
        Agreement agreement = agreements.request(MAPO_PUBLISHER, request(GANGNAM_BUILDINGS));
        dataAccess(MAPO_PUBLISHER, GANGNAM_BUILDINGS);
        agreements.approve(GANGNAM_STEWARD, agreement.id(), "seoul-gangnam", null);
        dataAccess(MAPO_PUBLISHER, GANGNAM_BUILDINGS);
        agreements.revoke(GANGNAM_STEWARD, agreement.id(), "seoul-gangnam", "ended early");
        dataAccess(BUSAN_PUBLISHER, BUSAN_ROADS);

        assertThat(audit.verify().intact()).isTrue();
        assertThat(auditStore.entries())
                .extracting(e -> e.event().action() + ":" + e.event().decision() + ":"
                        + e.event().rule())
                .containsExactly(
                        "agreement-request:permit:member-of-organization",
                        "access-data:deny:agreement-required",
                        "agreement-approve:permit:steward-of-owner",
                        "access-data:permit:agreement",
                        "agreement-revoke:permit:steward-of-owner",
                        "access-data:permit:owner");
        StringWriter export = new StringWriter();
        assertThat(audit.exportFor("seoul-gangnam", export)).isEqualTo(5);
        assertThat(export.toString()).doesNotContain("busan-roads");
    }
}
