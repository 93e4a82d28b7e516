package org.twincatalog.access.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.twincatalog.access.audit.VerificationReport.Kind;
import org.twincatalog.access.audit.VerificationReport.Problem;

/** Checks a list of audit entries, in storage order, for edits, deletions, reordering and insertions. */
public final class ChainVerifier {

    private final List<AuditEntry> entries;
    private final Map<String, Problem> problems = new LinkedHashMap<>();
    private final Map<Long, AuditEntry> chained = new HashMap<>();

    private ChainVerifier(List<AuditEntry> entries) {
        this.entries = entries;
    }

    /**
     * Verifies {@code entries}; with a non-null {@code anchor}, also that the anchored entry is
     * still there unchanged (which detects a truncated tail or a recomputed chain).
     */
    public static VerificationReport verify(List<AuditEntry> entries, AuditAnchor anchor) {
        ChainVerifier verifier = new ChainVerifier(List.copyOf(entries));
        verifier.checkContent();
        verifier.checkOrder();
        verifier.pickChainedEntries();
        verifier.checkGaps(anchor);
        verifier.checkLinks();
        verifier.checkAnchor(anchor);
        List<Problem> found = new ArrayList<>(verifier.problems.values());
        found.sort(Comparator.comparingLong(Problem::sequence).thenComparing(Problem::kind));
        return new VerificationReport(entries.size(), found);
    }

    private void report(Kind kind, long sequence, String detail) {
        problems.putIfAbsent(kind + ":" + sequence, new Problem(kind, sequence, detail));
    }

    private void checkContent() {
        for (AuditEntry entry : entries) {
            if (!entry.hashMatchesContent()) {
                report(Kind.EDITED, entry.sequence(), "entry " + entry.sequence() + " does not match its hash");
            }
        }
    }

    private void checkOrder() {
        for (int i = 1; i < entries.size(); i++) {
            AuditEntry before = entries.get(i - 1);
            AuditEntry entry = entries.get(i);
            if (entry.sequence() < before.sequence()) {
                report(
                        Kind.REORDERED,
                        entry.sequence(),
                        "entry " + entry.sequence() + " is stored after entry " + before.sequence());
            }
        }
    }

    /** Of entries sharing a sequence, keeps the one the next entry chains to; reports the others. */
    private void pickChainedEntries() {
        Map<Long, List<AuditEntry>> bySequence = new HashMap<>();
        entries.forEach(e ->
                bySequence.computeIfAbsent(e.sequence(), s -> new ArrayList<>()).add(e));
        Map<String, Boolean> referenced = new HashMap<>();
        entries.forEach(e -> referenced.put(e.previousHash(), true));
        for (Map.Entry<Long, List<AuditEntry>> group : bySequence.entrySet()) {
            List<AuditEntry> candidates = group.getValue();
            AuditEntry kept = candidates.stream()
                    .filter(e -> referenced.containsKey(e.hash()))
                    .findFirst()
                    .orElse(candidates.get(0));
            chained.put(group.getKey(), kept);
            candidates.stream()
                    .filter(e -> e != kept)
                    .forEach(e -> report(
                            Kind.INSERTED,
                            e.sequence(),
                            "a second entry " + e.sequence() + " (" + e.event().action() + " "
                                    + e.event().resource() + ") is not part of the chain"));
        }
    }

    private void checkGaps(AuditAnchor anchor) {
        long highest =
                chained.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        if (anchor != null) {
            highest = Math.max(highest, anchor.sequence());
        }
        for (long sequence = 1; sequence <= highest; sequence++) {
            if (!chained.containsKey(sequence)) {
                report(Kind.DELETED, sequence, "entry " + sequence + " is missing");
            }
        }
    }

    private void checkLinks() {
        for (AuditEntry entry : chained.values()) {
            long sequence = entry.sequence();
            if (sequence == 1 && !AuditChain.GENESIS.equals(entry.previousHash())) {
                report(Kind.EDITED, 1, "entry 1 does not start the chain");
            }
            AuditEntry before = chained.get(sequence - 1);
            if (before != null && before.hashMatchesContent() && !before.hash().equals(entry.previousHash())) {
                report(
                        Kind.EDITED,
                        before.sequence(),
                        "entry " + before.sequence() + " is not the entry that entry " + sequence
                                + " chained to (rewritten with a new hash)");
            }
        }
    }

    private void checkAnchor(AuditAnchor anchor) {
        if (anchor == null || anchor.sequence() == 0) {
            return;
        }
        AuditEntry anchored = chained.get(anchor.sequence());
        if (anchored != null && !anchored.hash().equals(anchor.hash())) {
            report(Kind.EDITED, anchor.sequence(), "entry " + anchor.sequence() + " differs from the anchor");
        }
    }
}
