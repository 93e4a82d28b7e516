package org.twincatalog.access.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.access.AccessControlFailure;

/**
 * The contract of {@link AgreementStore}. Every implementation extends this class and supplies an
 * empty store.
 */
public abstract class AgreementStoreContractTest {

    protected AgreementStore store;

    /** A new, empty store. */
    protected abstract AgreementStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    protected static Agreement agreement(String id, String consumer, String... owners) {
        List<AgreementPart> parts = java.util.Arrays.stream(owners)
                .map(o -> AgreementPart.pending(o, List.of(o + "-buildings", o + "-roads")))
                .toList();
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        return new Agreement(
                id,
                owners.length > 1 ? AgreementKind.UMBRELLA : AgreementKind.REQUEST,
                consumer,
                "u-1",
                "flood simulation",
                "Spatial Data Act art. 20",
                new Period(from, from.plusSeconds(86_400 * 365)),
                parts,
                from,
                1);
    }

    @Test
    void find_unknownId_isEmpty() {
        assertThat(store.find("nope")).isEmpty();
    }

    @Test
    void save_newAgreement_isFoundWithAllItsFields() {
        Agreement agreement = agreement("a-1", "molit", "seoul-gangnam", "busan");

        store.save(agreement);

        assertThat(store.find("a-1")).contains(agreement);
    }

    @Test
    void save_nextVersion_replacesTheStoredOne() {
        Agreement agreement = agreement("a-1", "seoul-mapo", "seoul-gangnam");
        store.save(agreement);
        Agreement approved = agreement.withPart(
                "seoul-gangnam", p -> p.approve("steward", Instant.parse("2026-02-01T00:00:00Z"), "ok"));

        store.save(approved);

        assertThat(store.find("a-1")).contains(approved);
        assertThat(store.find("a-1").orElseThrow().part("seoul-gangnam").state())
                .isEqualTo(PartState.APPROVED);
    }

    @Test
    void save_staleVersion_conflictsAndKeepsTheNewer() {
        Agreement agreement = agreement("a-1", "seoul-mapo", "seoul-gangnam");
        store.save(agreement);
        Instant at = Instant.parse("2026-02-01T00:00:00Z");
        Agreement approved = agreement.withPart("seoul-gangnam", p -> p.approve("s-1", at, "ok"));
        Agreement rejected = agreement.withPart("seoul-gangnam", p -> p.reject("s-2", at, "no"));
        store.save(approved);

        assertThatThrownBy(() -> store.save(rejected)).isInstanceOf(AccessControlFailure.Conflict.class);
        assertThat(store.find("a-1")).contains(approved);
    }

    @Test
    void save_newAgreementWithTakenId_conflicts() {
        store.save(agreement("a-1", "seoul-mapo", "seoul-gangnam"));

        assertThatThrownBy(() -> store.save(agreement("a-1", "busan", "seoul-gangnam")))
                .isInstanceOf(AccessControlFailure.Conflict.class);
    }

    @Test
    void findByConsumerAndOwner_selectByOrganizationOldestFirst() {
        Agreement first = agreement("a-1", "molit", "seoul-gangnam", "busan");
        Agreement second = agreement("a-2", "seoul-mapo", "seoul-gangnam");
        Agreement third = agreement("a-3", "molit", "tokyo-23");
        store.save(first);
        store.save(second);
        store.save(third);

        assertThat(store.findByConsumer("molit")).containsExactly(first, third);
        assertThat(store.findByOwner("seoul-gangnam")).containsExactly(first, second);
        assertThat(store.findByOwner("seoul-mapo")).isEmpty();
    }

    @Test
    void findByConsumer_askedBeforeSaves_answersWithEachSaveAtOnce() {
        Agreement first = agreement("a-1", "molit", "seoul-gangnam");
        assertThat(store.findByConsumer("molit")).isEmpty();

        store.save(first);
        assertThat(store.findByConsumer("molit")).containsExactly(first);

        Agreement approved =
                first.withPart("seoul-gangnam", p -> p.approve("steward", Instant.parse("2026-02-01T00:00:00Z"), "ok"));
        store.save(approved);
        assertThat(store.findByConsumer("molit")).containsExactly(approved);

        Agreement another = agreement("a-2", "molit", "busan");
        store.save(another);
        assertThat(store.findByConsumer("molit")).containsExactly(approved, another);
        assertThat(store.findByConsumer("seoul-mapo")).isEmpty();
    }
}
