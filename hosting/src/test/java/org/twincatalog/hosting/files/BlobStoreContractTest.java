package org.twincatalog.hosting.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.twincatalog.catalog.PayloadTooLarge;

/**
 * What every {@link BlobStore} guarantees (extension point): content-addressed, immutable blobs,
 * stored once; an upload that fails or is too large leaves nothing behind. An implementation's
 * test extends this class and says how to make an empty store.
 */
public abstract class BlobStoreContractTest {
    private static final byte[] CONTENT = "<core:CityModel/>\n".repeat(1000).getBytes(StandardCharsets.UTF_8);

    private BlobStore store;

    /** A new, empty store. */
    protected abstract BlobStore newStore() throws IOException;

    /** How many blobs and partial files the store holds, to show a failed upload left none. */
    protected abstract long itemsStored() throws IOException;

    @BeforeEach
    void emptyStore() throws IOException {
        store = newStore();
    }

    @Test
    void put_keysTheBlobByItsSha256_andReadsBackTheSameBytes_wholeOrARange() throws IOException {
        BlobStore.StoredBlob stored = store.put(new ByteArrayInputStream(CONTENT), CONTENT.length);

        assertThat(stored.sha256()).isEqualTo(sha256(CONTENT));
        assertThat(stored.size()).isEqualTo(CONTENT.length);
        assertThat(stored.crc32()).isEqualTo(crc32(CONTENT));
        assertThat(stored.created()).isTrue();
        Blob blob = store.find(stored.sha256()).orElseThrow();
        assertThat(blob.size()).isEqualTo(CONTENT.length);
        try (InputStream in = blob.open(0, CONTENT.length)) {
            assertThat(in.readAllBytes()).isEqualTo(CONTENT);
        }
        try (InputStream in = blob.open(100, 50)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(CONTENT, 100, 150));
        }
    }

    @Test
    void theSameContentTwice_isStoredOnce() throws IOException {
        store.put(new ByteArrayInputStream(CONTENT), CONTENT.length);
        long items = itemsStored();

        BlobStore.StoredBlob again = store.put(new ByteArrayInputStream(CONTENT), CONTENT.length);

        assertThat(again.created()).isFalse();
        assertThat(again.sha256()).isEqualTo(sha256(CONTENT));
        assertThat(itemsStored()).isEqualTo(items);
    }

    @Test
    void contentOverTheLimit_isRefused_andLeavesNothingBehind() throws IOException {
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(CONTENT), CONTENT.length - 1))
                .isInstanceOf(PayloadTooLarge.class);

        assertThat(store.find(sha256(CONTENT))).isEmpty();
        assertThat(itemsStored()).isZero();
    }

    @Test
    void anUploadThatBreaksOff_leavesNothingBehind() throws IOException {
        InputStream breaksOff = new InputStream() {
            private int left = 10_000;

            @Override
            public int read() throws IOException {
                if (left-- <= 0) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };

        assertThatThrownBy(() -> store.put(breaksOff, 1_000_000)).isInstanceOf(UncheckedIOException.class);

        assertThat(itemsStored()).isZero();
    }

    @Test
    void delete_removesTheBlob_andAnUnknownKeyIsNoBlob() {
        BlobStore.StoredBlob stored = store.put(new ByteArrayInputStream(CONTENT), CONTENT.length);

        assertThat(store.delete(stored.sha256())).isTrue();
        assertThat(store.find(stored.sha256())).isEmpty();
        assertThat(store.delete(stored.sha256())).isFalse();
        assertThat(store.find("0".repeat(64))).isEmpty();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }
}
