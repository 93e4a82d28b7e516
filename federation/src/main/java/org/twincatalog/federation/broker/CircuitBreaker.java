package org.twincatalog.federation.broker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A circuit breaker for one peer: closed while it answers; open after {@code threshold}
 * consecutive failures, skipping the peer for {@code openFor}; then half-open, letting one trial
 * call through, whose outcome closes or reopens it. Thread-safe.
 */
public final class CircuitBreaker {
    public enum State {
        CLOSED("closed"),
        OPEN("open"),
        HALF_OPEN("half-open");

        private final String id;

        State(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int failures;
    private Instant openedAt;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    /** Whether a call may go through now; in half-open state only one trial call at a time. */
    public synchronized boolean tryAcquire() {
        State state = state();
        if (state == State.CLOSED) {
            return true;
        }
        if (state == State.HALF_OPEN && !trialInFlight) {
            trialInFlight = true;
            return true;
        }
        return false;
    }

    public synchronized void onSuccess() {
        failures = 0;
        openedAt = null;
        trialInFlight = false;
    }

    public synchronized void onFailure() {
        trialInFlight = false;
        failures++;
        if (failures >= threshold) {
            openedAt = clock.instant();
        }
    }

    /** A call that neither succeeded nor failed for the peer's sake (a denial): frees a trial slot. */
    public synchronized void onNeutral() {
        if (trialInFlight) {
            onSuccess();
        }
    }

    public synchronized State state() {
        if (openedAt == null) {
            return State.CLOSED;
        }
        return clock.instant().isBefore(openedAt.plus(openFor)) ? State.OPEN : State.HALF_OPEN;
    }
}
