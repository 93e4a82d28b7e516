package org.twincatalog.catalog;

import java.util.List;

/** Well-formed content that breaks the metadata rules; carries one {@link Violation} per problem. */
public class ValidationFailed extends CatalogException {
    private final List<Violation> violations;

    public ValidationFailed(String message, List<Violation> violations) {
        super(Kind.VALIDATION_FAILED, message);
        this.violations = List.copyOf(violations);
    }

    public static ValidationFailed of(String pointer, String detail) {
        return new ValidationFailed(detail, List.of(new Violation(pointer, detail)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
