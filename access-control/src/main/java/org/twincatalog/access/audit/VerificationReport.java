package org.twincatalog.access.audit;

import java.util.List;

/**
 * The result of verifying an audit chain: how many entries were read, and each problem found.
 *
 * @param problems sorted by sequence; empty when the chain is intact
 */
public record VerificationReport(long entriesChecked, List<Problem> problems) {

    public VerificationReport {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }

    /** What was done to the chain at one sequence number. */
    public enum Kind {
        /** The entry's content no longer matches its hash, or its hash is not what the next entry chained to. */
        EDITED,
        /** The entry with this sequence is missing. */
        DELETED,
        /** The entry is stored after an entry with a higher sequence. */
        REORDERED,
        /** The entry repeats the sequence of another and is not the one the chain continues from. */
        INSERTED
    }

    /** One finding: its kind, the sequence it concerns, and a sentence for the operator. */
    public record Problem(Kind kind, long sequence, String detail) {}
}
