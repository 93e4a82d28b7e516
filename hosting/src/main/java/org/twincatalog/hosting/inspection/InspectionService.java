package org.twincatalog.hosting.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.InputStream;
import org.jboss.logging.Logger;
import org.twincatalog.catalog.PayloadTooLarge;
import org.twincatalog.hosting.files.Spool;
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
     * @throws PayloadTooLarge when the upload exceeds its limit
     * @throws org.twincatalog.standards.StandardsException when a zip's content exceeds the limits,
     *     or the input is unsafe or not CityGML (each says its kind)
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
