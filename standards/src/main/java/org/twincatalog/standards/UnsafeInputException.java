package org.twincatalog.standards;

/**
 * The input was refused before it was processed because it could harm the process: an XML DOCTYPE
 * (external entities, entity expansion), a zip entry that escapes its folder, or a zip whose
 * entries, uncompressed size or compression ratio exceed the configured limits.
 */
public class UnsafeInputException extends StandardsException {
    /** What was refused; stable values for mapping to problem types. */
    public enum Reason {
        XML_DOCTYPE,
        XML_TOO_DEEP,
        ZIP_PATH_TRAVERSAL,
        ZIP_TOO_MANY_ENTRIES,
        ZIP_TOO_LARGE,
        ZIP_RATIO
    }

    private final Reason reason;

    public UnsafeInputException(Reason reason, String message) {
        super(kindOf(reason), message, null);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** A zip too large in any way is too large (413); hostile content is invalid (422). */
    private static Kind kindOf(Reason reason) {
        return switch (reason) {
            case ZIP_TOO_MANY_ENTRIES, ZIP_TOO_LARGE, ZIP_RATIO -> Kind.TOO_LARGE;
            default -> Kind.VALIDATION_FAILED;
        };
    }

    @Override
    public String detail() {
        return "Refused as unsafe (" + reason + "): " + getMessage();
    }
}
