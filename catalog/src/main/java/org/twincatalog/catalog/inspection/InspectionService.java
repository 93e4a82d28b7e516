package org.twincatalog.catalog.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipException;
import org.jboss.logging.Logger;
import org.twincatalog.catalog.error.PayloadTooLarge;
import org.twincatalog.catalog.error.ValidationFailed;
import org.twincatalog.catalog.files.Spool;
import org.twincatalog.standards.InvalidInputException;
import org.twincatalog.standards.UnsafeInputException;
import org.twincatalog.standards.citygml.CityGmlInspector;
import org.twincatalog.standards.citygml.PackageInspection;

/**
 * Inspects an uploaded CityGML file or PLATEAU package zip: spools it to a bounded temporary file,
 * inspects it in one streaming pass, deletes it, and turns the inspector's refusals into the
 * catalog's errors (413 for zip bombs and oversize uploads, 422 for hostile or non-CityGML input).
 */
@ApplicationScoped
public class InspectionService {
    private static final Logger LOG = Logger.getLogger(InspectionService.class);

    private final InspectionConfig config;
    private final CityGmlInspector inspector;

    public InspectionService(InspectionConfig config) {
        this.config = config;
        this.inspector = new CityGmlInspector(config.limits());
    }

    /** What an upload holds; {@code zip} tells a package from a single file. */
    public record Inspected(PackageInspection inspection, boolean zip, long uploadBytes) {}

    /**
     * Inspects {@code body}, read to its end.
     *
     * @param name the upload's file name (PLATEAU naming is read from it), or null
     * @throws PayloadTooLarge when the upload or a zip's content exceeds the limits
     * @throws ValidationFailed when the input is unsafe or not CityGML
     */
    public Inspected inspect(InputStream body, String name) {
        long started = System.nanoTime();
        try (Spool spool = Spool.copy(
                body,
                name,
                "upload",
                config.maxUploadBytes(),
                "tc.inspection.max-upload-bytes",
                config.spoolDir().orElse(null),
                "tc-upload-",
                InspectionService::spoolName)) {
            PackageInspection inspection = inspector.inspect(spool.file());
            LOG.debugf(
                    "Inspected %s (%d bytes, %d CityGML files) in %d ms",
                    spool.file().getFileName(),
                    spool.bytes(),
                    inspection.files().size(),
                    (System.nanoTime() - started) / 1_000_000);
            return new Inspected(inspection, spool.zip(), spool.bytes());
        } catch (UnsafeInputException e) {
            String detail = "Refused as unsafe (" + e.reason() + "): " + e.getMessage();
            throw switch (e.reason()) {
                case ZIP_TOO_MANY_ENTRIES, ZIP_TOO_LARGE, ZIP_RATIO -> new PayloadTooLarge(detail);
                default -> new ValidationFailed(detail, List.of());
            };
        } catch (InvalidInputException e) {
            throw new ValidationFailed("Not CityGML: " + e.getMessage(), List.of());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof ZipException zip) {
                throw new ValidationFailed("Not a readable zip: " + zip.getMessage(), List.of());
            }
            throw e;
        }
    }

    /** A safe file name for the spooled upload: its given name's last segment, with the extension the content has. */
    static String spoolName(String name, boolean zip) {
        String base = Spool.safeBaseName(name);
        String lower = base.toLowerCase(java.util.Locale.ROOT);
        if (zip) {
            return (base.isEmpty() ? "upload" : base) + (lower.endsWith(".zip") ? "" : ".zip");
        }
        if (lower.endsWith(".zip")) {
            base = base.substring(0, base.length() - 4);
            lower = base.toLowerCase(java.util.Locale.ROOT);
        }
        if (base.isEmpty()) {
            base = "upload";
        }
        return lower.endsWith(".gml") || lower.endsWith(".xml") ? base : base + ".gml";
    }
}
