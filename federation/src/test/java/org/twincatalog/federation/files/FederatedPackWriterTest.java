package org.twincatalog.federation.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;
import org.twincatalog.api.v1.model.PeerOutcome;
import org.twincatalog.federation.broker.PeerAnswer;

/** The peers' zips are untrusted input: their entry names and sizes are checked as they are copied. */
class FederatedPackWriterTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void entriesThatClimbOutOrAreAbsolute_areLeftOutAndReported_theRestCopiedUnderThePeer() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("pkg/udx/bldg/a.gml", "a");
        files.put("../../etc/passwd", "x");
        files.put("/abs.gml", "x");
        files.put("pkg/../../up.gml", "x");
        files.put("pkg\\win.gml", "x");
        files.put("pkg/udx/bldg/b.gml", "b");
        Map<String, byte[]> out = write(List.of(ok("city-a", zip(files))), 100);

        assertThat(out.keySet())
                .containsExactly("city-a/pkg/udx/bldg/a.gml", "city-a/pkg/udx/bldg/b.gml", "federation-pack.json");
        JsonNode manifest = json.readTree(out.get("federation-pack.json"));
        assertThat(manifest.at("/peers/0/leftOut")).hasSize(4);
        assertThat(manifest.at("/peers/0/entries").toString()).contains("pkg/udx/bldg/a.gml");
    }

    @Test
    void entriesPastTheMostAPackHolds_areLeftOut_andAFailedPeerIsOnlyInTheManifest() throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            files.put("pkg/f" + i + ".gml", "content " + i);
        }
        PeerAnswer<HttpResponse<InputStream>> failed = new PeerAnswer<>(
                new PeerOutcome()
                        .peer("city-b")
                        .outcome(PeerOutcome.OutcomeEnum.TIMEOUT)
                        .detail("no answer within the deadline"),
                null);
        Map<String, byte[]> out = write(List.of(ok("city-a", zip(files)), failed), 3);

        assertThat(out).hasSize(4);
        assertThat(new String(out.get("city-a/pkg/f0.gml"), StandardCharsets.UTF_8))
                .isEqualTo("content 0");
        JsonNode manifest = json.readTree(out.get("federation-pack.json"));
        assertThat(manifest.at("/peers/0/leftOut")).hasSize(2);
        assertThat(manifest.at("/peers/1/outcome").asText()).isEqualTo("timeout");
        assertThat(manifest.at("/peers/1/entries").isMissingNode()).isTrue();
    }

    @Test
    void aPeerBodyThatBreaksOff_failsTheWholePack_ratherThanShortenAFile() throws IOException {
        byte[] whole = zip(Map.of("pkg/big.gml", "y".repeat(10_000)));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> write(List.of(ok("city-a", cut)), 10)).isInstanceOf(IOException.class);
    }

    private Map<String, byte[]> write(List<PeerAnswer<HttpResponse<InputStream>>> answers, int max) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (StallGuard guard = new StallGuard(Duration.ofSeconds(5))) {
            new FederatedPackWriter(false, 1, 8192, max, json).write(answers, guard, sink);
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(sink.toByteArray()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    /** A zip of STORED entries, as a peer's pack asked for with compression=stored. */
    private static byte[] zip(Map<String, String> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var f : files.entrySet()) {
                byte[] content = f.getValue().getBytes(StandardCharsets.UTF_8);
                ZipEntry e = new ZipEntry(f.getKey());
                CRC32 crc = new CRC32();
                crc.update(content);
                e.setMethod(ZipEntry.STORED);
                e.setSize(content.length);
                e.setCompressedSize(content.length);
                e.setCrc(crc.getValue());
                zip.putNextEntry(e);
                zip.write(content);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static PeerAnswer<HttpResponse<InputStream>> ok(String peer, byte[] body) {
        return new PeerAnswer<>(
                new PeerOutcome().peer(peer).outcome(PeerOutcome.OutcomeEnum.OK).status(200),
                new Answer(new ByteArrayInputStream(body)));
    }

    private record Answer(InputStream body) implements HttpResponse<InputStream> {
        @Override
        public int statusCode() {
            return 200;
        }

        @Override
        public HttpRequest request() {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).build();
        }

        @Override
        public Optional<HttpResponse<InputStream>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return HttpHeaders.of(Map.of(), (a, b) -> true);
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return URI.create("http://127.0.0.1/");
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
