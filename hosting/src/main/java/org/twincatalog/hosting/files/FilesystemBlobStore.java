package org.twincatalog.hosting.files;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.jboss.logging.Logger;
import org.twincatalog.catalog.PayloadTooLarge;
import org.twincatalog.catalog.config.DataDirectory;

/**
 * The default {@link BlobStore}: files under {@code tc.files.dir} (default {@code
 * <tc.data-dir>/files}), {@code blobs/<first two hex digits>/<sha256>}. An upload is written to
 * {@code tmp/} and renamed into place atomically once complete and hashed, so a reader never sees
 * a partial blob; whatever is left in {@code tmp/} by a crash is deleted at startup.
 */
@ApplicationScoped
public class FilesystemBlobStore implements BlobStore {
    private static final Logger LOG = Logger.getLogger(FilesystemBlobStore.class);
    private static final Pattern KEY = Pattern.compile("^[0-9a-f]{64}$");

    private final Path blobs;
    private final Path tmp;
    private final int bufferBytes;

    @jakarta.inject.Inject
    public FilesystemBlobStore(FilesConfig config, DataDirectory dataDir) {
        this(dataDir.resolve(config.dir(), "files"), config.bufferBytes());
    }

    /** A store rooted at {@code root} (created if missing). */
    public FilesystemBlobStore(Path root, int bufferBytes) {
        this.blobs = root.resolve("blobs");
        this.tmp = root.resolve("tmp");
        this.bufferBytes = bufferBytes;
        try {
            Files.createDirectories(blobs);
            Files.createDirectories(tmp);
            clearTemporaryFiles();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the blob store at " + root.toAbsolutePath(), e);
        }
    }

    @Override
    public StoredBlob put(InputStream content, long maxBytes) {
        Path part = null;
        try {
            part = Files.createTempFile(tmp, "upload-", ".part");
            MessageDigest sha = sha256();
            CRC32 crc = new CRC32();
            long size = 0;
            try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[bufferBytes];
                for (int n; (n = content.read(buffer)) >= 0; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw new PayloadTooLarge(
                                "The file is larger than the " + maxBytes + " bytes this node accepts");
                    }
                    sha.update(buffer, 0, n);
                    crc.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            String key = HexFormat.of().formatHex(sha.digest());
            Path target = pathOf(key);
            Files.createDirectories(target.getParent());
            boolean created = !Files.exists(target);
            if (created) {
                move(part, target);
            } else {
                Files.delete(part);
            }
            part = null;
            return new StoredBlob(key, size, crc.getValue(), created);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(part);
        }
    }

    @Override
    public Optional<Blob> find(String sha256) {
        if (sha256 == null || !KEY.matcher(sha256).matches()) {
            return Optional.empty();
        }
        Path file = pathOf(sha256);
        try {
            return Optional.of(new FileBlob(sha256, Files.size(file), file));
        } catch (java.nio.file.NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean delete(String sha256) {
        if (sha256 == null || !KEY.matcher(sha256).matches()) {
            return false;
        }
        try {
            return Files.deleteIfExists(pathOf(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The temporary folder uploads are written to before they are complete. */
    Path temporaryFolder() {
        return tmp;
    }

    private Path pathOf(String key) {
        return blobs.resolve(key.substring(0, 2)).resolve(key);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void clearTemporaryFiles() throws IOException {
        try (Stream<Path> left = Files.list(tmp)) {
            for (Path p : left.toList()) {
                LOG.infof("Deleting an unfinished upload left by an earlier run: %s", p.getFileName());
                deleteQuietly(p);
            }
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                LOG.warnf("Could not delete %s: %s", p, e.getMessage());
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A blob kept as a local file. */
    private record FileBlob(String sha256, long size, Path file) implements Blob {
        @Override
        public InputStream open(long offset, long length) {
            try {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                channel.position(offset);
                return new BoundedInputStream(Channels.newInputStream(channel), length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Optional<Path> localFile() {
            return Optional.of(file);
        }
    }
}
