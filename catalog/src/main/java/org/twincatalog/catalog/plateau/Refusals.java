package org.twincatalog.catalog.plateau;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.ZipException;
import org.twincatalog.catalog.error.PayloadTooLarge;
import org.twincatalog.catalog.error.ValidationFailed;
import org.twincatalog.standards.InvalidInputException;
import org.twincatalog.standards.UnsafeInputException;

/**
 * The standards module's refusals as the catalog's errors, as {@code InspectionService} maps them:
 * zip bombs (too many entries, too large, too compressed) are 413; path traversal, hostile XML and
 * non-CityGML content 422.
 */
final class Refusals {
    private Refusals() {}

    static <T> T mapped(Supplier<T> work) {
        try {
            return work.get();
        } catch (UnsafeInputException e) {
            String detail = "Refused as unsafe (" + e.reason() + "): " + e.getMessage();
            throw switch (e.reason()) {
                case ZIP_TOO_MANY_ENTRIES, ZIP_TOO_LARGE, ZIP_RATIO -> new PayloadTooLarge(detail);
                default -> new ValidationFailed(detail, List.of());
            };
        } catch (InvalidInputException e) {
            throw new ValidationFailed("Not a CityGML package: " + e.getMessage(), List.of());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof ZipException zip) {
                throw new ValidationFailed("Not a readable zip: " + zip.getMessage(), List.of());
            }
            throw e;
        }
    }
}
