package org.twincatalog.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twincatalog.node.support.LocalTokens;
import org.twincatalog.node.support.NodeProcess;

/**
 * The packaged node, with a 256 MB heap, takes a 600 MB chunked JSON body (no Content-Length)
 * without holding it: it answers 413 (or closes the connection) after the first megabyte, runs out
 * of no memory, and goes on answering.
 */
class ChunkedBodyMemoryIT {
    private static final long BODY_BYTES = 600L << 20;

    @TempDir
    Path dataDir;

    @Test
    void aChunkedBodyLargerThanTheHeap_isRefusedWhileItStreams_andTheNodeLivesOn() throws Exception {
        try (NodeProcess node = new NodeProcess(dataDir, Map.of()).start()) {
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest request = HttpRequest.newBuilder(node.base().resolve("api/v1/datasets"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + LocalTokens.publisherOf("seoul-mapo"))
                    .POST(HttpRequest.BodyPublishers.ofInputStream(ChunkedBodyMemoryIT::hugeTitle))
                    .build();

            Integer status;
            try {
                status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException closedWhileSending) {
                status = null; // the node answered and closed before the client finished sending
            }

            if (status != null) {
                assertThat(status).isEqualTo(413);
            }
            HttpResponse<String> after = http.send(
                    HttpRequest.newBuilder(node.base().resolve("api/v1/catalog"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(after.statusCode()).isEqualTo(200);
            assertThat(Files.readString(node.log())).doesNotContain("OutOfMemoryError");
        }
    }

    /** {"publisher":"seoul-mapo","title":{"en":"aaaa… (600 MB)"}}, made as it is read. */
    private static InputStream hugeTitle() {
        byte[] head = "{\"publisher\":\"seoul-mapo\",\"title\":{\"en\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) 'a');
        return new InputStream() {
            private long position;
            private final long length = head.length + BODY_BYTES + tail.length;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (position >= length) {
                    return -1;
                }
                int n;
                if (position < head.length) {
                    n = (int) Math.min(len, head.length - position);
                    System.arraycopy(head, (int) position, b, off, n);
                } else if (position < head.length + BODY_BYTES) {
                    n = (int) Math.min(Math.min(len, block.length), head.length + BODY_BYTES - position);
                    System.arraycopy(block, 0, b, off, n);
                } else {
                    int at = (int) (position - head.length - BODY_BYTES);
                    n = Math.min(len, tail.length - at);
                    System.arraycopy(tail, at, b, off, n);
                }
                position += n;
                return n;
            }
        };
    }
}
