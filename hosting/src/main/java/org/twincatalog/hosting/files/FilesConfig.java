package org.twincatalog.hosting.files;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Hosted files and packages. Keys under {@code tc.files}. */
@ConfigMapping(prefix = "tc.files")
public interface FilesConfig {
    /** Where {@link FilesystemBlobStore} keeps blobs; default {@code <tc.data-dir>/files}. */
    Optional<String> dir();

    /**
     * The largest upload of a distribution file or a package zip, in bytes (413 above, checked on
     * {@code Content-Length} and again while streaming). Keep it at or below {@code
     * quarkus.http.limits.max-body-size}.
     */
    @WithDefault("2147483648")
    long maxUploadBytes();

    /** The buffer used when a blob cannot be sent zero-copy (remote stores, packs), in bytes. */
    @WithDefault("262144")
    int bufferBytes();

    /** Packs. */
    Pack pack();

    /** Keys under {@code tc.files.pack}. */
    interface Pack {
        /** The most files one pack may hold (400 above). */
        @WithDefault("10000")
        int maxFiles();

        /** The deflate level of {@code compression=deflate} packs (1 fastest .. 9 smallest). */
        @WithDefault("1")
        int deflateLevel();
    }
}
