package org.twincatalog.hosting.files;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.resteasy.reactive.PathPart;
import org.twincatalog.catalog.web.ProblemType;
import org.twincatalog.catalog.web.Problems;

/**
 * Answers a download of a {@link Blob}: the whole file or one range, with ETag (the SHA-256),
 * {@code Repr-Digest}/{@code Digest}, {@code Accept-Ranges}, {@code Content-Disposition}, and the
 * conditional requests {@code If-None-Match} (304) and {@code If-Range}. A local file is handed to
 * the server as a {@link PathPart}, which Vert.x sends with {@code sendfile} (zero-copy); other
 * blobs are streamed through one buffer.
 */
public final class FileResponses {
    private final int bufferBytes;

    public FileResponses(int bufferBytes) {
        this.bufferBytes = bufferBytes;
    }

    /** What the request asked for: its conditional and range headers. */
    public record Request(String range, String ifRange, String ifNoneMatch, String path) {}

    public Response serve(Blob blob, String mediaType, String fileName, Request request) {
        String etag = "\"" + blob.sha256() + "\"";
        if (request.ifNoneMatch() != null && matchesAny(request.ifNoneMatch(), blob.sha256())) {
            return Response.notModified().header(HttpHeaders.ETAG, etag).build();
        }
        long size = blob.size();
        Optional<ByteRange> range;
        try {
            range = rangeApplies(request.ifRange(), etag) ? ByteRange.parse(request.range(), size) : Optional.empty();
        } catch (ByteRange.Unsatisfiable e) {
            return Response.fromResponse(Problems.response(
                            ProblemType.RANGE_NOT_SATISFIABLE,
                            "The file has " + size + " bytes; the range '" + request.range() + "' selects none of them",
                            request.path()))
                    .header("Content-Range", "bytes */" + size)
                    .header("Accept-Ranges", "bytes")
                    .build();
        }
        long offset = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(size);
        Response.ResponseBuilder builder = Response.status(range.isPresent() ? 206 : 200)
                .entity(body(blob, offset, length))
                .type(mediaType == null ? "application/octet-stream" : mediaType)
                .header(HttpHeaders.ETAG, etag)
                .header("Accept-Ranges", "bytes")
                .header("Repr-Digest", "sha-256=:" + base64(blob.sha256()) + ":")
                .header("Digest", "sha-256=" + base64(blob.sha256()))
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(HttpHeaders.CONTENT_LENGTH, length);
        if (fileName != null) {
            builder.header("Content-Disposition", disposition(fileName));
        }
        range.ifPresent(r -> builder.header("Content-Range", r.contentRange(size)));
        return builder.build();
    }

    private Object body(Blob blob, long offset, long length) {
        Optional<java.nio.file.Path> file = blob.localFile();
        if (file.isPresent()) {
            return new PathPart(file.get(), offset, length);
        }
        return (StreamingOutput) out -> copy(blob, offset, length, out);
    }

    private void copy(Blob blob, long offset, long length, OutputStream out) throws java.io.IOException {
        try (InputStream in = blob.open(offset, length)) {
            byte[] buffer = new byte[bufferBytes];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
            }
        }
    }

    /** If-Range: the range applies when there is none or it names the current ETag (strong comparison). */
    private static boolean rangeApplies(String ifRange, String etag) {
        return ifRange == null || ifRange.isBlank() || ifRange.trim().equals(etag);
    }

    /** If-None-Match: {@code *} or a list of entity tags, compared weakly. */
    static boolean matchesAny(String header, String sha256) {
        for (String tag : header.split(",")) {
            String t = tag.trim();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("\"" + sha256 + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static String base64(String hex) {
        return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
    }

    /** {@code attachment} with an ASCII fallback and the RFC 8187 UTF-8 name. */
    static String disposition(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded =
                java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
