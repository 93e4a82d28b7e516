package org.twincatalog.node.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.catalog.changes.ChangeEntity;
import org.twincatalog.catalog.changes.ChangeLog;
import org.twincatalog.federation.harvest.MirrorWriter;
import org.twincatalog.node.support.Fixtures;

/**
 * A harvest page reserves its change-log sequences in one block (ChangeLog#reserve): the log it
 * leaves must still be gap-free, whatever the page's entries did.
 */
@QuarkusTest
class HarvestChangeLogTest {
    @Inject
    MirrorWriter writer;

    @Inject
    ChangeLog changeLog;

    @Inject
    EntityManager em;

    @Test
    void aPageWithSkippedEntries_leavesNoGap_andTheNextLocalWriteFollowsIt() {
        String publisher = Fixtures.newOrganization();
        String peer = Fixtures.uniqueId("city");
        writer.state(peer);
        Dataset broken = FeedPages.dataset("broken", publisher, 1, "Broken");
        broken.setTitle(null);
        long before = counter();

        MirrorWriter.PageResult result = writer.apply(
                peer,
                0,
                FeedPages.page(
                        4,
                        4,
                        FeedPages.created(1, FeedPages.dataset("a", publisher, 1, "A")),
                        FeedPages.created(2, broken),
                        FeedPages.created(3, FeedPages.dataset("b", publisher, 1, "B")),
                        FeedPages.updated(4, FeedPages.dataset("b", publisher, 1, "B"))));

        assertThat(result.applied()).isEqualTo(2);
        assertThat(result.quarantined()).isEqualTo(1);
        assertThat(result.unchanged()).isEqualTo(1);
        List<ChangeEntity> written = changeLog.after(before, 10);
        assertThat(written).extracting(c -> c.sequence).containsExactly(before + 1, before + 2);
        assertThat(written).extracting(c -> c.recordId).containsExactly(peer + ".a", peer + ".b");
        assertThat(counter()).as("the unused numbers were given back").isEqualTo(before + 2);

        Fixtures.newOrganization();
        assertThat(changeLog.after(before + 2, 10)).extracting(c -> c.sequence).containsExactly(before + 3);
    }

    @Test
    void aTransactionCommittingWithNumbersStillReserved_isRolledBack() {
        long before = counter();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> changeLog.reserve(5)))
                .isInstanceOf(RuntimeException.class);

        assertThat(counter()).isEqualTo(before);
        Fixtures.newOrganization();
        assertThat(changeLog.after(before, 10)).extracting(c -> c.sequence).containsExactly(before + 1);
    }

    private long counter() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT last_sequence FROM change_counter WHERE id = 1")
                                .getSingleResult())
                        .longValue());
    }
}
