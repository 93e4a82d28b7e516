package org.twincatalog.hosting.packages;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.twincatalog.hosting.files.Blob;

/**
 * Writes a zip of package files straight to the response: entry {@code <package>/<path>} per
 * file, no temporary copy. STORED entries take their size and CRC-32 from the index (recorded when
 * the package was stored), so each file is read once either way.
 */
final class PackWriter {
    /** How entries are stored. */
    enum Compression {
        DEFLATE,
        STORED;

        static Compression parse(String value) {
            if (value == null || value.isBlank() || value.equalsIgnoreCase("deflate")) {
                return DEFLATE;
            }
            if (value.equalsIgnoreCase("stored")) {
                return STORED;
            }
            throw org.twincatalog.catalog.BadParameter.query("compression", "must be deflate or stored");
        }
    }

    /** Opens the bytes of a file. */
    interface Blobs {
        Blob of(PackageFileEntity file);
    }

    private final Compression compression;
    private final int deflateLevel;
    private final int bufferBytes;

    PackWriter(Compression compression, int deflateLevel, int bufferBytes) {
        this.compression = compression;
        this.deflateLevel = deflateLevel;
        this.bufferBytes = bufferBytes;
    }

    void write(List<PackageFileEntity> files, Blobs blobs, OutputStream response) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(response, bufferBytes));
        zip.setLevel(deflateLevel);
        byte[] buffer = new byte[bufferBytes];
        java.util.Map<String, String> written = new java.util.HashMap<>();
        for (PackageFileEntity f : files) {
            String name = f.entryName();
            String before = written.putIfAbsent(name, f.sha256);
            if (before != null) {
                if (before.equals(f.sha256)) {
                    continue; // the same package registered twice: one copy is enough
                }
                name = f.packageName + "." + f.datasetId + "/" + f.path; // another package of the same name
            }
            ZipEntry entry = new ZipEntry(name);
            if (compression == Compression.STORED) {
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(f.byteSize);
                entry.setCompressedSize(f.byteSize);
                entry.setCrc(f.crc32);
            }
            zip.putNextEntry(entry);
            Blob blob = blobs.of(f);
            try (InputStream in = blob.open(0, blob.size())) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    zip.write(buffer, 0, n);
                }
            }
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }
}
