package org.twincatalog.standards.profile;

/** How much a finding matters: a {@link #VIOLATION} refuses the registration, the others do not. */
public enum Severity {
    VIOLATION,
    WARNING,
    INFO
}
