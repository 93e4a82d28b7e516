package org.twincatalog.access.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.access.AccessControlFailure;

/**
 * The contract of {@link AuditStore}. Every implementation extends this class and supplies an
 * empty store.
 */
public abstract class AuditStoreContractTest {

    protected AuditStore store;

    /** A new, empty store. */
    protected abstract AuditStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    protected static AuditEvent event(String owner, String resource) {
        return new AuditEvent(
                Instant.parse("2026-05-01T09:00:00.123Z"),
                "u-1",
                "seoul-mapo",
                "access-data",
                resource,
                owner,
                "flood simulation",
                "permit",
                "agreement",
                "agreement a-1 grants seoul-mapo access");
    }

    @Test
    void last_ofEmptyStore_isEmpty() {
        assertThat(store.last()).isEmpty();
        assertThat(store.entries()).isEmpty();
    }

    @Test
    void append_firstEntryAfterGenesis_becomesLast() {
        AuditEntry first = AuditChain.next(null, event("seoul-gangnam", "ds-1"));

        store.append(first);

        assertThat(store.last()).contains(first);
        assertThat(store.entries()).containsExactly(first);
    }

    @Test
    void append_keepsEveryFieldAndTheAppendOrder() {
        AuditEntry first = AuditChain.next(null, event("seoul-gangnam", "ds-1"));
        AuditEntry second = AuditChain.next(first, event("busan", "ds-2"));
        AuditEntry third = AuditChain.next(second, event("seoul-gangnam", "ds-3"));

        store.append(first);
        store.append(second);
        store.append(third);

        assertThat(store.entries()).containsExactly(first, second, third);
        assertThat(store.entries())
                .allSatisfy(e -> assertThat(e.hashMatchesContent()).isTrue());
    }

    @Test
    void append_entryThatDoesNotFollowTheLast_conflicts() {
        AuditEntry first = AuditChain.next(null, event("seoul-gangnam", "ds-1"));
        store.append(first);
        AuditEntry secondByA = AuditChain.next(first, event("seoul-gangnam", "ds-2"));
        AuditEntry secondByB = AuditChain.next(first, event("busan", "ds-3"));
        store.append(secondByA);

        assertThatThrownBy(() -> store.append(secondByB)).isInstanceOf(AccessControlFailure.Conflict.class);
        assertThat(store.entries()).containsExactly(first, secondByA);
    }

    @Test
    void append_firstEntryNotStartingTheChain_conflicts() {
        AuditEntry first = AuditChain.next(null, event("seoul-gangnam", "ds-1"));
        AuditEntry second = AuditChain.next(first, event("seoul-gangnam", "ds-2"));

        assertThatThrownBy(() -> store.append(second)).isInstanceOf(AccessControlFailure.Conflict.class);
        assertThat(store.entries()).isEmpty();
    }

    @Test
    void appendAll_chainedBatch_isAppendedInOrder() {
        AuditEntry first = AuditChain.next(null, event("seoul-gangnam", "ds-1"));
        AuditEntry second = AuditChain.next(first, event("busan", "ds-2"));
        AuditEntry third = AuditChain.next(second, event("seoul-gangnam", "ds-3"));
        store.append(first);

        store.appendAll(List.of(second, third));

        assertThat(store.entries()).containsExactly(first, second, third);
        assertThat(store.last()).contains(third);
    }

    @Test
    void appendAll_batchNotFollowingTheLast_conflictsAndAppendsNothing() {
        AuditEntry first = AuditChain.next(null, event("seoul-gangnam", "ds-1"));
        AuditEntry secondByA = AuditChain.next(first, event("seoul-gangnam", "ds-2"));
        AuditEntry secondByB = AuditChain.next(first, event("busan", "ds-3"));
        AuditEntry thirdByB = AuditChain.next(secondByB, event("busan", "ds-4"));
        store.appendAll(List.of(first, secondByA));

        assertThatThrownBy(() -> store.appendAll(List.of(secondByB, thirdByB)))
                .isInstanceOf(AccessControlFailure.Conflict.class);
        assertThat(store.entries()).containsExactly(first, secondByA);
    }

    @Test
    void appendAll_batchBrokenInTheMiddle_conflictsAndAppendsNothing() {
        AuditEntry first = AuditChain.next(null, event("seoul-gangnam", "ds-1"));
        AuditEntry second = AuditChain.next(first, event("busan", "ds-2"));
        AuditEntry unrelated = AuditChain.next(first, event("busan", "ds-3"));

        assertThatThrownBy(() -> store.appendAll(List.of(first, second, unrelated)))
                .isInstanceOf(AccessControlFailure.Conflict.class);
        assertThat(store.entries()).isEmpty();
    }

    @Test
    void entriesAbout_returnsOnlyTheEntriesOfThatOwner() {
        AuditEntry first = AuditChain.next(null, event("seoul-gangnam", "ds-1"));
        AuditEntry second = AuditChain.next(first, event("busan", "ds-2"));
        AuditEntry third = AuditChain.next(second, event("seoul-gangnam", "ds-3"));
        store.append(first);
        store.append(second);
        store.append(third);

        assertThat(store.entriesAbout("seoul-gangnam")).containsExactly(first, third);
        assertThat(store.entriesAbout("tokyo-23")).isEmpty();
    }
}
