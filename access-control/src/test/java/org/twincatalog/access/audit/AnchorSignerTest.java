package org.twincatalog.access.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnchorSignerTest {
    private static final AuditAnchor HEAD = new AuditAnchor(42, "ab".repeat(32));
    private static final Instant AT = Instant.parse("2026-12-05T10:00:00.123456Z");

    @TempDir
    Path dir;

    @Test
    void signedHead_verifies_andSurvivesARestart() {
        AnchorSigner signer = new AnchorSigner(AnchorSigner.loadOrCreate(dir), "city-mapo");
        AnchorSigner.SignedHead head = signer.sign(HEAD, AT);
        assertThat(head.time()).isEqualTo(Instant.parse("2026-12-05T10:00:00.123Z"));
        assertThat(signer.verify(head)).isTrue();

        AnchorSigner restarted = new AnchorSigner(AnchorSigner.loadOrCreate(dir), "city-mapo");
        assertThat(restarted.keyId()).isEqualTo(signer.keyId());
        assertThat(restarted.verify(head)).isTrue();
    }

    @Test
    void alteredHead_orAnotherKey_orAnotherNode_isRefused() {
        AnchorSigner signer = new AnchorSigner(AnchorSigner.loadOrCreate(dir), "city-mapo");
        AnchorSigner.SignedHead h = signer.sign(HEAD, AT);
        assertThat(signer.verify(
                        new AnchorSigner.SignedHead(41, h.hash(), h.time(), h.node(), h.keyId(), h.signature())))
                .isFalse();
        assertThat(signer.verify(new AnchorSigner.SignedHead(
                        h.sequence(), "cd".repeat(32), h.time(), h.node(), h.keyId(), h.signature())))
                .isFalse();
        assertThat(signer.verify(new AnchorSigner.SignedHead(
                        h.sequence(), h.hash(), h.time().plusMillis(1), h.node(), h.keyId(), h.signature())))
                .isFalse();
        assertThat(signer.verify(new AnchorSigner.SignedHead(
                        h.sequence(), h.hash(), h.time(), h.node(), h.keyId(), "not base64!")))
                .isFalse();

        AnchorSigner other = new AnchorSigner(AnchorSigner.loadOrCreate(dir.resolve("other")), "city-mapo");
        assertThat(signer.verify(other.sign(HEAD, AT))).isFalse();
        AnchorSigner sameKeyOtherNode = new AnchorSigner(AnchorSigner.loadOrCreate(dir), "city-gangnam");
        assertThat(signer.verify(sameKeyOtherNode.sign(HEAD, AT))).isFalse();
    }

    @Test
    void keyFiles_areCreatedOnce_privateOneForTheOwnerOnly() throws Exception {
        KeyPair first = AnchorSigner.loadOrCreate(dir);
        KeyPair again = AnchorSigner.loadOrCreate(dir);
        assertThat(again.getPublic().getEncoded()).isEqualTo(first.getPublic().getEncoded());
        assertThat(Files.getPosixFilePermissions(dir.resolve("audit-anchor-ed25519.key")))
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    @Test
    void jwk_isAnOkpEd25519Key_withItsThumbprintAsKid() {
        AnchorSigner signer = new AnchorSigner(AnchorSigner.loadOrCreate(dir), "city-mapo");
        assertThat(signer.jwk())
                .containsEntry("kty", "OKP")
                .containsEntry("crv", "Ed25519")
                .containsEntry("kid", signer.keyId());
        assertThat(java.util.Base64.getUrlDecoder().decode(signer.jwk().get("x")))
                .hasSize(32);
    }
}
