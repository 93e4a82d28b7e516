package org.twincatalog.standards.profile;

import java.util.List;

/**
 * The findings of one validation, violations first.
 *
 * @param findings every finding; empty when the data is fully conformant and complete
 */
public record ValidationReport(List<Finding> findings) {

    public ValidationReport {
        findings = findings.stream()
                .sorted(java.util.Comparator.comparing(Finding::severity)
                        .thenComparing(Finding::focusNode)
                        .thenComparing(f -> f.path() == null ? "" : f.path()))
                .toList();
    }

    /** True when there is no {@link Severity#VIOLATION}: the registration may be accepted. */
    public boolean conforms() {
        return violations().isEmpty();
    }

    public List<Finding> violations() {
        return bySeverity(Severity.VIOLATION);
    }

    public List<Finding> warnings() {
        return bySeverity(Severity.WARNING);
    }

    private List<Finding> bySeverity(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }
}
