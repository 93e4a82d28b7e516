package org.twincatalog.hosting.files;

import jakarta.enterprise.context.ApplicationScoped;
import org.twincatalog.catalog.web.UploadPaths;

/** The file and package uploads, under {@code tc.files.max-upload-bytes} ({@link FileUploadLimit}). */
@ApplicationScoped
public class FileUploadPaths implements UploadPaths {
    @Override
    public boolean isUpload(String path) {
        return FileUploadLimit.isUpload(path);
    }
}
