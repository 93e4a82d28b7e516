package org.twincatalog.hosting.inspection;

import jakarta.enterprise.context.ApplicationScoped;
import org.twincatalog.catalog.web.UploadPaths;

/** The inspection uploads, under {@code tc.inspection.max-upload-bytes} ({@link UploadLimit}). */
@ApplicationScoped
public class InspectionUploadPaths implements UploadPaths {
    @Override
    public boolean isUpload(String path) {
        return UploadLimit.isUpload(path);
    }
}
