package org.twincatalog.catalog.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.twincatalog.catalog.error.PayloadTooLarge;

/**
 * An upload copied to a temporary file of its own, in chunks and never whole in memory, refused
 * with {@link PayloadTooLarge} as soon as it passes the limit. Closing deletes the file and its
 * folder, so a try-with-resources leaves nothing behind whatever happens.
 */
final class UploadSpool implements AutoCloseable {
    private static final int CHUNK = 1 << 16;
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final Path folder;
    private final Path file;
    private final boolean zip;
    private final long bytes;

    private UploadSpool(Path folder, Path file, boolean zip, long bytes) {
        this.folder = folder;
        this.file = file;
        this.zip = zip;
        this.bytes = bytes;
    }

    /**
     * Copies {@code body} to a new temporary folder under {@code parent} (the system temp folder
     * when null). A zip is told by its first bytes, whatever the name or media type say; the file is
     * named after {@code name} (its last path segment, with safe characters only) so that the
     * inspector reads PLATEAU naming from it.
     */
    static UploadSpool copy(InputStream body, String name, long maxBytes, Path parent) {
        Path folder = null;
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
            folder = parent == null
                    ? Files.createTempDirectory("tc-upload-")
                    : Files.createTempDirectory(parent, "tc-upload-");
            Path part = folder.resolve("upload.part");
            long count = 0;
            byte[] head = new byte[4];
            int headLength = 0;
            try (OutputStream out = Files.newOutputStream(part)) {
                byte[] buffer = new byte[CHUNK];
                for (int n; (n = body.read(buffer)) >= 0; ) {
                    count += n;
                    if (count > maxBytes) {
                        throw new PayloadTooLarge("The upload is larger than the " + maxBytes
                                + " bytes this node accepts (tc.inspection.max-upload-bytes)");
                    }
                    for (int i = 0; i < n && headLength < head.length; i++) {
                        head[headLength++] = buffer[i];
                    }
                    out.write(buffer, 0, n);
                }
            }
            boolean zip = headLength == 4 && java.util.Arrays.equals(head, ZIP_MAGIC);
            Path file = Files.move(part, folder.resolve(fileName(name, zip)));
            return new UploadSpool(folder, file, zip, count);
        } catch (IOException e) {
            delete(folder);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(folder);
            throw e;
        }
    }

    Path file() {
        return file;
    }

    boolean zip() {
        return zip;
    }

    long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        delete(folder);
    }

    /** A safe file name: the last segment of {@code name}, with the extension the content has. */
    static String fileName(String name, boolean zip) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._-]", "_");
        base = base.replaceFirst("^[._]+", "");
        if (base.length() > 200) {
            base = base.substring(base.length() - 200);
        }
        String lower = base.toLowerCase(Locale.ROOT);
        if (zip) {
            return (base.isEmpty() ? "upload" : base) + (lower.endsWith(".zip") ? "" : ".zip");
        }
        if (lower.endsWith(".zip")) {
            base = base.substring(0, base.length() - 4);
            lower = base.toLowerCase(Locale.ROOT);
        }
        if (base.isEmpty()) {
            base = "upload";
        }
        return lower.endsWith(".gml") || lower.endsWith(".xml") ? base : base + ".gml";
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the upload spool " + folder, e);
        }
    }
}
