package org.twincatalog.access.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.access.AccessControlFailure;

/** The group commit of {@link AuditLog#append}: batches, order, conflicts and shutdown. */
class GroupCommitTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-05-01T09:00:00Z"), ZoneOffset.UTC);
    private final ExecutorService pool = Executors.newFixedThreadPool(16);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void append_fromManyThreads_writesOneGapFreeVerifiableChainWithEveryEventInFewerBatches() throws Exception {
        CountingStore store = new CountingStore(new InMemoryAuditStore(), 1);
        AuditLog log = new AuditLog(store, clock);
        List<Future<AuditEntry>> appended = new ArrayList<>();
        for (int i = 0; i < 1600; i++) {
            AuditEvent event = event("t-" + i);
            appended.add(pool.submit(() -> log.append(event)));
        }
        List<AuditEntry> returned = new ArrayList<>();
        for (Future<AuditEntry> future : appended) {
            returned.add(future.get(30, TimeUnit.SECONDS));
        }

        List<AuditEntry> stored = store.entries();
        assertThat(log.verify().intact()).isTrue();
        assertThat(stored).extracting(AuditEntry::sequence).containsExactlyElementsOf(range(1, 1600));
        assertThat(stored).extracting(e -> e.event().subject()).containsExactlyInAnyOrderElementsOf(subjects(1600));
        assertThat(returned).containsExactlyInAnyOrderElementsOf(stored);
        assertThat(store.batches.get()).isLessThan(1600);
    }

    @Test
    void append_afterAnotherWriterAppended_rechainsTheBatchOnTheNewHead() {
        InMemoryAuditStore shared = new InMemoryAuditStore();
        CountingStore store = new CountingStore(shared, 0);
        AuditLog first = new AuditLog(store, clock);
        AuditLog second = new AuditLog(shared, clock);
        first.append(event("a-1"));
        second.append(event("b-1"));

        AuditEntry entry = first.append(event("a-2"));

        assertThat(store.conflicts.get()).isEqualTo(1);
        assertThat(entry.sequence()).isEqualTo(3);
        assertThat(shared.entries()).extracting(e -> e.event().subject()).containsExactly("a-1", "b-1", "a-2");
        assertThat(first.verify().intact()).isTrue();
    }

    @Test
    void append_fromTwoLogsOnOneStoreConcurrently_keepsOneChainWithEveryEvent() throws Exception {
        InMemoryAuditStore shared = new InMemoryAuditStore();
        AuditLog processA = new AuditLog(new CountingStore(shared, 1), clock);
        AuditLog processB = new AuditLog(new CountingStore(shared, 1), clock);
        List<Future<AuditEntry>> appended = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            AuditEvent event = event("t-" + i);
            AuditLog log = i % 2 == 0 ? processA : processB;
            appended.add(pool.submit(() -> log.append(event)));
        }
        for (Future<AuditEntry> future : appended) {
            future.get(30, TimeUnit.SECONDS);
        }

        assertThat(processA.verify().intact()).isTrue();
        assertThat(shared.entries()).extracting(AuditEntry::sequence).containsExactlyElementsOf(range(1, 400));
        assertThat(shared.entries())
                .extracting(e -> e.event().subject())
                .containsExactlyInAnyOrderElementsOf(subjects(400));
    }

    @Test
    void append_whenTheStoreFails_throwsToEveryCallerOfTheBatchAndRecoversAfterwards() {
        InMemoryAuditStore inner = new InMemoryAuditStore();
        AtomicInteger failures = new AtomicInteger(1);
        AuditStore failing = new CountingStore(inner, 0) {
            @Override
            public void appendAll(List<AuditEntry> batch) {
                if (failures.getAndDecrement() > 0) {
                    throw new IllegalStateException("database is down");
                }
                super.appendAll(batch);
            }
        };
        AuditLog log = new AuditLog(failing, clock);

        assertThatThrownBy(() -> log.append(event("lost"))).hasMessage("database is down");
        log.append(event("kept"));

        assertThat(inner.entries()).extracting(e -> e.event().subject()).containsExactly("kept");
    }

    @Test
    void close_waitsUntilEveryQueuedEntryIsStoredAndRefusesLaterAppends() throws Exception {
        CountDownLatch firstBatchStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InMemoryAuditStore inner = new InMemoryAuditStore();
        AuditStore blocking = new CountingStore(inner, 0) {
            @Override
            public void appendAll(List<AuditEntry> batch) {
                firstBatchStarted.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                super.appendAll(batch);
            }
        };
        GroupCommit appender = new GroupCommit(blocking);
        List<Future<AuditEntry>> appended = new ArrayList<>();
        appended.add(pool.submit(() -> appender.append(() -> event("t-0"))));
        assertThat(firstBatchStarted.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i < 10; i++) {
            AuditEvent event = event("t-" + i);
            appended.add(pool.submit(() -> appender.append(() -> event)));
        }
        waitUntil(() -> appender.queued() == 9);

        Future<?> closing = pool.submit(appender::close);
        Thread.sleep(50);
        assertThat(closing).isNotDone();
        release.countDown();
        closing.get(10, TimeUnit.SECONDS);

        assertThat(inner.entries()).hasSize(10);
        assertThat(appender.queued()).isZero();
        for (Future<AuditEntry> future : appended) {
            assertThat(future.get(10, TimeUnit.SECONDS).hashMatchesContent()).isTrue();
        }
        assertThatThrownBy(() -> appender.append(() -> event("late"))).isInstanceOf(IllegalStateException.class);
        assertThat(inner.entries()).hasSize(10);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static AuditEvent event(String subject) {
        return new AuditEvent(
                Instant.parse("2026-05-01T09:00:00Z"),
                subject,
                null,
                "see-metadata",
                "ds",
                "busan",
                null,
                "permit",
                "public",
                "open");
    }

    private static List<Long> range(long from, long to) {
        List<Long> values = new ArrayList<>();
        for (long v = from; v <= to; v++) {
            values.add(v);
        }
        return values;
    }

    private static List<String> subjects(int count) {
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            subjects.add("t-" + i);
        }
        return subjects;
    }

    /** Counts batches and conflicts of a store; each batch takes {@code millis} (a transaction's cost). */
    private static class CountingStore implements AuditStore {
        final AtomicInteger batches = new AtomicInteger();
        final AtomicInteger conflicts = new AtomicInteger();
        private final AuditStore inner;
        private final long millis;

        CountingStore(AuditStore inner, long millis) {
            this.inner = inner;
            this.millis = millis;
        }

        @Override
        public Optional<AuditEntry> last() {
            return inner.last();
        }

        @Override
        public void append(AuditEntry entry) {
            appendAll(List.of(entry));
        }

        @Override
        public void appendAll(List<AuditEntry> batch) {
            batches.incrementAndGet();
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                inner.appendAll(batch);
            } catch (AccessControlFailure.Conflict conflict) {
                conflicts.incrementAndGet();
                throw conflict;
            }
        }

        @Override
        public List<AuditEntry> entries() {
            return inner.entries();
        }
    }
}
