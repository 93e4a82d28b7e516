package org.twincatalog.federation.harvest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Where harvesting of one peer stands ({@code federation_harvest_state}). The cursor is written
 * in the same transaction as the mirrors of the page it ends, so both survive or neither does.
 */
@Entity
@Table(name = "federation_harvest_state")
public class HarvestStateEntity {
    @Id
    @Column(name = "peer_id")
    public String peerId;

    /** The peer's change sequence harvested up to. */
    @Column(name = "cursor_seq")
    public long cursor;

    /** The newest sequence of the peer's log when last asked. */
    @Column(name = "peer_head")
    public long peerHead;

    /** When the cursor last reached the peer's head. */
    @Column(name = "caught_up_at")
    public Instant caughtUpAt;

    @Column(name = "run_started_at")
    public Instant runStartedAt;

    @Column(name = "run_finished_at")
    public Instant runFinishedAt;

    @Column(name = "run_outcome")
    public String runOutcome;

    @Column(name = "run_from")
    public Long runFrom;

    @Column(name = "run_to")
    public Long runTo;

    @Column(name = "run_applied")
    public long runApplied;

    @Column(name = "run_unchanged")
    public long runUnchanged;

    @Column(name = "run_quarantined")
    public long runQuarantined;

    @Column(name = "run_error", length = 4000)
    public String runError;

    @Column(name = "last_error", length = 4000)
    public String lastError;

    @Column(name = "last_error_at")
    public Instant lastErrorAt;
}
