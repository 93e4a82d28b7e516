package org.twincatalog.federation.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.twincatalog.api.v1.model.PeerOutcome;
import org.twincatalog.federation.broker.PeerAnswer;

/**
 * Copies the peers' packs (zips of STORED entries, as asked) entry by entry into one zip, each
 * entry under its peer's id, while they arrive: one buffer is all that is held. A peer's entry
 * names are untrusted: a name that is absolute, climbs out ({@code ..}), or holds a backslash or a
 * control character is left out and reported, as are entries past the most a pack may hold. The
 * last entry, {@value #MANIFEST}, lists every peer's outcome and what it gave.
 *
 * <p>A peer whose body breaks off in the middle of an entry cannot be finished honestly (the
 * entry's bytes are half sent), so the whole answer fails there: the caller gets a broken zip
 * rather than a silently short file.
 */
public final class FederatedPackWriter {
    static final String MANIFEST = "federation-pack.json";
    private static final Pattern SAFE_NAME = Pattern.compile("^(?!/)(?!.*(^|/)\\.\\.?(/|$))[^\\\\\\p{Cntrl}]{1,400}$");

    private final boolean stored;
    private final int deflateLevel;
    private final int bufferBytes;
    private final int maxEntries;
    private final ObjectMapper json;

    FederatedPackWriter(boolean stored, int deflateLevel, int bufferBytes, int maxEntries, ObjectMapper json) {
        this.stored = stored;
        this.deflateLevel = deflateLevel;
        this.bufferBytes = bufferBytes;
        this.maxEntries = maxEntries;
        this.json = json;
    }

    void write(List<PeerAnswer<HttpResponse<InputStream>>> answers, StallGuard guard, OutputStream response)
            throws IOException {
        ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(response, bufferBytes));
        zip.setLevel(deflateLevel);
        byte[] buffer = new byte[bufferBytes];
        ObjectNode manifest = json.createObjectNode();
        ArrayNode peers = manifest.putArray("peers");
        int entries = 0;
        try {
            for (int i = 0; i < answers.size(); i++) {
                PeerAnswer<HttpResponse<InputStream>> answer = answers.get(i);
                PeerOutcome outcome = answer.outcome();
                ObjectNode peer = peers.addObject().put("peer", outcome.getPeer());
                peer.put("outcome", outcome.getOutcome().value());
                if (outcome.getStatus() != null) {
                    peer.put("status", outcome.getStatus());
                }
                if (outcome.getDetail() != null) {
                    peer.put("detail", outcome.getDetail());
                }
                if (!answer.ok()) {
                    continue;
                }
                ArrayNode given = peer.putArray("entries");
                ArrayNode refused = json.createArrayNode();
                try (ZipInputStream in =
                        new ZipInputStream(guard.guard(answer.page().body()))) {
                    for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                        if (e.isDirectory()) {
                            continue;
                        }
                        if (!SAFE_NAME.matcher(e.getName()).matches()) {
                            refused.addObject()
                                    .put("entry", printable(e.getName()))
                                    .put("reason", "not a safe relative path");
                            continue;
                        }
                        if (entries >= maxEntries) {
                            refused.addObject()
                                    .put("entry", e.getName())
                                    .put("reason", "the pack holds at most " + maxEntries + " files");
                            continue;
                        }
                        copy(outcome.getPeer() + "/" + e.getName(), e, in, zip, buffer);
                        given.add(e.getName());
                        entries++;
                    }
                }
                if (!refused.isEmpty()) {
                    peer.set("leftOut", refused);
                }
            }
            ZipEntry m = new ZipEntry(MANIFEST);
            zip.putNextEntry(m);
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            zip.closeEntry();
            zip.finish();
            zip.flush();
        } finally {
            for (PeerAnswer<HttpResponse<InputStream>> a : answers) {
                if (a.ok()) {
                    PeerHttp.discard(a.page());
                }
            }
        }
    }

    /** One entry; STORED needs its size and CRC first, which a peer's STORED entry carries. */
    private void copy(String name, ZipEntry from, ZipInputStream in, ZipOutputStream zip, byte[] buffer)
            throws IOException {
        ZipEntry to = new ZipEntry(name);
        if (from.getLastModifiedTime() != null) {
            to.setLastModifiedTime(from.getLastModifiedTime());
        }
        boolean storeIt = stored && from.getSize() >= 0 && from.getCrc() >= 0;
        if (storeIt) {
            to.setMethod(ZipEntry.STORED);
            to.setSize(from.getSize());
            to.setCompressedSize(from.getSize());
            to.setCrc(from.getCrc());
        }
        zip.putNextEntry(to);
        CRC32 crc = new CRC32();
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            zip.write(buffer, 0, n);
            crc.update(buffer, 0, n);
        }
        zip.closeEntry();
        if (from.getCrc() >= 0 && crc.getValue() != from.getCrc()) {
            throw new IOException("entry " + name + " arrived damaged (CRC-32 mismatch)");
        }
    }

    private static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(200).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
