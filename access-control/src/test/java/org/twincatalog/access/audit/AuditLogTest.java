package org.twincatalog.access.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.access.audit.VerificationReport.Kind;
import org.twincatalog.access.audit.VerificationReport.Problem;

class AuditLogTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-05-01T09:00:00.123456Z"), ZoneOffset.UTC);
    private InMemoryAuditStore store;
    private AuditLog log;

    @BeforeEach
    void writeSixEntries() {
        store = new InMemoryAuditStore();
        log = new AuditLog(store, clock);
        for (int i = 1; i <= 6; i++) {
            String owner = i % 2 == 0 ? "busan" : "seoul-gangnam";
            log.append(new AuditEvent(
                    null,
                    "u-" + i,
                    "seoul-mapo",
                    "access-data",
                    "ds-" + i,
                    owner,
                    i == 3 ? null : "purpose " + i,
                    "permit",
                    "public",
                    "open to anyone"));
        }
    }

    @Test
    void verify_untouchedLog_isIntact() {
        VerificationReport report = log.verify();

        assertThat(report.intact()).isTrue();
        assertThat(report.entriesChecked()).isEqualTo(6);
    }

    @Test
    void append_chainsEachEntryToThePreviousOne() {
        List<AuditEntry> entries = store.entries();

        assertThat(entries.get(0).previousHash()).isEqualTo(AuditChain.GENESIS);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).previousHash())
                    .isEqualTo(entries.get(i - 1).hash());
            assertThat(entries.get(i).sequence()).isEqualTo(i + 1);
        }
        assertThat(entries.get(0).event().time()).isEqualTo(Instant.parse("2026-05-01T09:00:00.123Z"));
    }

    @Test
    void verify_editedEntry_isReportedAsEdited() {
        List<AuditEntry> entries = new ArrayList<>(store.entries());
        AuditEntry third = entries.get(2);
        entries.set(2, new AuditEntry(3, withDecision(third.event(), "deny"), third.previousHash(), third.hash()));

        assertThat(verify(entries)).containsExactly(Kind.EDITED + "@3");
    }

    @Test
    void verify_editedEntryWithRecomputedHash_isReportedAsEdited() {
        List<AuditEntry> entries = new ArrayList<>(store.entries());
        AuditEntry third = entries.get(2);
        AuditEvent forged = withDecision(third.event(), "deny");
        entries.set(
                2, new AuditEntry(3, forged, third.previousHash(), AuditChain.hash(3, forged, third.previousHash())));

        assertThat(verify(entries)).containsExactly(Kind.EDITED + "@3");
    }

    @Test
    void verify_deletedEntry_isReportedAsDeleted() {
        List<AuditEntry> entries = new ArrayList<>(store.entries());
        entries.remove(3);

        assertThat(verify(entries)).containsExactly(Kind.DELETED + "@4");
    }

    @Test
    void verify_reorderedEntries_areReportedAsReordered() {
        List<AuditEntry> entries = new ArrayList<>(store.entries());
        AuditEntry second = entries.get(1);
        entries.set(1, entries.get(2));
        entries.set(2, second);

        assertThat(verify(entries)).containsExactly(Kind.REORDERED + "@2");
    }

    @Test
    void verify_insertedEntry_isReportedAsInserted() {
        List<AuditEntry> entries = new ArrayList<>(store.entries());
        AuditEntry third = entries.get(2);
        AuditEntry inserted = AuditChain.next(
                third,
                new AuditEvent(
                        third.event().time(),
                        "intruder",
                        null,
                        "access-data",
                        "ds-x",
                        "seoul-gangnam",
                        null,
                        "permit",
                        "public",
                        "forged"));
        entries.add(3, inserted);

        List<Problem> problems =
                InMemoryAuditStore.loadedWith(entries).entries().isEmpty()
                        ? List.of()
                        : new AuditLog(InMemoryAuditStore.loadedWith(entries), clock)
                                .verify()
                                .problems();

        assertThat(problems).extracting(p -> p.kind() + "@" + p.sequence()).containsExactly(Kind.INSERTED + "@4");
        assertThat(problems.get(0).detail()).contains("ds-x");
    }

    @Test
    void verify_truncatedTail_isOnlyDetectedAgainstAnAnchor() {
        AuditAnchor anchor = log.head();
        List<AuditEntry> entries = new ArrayList<>(store.entries());
        entries.remove(5);
        AuditLog truncated = new AuditLog(InMemoryAuditStore.loadedWith(entries), clock);

        assertThat(truncated.verify().intact()).isTrue();
        assertThat(truncated.verify(anchor).problems())
                .extracting(p -> p.kind() + "@" + p.sequence())
                .containsExactly(Kind.DELETED + "@6");
    }

    @Test
    void exportFor_writesOnlyThatOwnersEntriesAsVerifiableJsonLines() {
        StringWriter out = new StringWriter();

        long written = log.exportFor("seoul-gangnam", out);

        String[] lines = out.toString().split("\n");
        assertThat(written).isEqualTo(3);
        assertThat(lines).hasSize(3);
        for (String line : lines) {
            AuditEntry entry = AuditChain.fromJsonLine(line);
            assertThat(entry.event().resourceOwner()).isEqualTo("seoul-gangnam");
            assertThat(entry.hashMatchesContent()).as(line).isTrue();
        }
        assertThat(lines[0]).startsWith("{\"action\":\"access-data\",").doesNotContain(" ,");
        assertThat(lines[1]).doesNotContain("\"purpose\"");
    }

    @Test
    void append_fromManyThreads_keepsTheChainIntact() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 200; i++) {
            int n = i;
            pool.submit(() -> log.append(new AuditEvent(
                    null, "t-" + n, null, "see-metadata", "ds", "busan", null, "permit", "public", "open")));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        assertThat(log.verify().intact()).isTrue();
        assertThat(store.entries()).hasSize(206);
    }

    private List<String> verify(List<AuditEntry> entries) {
        return ChainVerifier.verify(entries, null).problems().stream()
                .map(p -> p.kind() + "@" + p.sequence())
                .toList();
    }

    private static AuditEvent withDecision(AuditEvent e, String decision) {
        return new AuditEvent(
                e.time(),
                e.subject(),
                e.organization(),
                e.action(),
                e.resource(),
                e.resourceOwner(),
                e.purpose(),
                decision,
                e.rule(),
                e.reason());
    }
}
