package org.twincatalog.federation.harvest;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.twincatalog.api.v1.model.HarvestRun;
import org.twincatalog.api.v1.model.HarvestStatus;

/** Maps harvest state rows to the contract's {@link HarvestStatus} and {@link HarvestRun}. */
public final class PeerStatusMapper {
    private PeerStatusMapper() {}

    /** The last (or running) run; a run about to start when there is no state yet. */
    public static HarvestRun run(String peer, HarvestStateEntity s, boolean running) {
        if (s == null || s.runStartedAt == null) {
            return new HarvestRun()
                    .peer(peer)
                    .startedAt(OffsetDateTime.now(ZoneOffset.UTC))
                    .outcome(HarvestRun.OutcomeEnum.RUNNING)
                    .fromCursor(s == null ? 0L : s.cursor);
        }
        HarvestRun.OutcomeEnum outcome = running || "running".equals(s.runOutcome)
                ? HarvestRun.OutcomeEnum.RUNNING
                : HarvestRun.OutcomeEnum.fromValue(s.runOutcome);
        return new HarvestRun()
                .peer(peer)
                .startedAt(at(s.runStartedAt))
                .finishedAt(at(s.runFinishedAt))
                .outcome(outcome)
                .fromCursor(s.runFrom)
                .toCursor(s.runTo)
                .applied(s.runApplied)
                .unchanged(s.runUnchanged)
                .quarantined(s.runQuarantined)
                .error(s.runError);
    }

    /** The harvest status of a peer; null when it was never harvested. */
    public static HarvestStatus status(
            String peer, HarvestStateEntity s, long mirrored, long quarantined, boolean running) {
        if (s == null) {
            return new HarvestStatus()
                    .cursor(0L)
                    .running(running)
                    .mirrored(mirrored)
                    .quarantined(quarantined);
        }
        long lagChanges = Math.max(0, s.peerHead - s.cursor);
        Long lagSeconds = s.caughtUpAt == null
                ? (s.runStartedAt == null ? null : Instant.now().getEpochSecond() - s.runStartedAt.getEpochSecond())
                : Instant.now().getEpochSecond() - s.caughtUpAt.getEpochSecond();
        return new HarvestStatus()
                .cursor(s.cursor)
                .peerHead(s.peerHead)
                .lagChanges(lagChanges)
                .lagSeconds(lagSeconds)
                .mirrored(mirrored)
                .quarantined(quarantined)
                .running(running)
                .lastRun(s.runStartedAt == null ? null : run(peer, s, running))
                .lastError(s.lastError)
                .lastErrorAt(at(s.lastErrorAt));
    }

    private static OffsetDateTime at(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}
