package org.twincatalog.node.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.twincatalog.access.AccessLevel;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.access.Action;
import org.twincatalog.access.Caller;
import org.twincatalog.access.OrgKind;
import org.twincatalog.access.PolicyDecisionPoint;
import org.twincatalog.access.ProtectedDataset;
import org.twincatalog.access.agreement.Agreement;
import org.twincatalog.access.agreement.AgreementKind;
import org.twincatalog.access.agreement.AgreementPart;
import org.twincatalog.access.agreement.PartState;
import org.twincatalog.access.agreement.Period;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Organization;
import org.twincatalog.catalog.CallerContext;
import org.twincatalog.catalog.access.AccessSettingsMapper;
import org.twincatalog.catalog.access.JpaAgreementStore;
import org.twincatalog.catalog.changes.ChangeLog;
import org.twincatalog.catalog.changes.feed.VisibleChanges;
import org.twincatalog.catalog.dataset.DatasetReads;
import org.twincatalog.catalog.dataset.DatasetService;
import org.twincatalog.catalog.organization.OrganizationService;
import org.twincatalog.node.support.Fixtures;

/**
 * The visibility filter inside the list and change-feed queries agrees with the policy decision
 * point on every combination: each level, shared or not, and agreements that are active,
 * expired or revoked, for callers of every kind. If they ever disagree, totals would count
 * records the caller cannot open (or hide ones it can).
 */
@QuarkusTest
class VisibilityAgreementTest {
    @Inject
    DatasetService datasets;

    @Inject
    DatasetReads reads;

    @Inject
    OrganizationService organizations;

    @Inject
    CallerContext callers;

    @Inject
    PolicyDecisionPoint pdp;

    @Inject
    JpaAgreementStore agreements;

    @Inject
    VisibleChanges changes;

    @Inject
    ChangeLog changeLog;

    @Test
    void listTotalsAndChangeFeed_showExactlyWhatThePdpPermits_forEveryCallerAndSetting() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String owner = "owner-" + suffix;
        String named = "named-" + suffix;
        Caller publisher = Caller.user("p-" + suffix, owner, OrgKind.DISTRICT, Set.of(Caller.PUBLISHER));
        long before = changeLog.lastSequence();
        callers.runAs(publisher, () -> organizations.create(organization(owner)));

        Map<String, AccessSettings> settings = new LinkedHashMap<>();
        for (AccessLevel meta : AccessLevel.values()) {
            for (boolean shared : List.of(false, true)) {
                AccessSettings s = AccessSettings.of(meta, meta).withSharedWith(shared ? Set.of(named) : Set.of());
                Dataset dataset = new com.fasterxml.jackson.databind.ObjectMapper()
                        .convertValue(Fixtures.dataset("dataset-minimal.json", owner), Dataset.class);
                dataset.setId(owner + "." + meta.id() + (shared ? "-shared-" : "-") + suffix);
                dataset.setAccess(AccessSettingsMapper.toModel(s));
                callers.runAs(publisher, () -> datasets.create(dataset));
                settings.put(dataset.getId(), s);
            }
        }
        Instant now = Instant.now();
        List<String> all = new ArrayList<>(settings.keySet());
        agreement(
                "active-" + suffix,
                new Period(now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS)),
                PartState.APPROVED,
                owner,
                all);
        agreement(
                "expired-" + suffix,
                new Period(now.minus(2, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)),
                PartState.APPROVED,
                owner,
                all);
        agreement(
                "revoked-" + suffix,
                new Period(now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS)),
                PartState.REVOKED,
                owner,
                all);
        agreement(
                "pending-" + suffix,
                new Period(now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS)),
                PartState.PENDING,
                owner,
                all);

        List<Caller> personas = List.of(
                Caller.anonymous(),
                Caller.user("u-none", null, OrgKind.NONE, Set.of(Caller.DEVELOPER)),
                publisher,
                new Caller("node-" + suffix, owner, OrgKind.DISTRICT, Set.of(), Set.of(Caller.NODE), true),
                Caller.user("u-named", named, OrgKind.CITY, Set.of(Caller.PUBLISHER)),
                Caller.user("u-metro", "metro-" + suffix, OrgKind.METRO, Set.of(Caller.STEWARD)),
                Caller.user("u-company", "company-" + suffix, OrgKind.COMPANY, Set.of(Caller.DEVELOPER)),
                Caller.user("u-active", "active-" + suffix, OrgKind.COMPANY, Set.of()),
                Caller.user("u-expired", "expired-" + suffix, OrgKind.CITY, Set.of()),
                Caller.user("u-revoked", "revoked-" + suffix, OrgKind.CITY, Set.of()),
                Caller.user("u-pending", "pending-" + suffix, OrgKind.COMPANY, Set.of()));
        long head = changeLog.lastSequence();
        for (Caller caller : personas) {
            List<String> expected = all.stream()
                    .filter(id -> pdp.decide(
                                    caller,
                                    Action.SEE_METADATA,
                                    ProtectedDataset.published(id, owner, settings.get(id)))
                            .isPermitted())
                    .toList();
            var page = callers.runAs(caller, () -> reads.list(owner, false, 0, 500));
            assertThat(page.items().stream().map(Dataset::getId).toList())
                    .as("list as " + caller.label())
                    .containsExactlyElementsOf(expected);
            assertThat(page.total()).as("total as " + caller.label()).isEqualTo(expected.size());
            List<String> fed = callers.runAs(caller, () -> changes.between(before, head, 10_000)).stream()
                    .map(c -> c.recordId)
                    .filter(settings::containsKey)
                    .toList();
            assertThat(fed).as("change feed as " + caller.label()).containsExactlyElementsOf(expected);
        }
    }

    private void agreement(String consumer, Period period, PartState state, String owner, List<String> ids) {
        AgreementPart part = new AgreementPart(
                owner,
                ids,
                state,
                state == PartState.PENDING ? null : "s-1",
                state == PartState.PENDING ? null : period.from(),
                state == PartState.PENDING ? null : "test");
        agreements.save(new Agreement(
                UUID.randomUUID().toString(),
                AgreementKind.REQUEST,
                consumer,
                "u-1",
                "flood simulation",
                "test basis",
                period,
                List.of(part),
                period.from(),
                1));
    }

    private static Organization organization(String id) {
        Organization org = new com.fasterxml.jackson.databind.ObjectMapper()
                .convertValue(Fixtures.read("organization.json"), Organization.class);
        org.setId(id);
        return org;
    }
}
