package org.twincatalog.hosting.files;

import java.io.InputStream;
import java.util.Optional;

/**
 * Extension point: where the node keeps the bytes of hosted files (distribution uploads and the
 * files of registered packages). Blobs are immutable and addressed by the lower-case hex SHA-256 of
 * their content, so the same content is stored once and a key never changes its bytes.
 *
 * <p>The default implementation is {@link FilesystemBlobStore} (a folder under {@code tc.data-dir});
 * another store (an object store, a shared volume) is a CDI bean of this type with a higher
 * priority ({@code @Alternative @Priority}). It must keep the {@link #put} guarantee: an upload that
 * fails, is interrupted or exceeds its limit leaves no blob and no partial file behind. Which
 * dataset a blob belongs to, and so who may read it, is recorded in the database, never here.
 * Implementations are thread-safe.
 */
public interface BlobStore {
    /**
     * Streams {@code content} to the store, computing its SHA-256 (and CRC-32) on the way, and
     * makes it visible only once complete. Reads {@code content} to its end; does not close it.
     *
     * @param maxBytes the most bytes accepted
     * @throws org.twincatalog.catalog.PayloadTooLarge when the content has more than {@code maxBytes}
     * @throws java.io.UncheckedIOException when reading or writing fails (nothing is kept)
     */
    StoredBlob put(InputStream content, long maxBytes);

    /** The blob with this key, or empty when there is none. */
    Optional<Blob> find(String sha256);

    /** Deletes the blob; false when there was none. Callers delete only blobs nothing refers to. */
    boolean delete(String sha256);

    /**
     * What {@link #put} stored.
     *
     * @param sha256 the key: lower-case hex SHA-256 of the content
     * @param size the content's length in bytes
     * @param crc32 the CRC-32 of the content (what a STORED zip entry needs)
     * @param created true when this call added the blob, false when the store already had it
     */
    record StoredBlob(String sha256, long size, long crc32, boolean created) {}
}
