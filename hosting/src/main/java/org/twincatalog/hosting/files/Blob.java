package org.twincatalog.hosting.files;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/** One stored blob of a {@link BlobStore}. */
public interface Blob {
    /** The lower-case hex SHA-256 of the content (the key). */
    String sha256();

    /** The length in bytes. */
    long size();

    /**
     * Opens the bytes {@code offset} to {@code offset + length - 1}. The caller closes the stream.
     *
     * @throws java.io.UncheckedIOException when the blob cannot be read
     */
    InputStream open(long offset, long length);

    /**
     * The blob as a local file, when the store keeps it as one: downloads then hand the file to
     * the server's zero-copy path ({@code sendfile}). Empty for remote stores, which are streamed.
     */
    default Optional<Path> localFile() {
        return Optional.empty();
    }
}
