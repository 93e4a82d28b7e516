package org.twincatalog.catalog.plateau;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.twincatalog.catalog.error.PayloadTooLarge;
import org.twincatalog.catalog.error.ValidationFailed;

/**
 * A package upload copied to a temporary folder of its own in chunks, refused as soon as it passes
 * the limit; it must be a zip (checked on its first bytes). Closing deletes the folder, so a
 * try-with-resources leaves nothing behind whatever happens.
 */
final class PackageSpool implements AutoCloseable {
    private static final int CHUNK = 1 << 16;

    private final Path folder;
    private final Path file;
    private final long bytes;

    private PackageSpool(Path folder, Path file, long bytes) {
        this.folder = folder;
        this.file = file;
        this.bytes = bytes;
    }

    /** Copies {@code body} to {@code <parent>/tc-package-*}/{@code <name>.zip} (system temp folder when null). */
    static PackageSpool copy(InputStream body, String name, long maxBytes, Path parent) {
        Path folder = null;
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
            folder = parent == null
                    ? Files.createTempDirectory("tc-package-")
                    : Files.createTempDirectory(parent, "tc-package-");
            Path file = folder.resolve(fileName(name));
            long count = 0;
            byte[] head = new byte[4];
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[CHUNK];
                for (int n; (n = body.read(buffer)) >= 0; ) {
                    if (count < 4) {
                        System.arraycopy(buffer, 0, head, (int) count, (int) Math.min(n, 4 - count));
                    }
                    count += n;
                    if (count > maxBytes) {
                        throw new PayloadTooLarge("The package is larger than the " + maxBytes
                                + " bytes this node accepts (tc.files.max-upload-bytes)");
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (count < 4 || head[0] != 'P' || head[1] != 'K' || head[2] != 3 || head[3] != 4) {
                throw new ValidationFailed("A package must be a zip", java.util.List.of());
            }
            return new PackageSpool(folder, file, count);
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

    long bytes() {
        return bytes;
    }

    @Override
    public void close() {
        delete(folder);
    }

    /** The last segment of {@code name} with safe characters, ending in .zip (the inspector reads PLATEAU naming from it). */
    static String fileName(String name) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1)
                .replaceAll("[^A-Za-z0-9._-]", "_")
                .replaceFirst("^[._]+", "");
        if (base.length() > 200) {
            base = base.substring(base.length() - 200);
        }
        base = base.replaceFirst("(?i)\\.zip$", "");
        return (base.isEmpty() ? "package" : base) + ".zip";
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // best effort; the folder is under the spool dir
        }
    }
}
