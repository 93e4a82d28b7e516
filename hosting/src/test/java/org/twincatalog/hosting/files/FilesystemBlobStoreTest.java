package org.twincatalog.hosting.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;

/** The default blob store, a folder on disk, keeps the {@link BlobStore} contract. */
class FilesystemBlobStoreTest extends BlobStoreContractTest {
    @TempDir
    Path folder;

    private Path root;

    @Override
    protected BlobStore newStore() throws IOException {
        root = Files.createTempDirectory(folder, "blobs-");
        return new FilesystemBlobStore(root, 8192);
    }

    @Override
    protected long itemsStored() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }
}
