package org.twincatalog.hosting.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.twincatalog.catalog.PayloadTooLarge;

/**
 * An uploaded body copied to a temporary folder of its own, in chunks and never whole in memory,
 * refused with {@link PayloadTooLarge} as soon as it passes the limit. A zip is told by its first
 * bytes, whatever the name or media type say. Closing deletes the folder, so a
 * try-with-resources leaves nothing behind whatever happens. Used by inspection (CityGML or a
 * zip) and package registration (a zip).
 */
public final class Spool implements AutoCloseable {
    private static final int CHUNK = 1 << 16;
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    /** Names the spooled file from the name the uploader gave and whether the content is a zip. */
    @FunctionalInterface
    public interface Naming {
        String fileName(String given, boolean zip);
    }

    private final Path folder;
    private final Path file;
    private final boolean zip;
    private final long bytes;

    private Spool(Path folder, Path file, boolean zip, long bytes) {
        this.folder = folder;
        this.file = file;
        this.zip = zip;
        this.bytes = bytes;
    }

    /**
     * Copies {@code body} to a new folder {@code <parent>/<prefix>*} (the system temp folder when
     * {@code parent} is null), naming the file with {@code naming}.
     *
     * @param what what the body is, in the 413 ("upload", "package")
     * @param limitName the setting that sets {@code maxBytes}, named in the 413
     */
    public static Spool copy(
            InputStream body,
            String name,
            String what,
            long maxBytes,
            String limitName,
            Path parent,
            String prefix,
            Naming naming) {
        Path folder = null;
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
            folder = parent == null ? Files.createTempDirectory(prefix) : Files.createTempDirectory(parent, prefix);
            Path part = folder.resolve("upload.part");
            long count = 0;
            byte[] head = new byte[4];
            int headLength = 0;
            try (OutputStream out = Files.newOutputStream(part)) {
                byte[] buffer = new byte[CHUNK];
                for (int n; (n = body.read(buffer)) >= 0; ) {
                    count += n;
                    if (count > maxBytes) {
                        throw new PayloadTooLarge("The " + what + " is larger than the " + maxBytes
                                + " bytes this node accepts (" + limitName + ")");
                    }
                    for (int i = 0; i < n && headLength < head.length; i++) {
                        head[headLength++] = buffer[i];
                    }
                    out.write(buffer, 0, n);
                }
            }
            boolean zip = headLength == 4 && Arrays.equals(head, ZIP_MAGIC);
            Path file = Files.move(part, folder.resolve(naming.fileName(name, zip)));
            return new Spool(folder, file, zip, count);
        } catch (IOException e) {
            delete(folder);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(folder);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public boolean zip() {
        return zip;
    }

    public long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        delete(folder);
    }

    /**
     * The last segment of {@code name} with safe characters only (letters, digits, {@code ._-}),
     * no leading dots or underscores, at most 200 characters; empty when nothing is left.
     */
    public static String safeBaseName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1)
                .replaceAll("[^A-Za-z0-9._-]", "_")
                .replaceFirst("^[._]+", "");
        if (base.length() > 200) {
            base = base.substring(base.length() - 200);
        }
        return base;
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
            // best effort: the folder is under the spool folder, which is the node's own
        }
    }
}
