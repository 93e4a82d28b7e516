package org.twincatalog.access.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Signs heads of the audit chain with the node's Ed25519 anchor key, and checks heads signed
 * earlier. A signed head kept outside the node lets an organization prove later that nothing
 * after it was cut off or rewritten ({@link AuditLog#verify(AuditAnchor)}): the node cannot
 * produce another head for the same sequence without the key, and no one else can forge one.
 */
public final class AnchorSigner {
    public static final String ALGORITHM = "EdDSA";
    private static final String PRIVATE_FILE = "audit-anchor-ed25519.key";
    private static final String PUBLIC_FILE = "audit-anchor-ed25519.pub";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;
    private final String node;
    private final String keyId;
    private final String x;

    public AnchorSigner(KeyPair keys, String node) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.node = Objects.requireNonNull(node, "node");
        byte[] encoded = keys.getPublic().getEncoded();
        // an X.509 SubjectPublicKeyInfo of Ed25519 ends with the 32-byte raw key
        this.x = B64.encodeToString(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
        this.keyId = thumbprint(x);
    }

    /** A head of the chain, signed. {@code time} has millisecond precision at most. */
    public record SignedHead(long sequence, String hash, Instant time, String node, String keyId, String signature) {}

    /**
     * The key pair kept in {@code dir} (PKCS#8 and X.509 DER files, the private one readable by
     * the owner only), created there when it is not.
     */
    public static KeyPair loadOrCreate(Path dir) {
        Path privateFile = dir.resolve(PRIVATE_FILE);
        Path publicFile = dir.resolve(PUBLIC_FILE);
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            if (Files.exists(privateFile) && Files.exists(publicFile)) {
                return new KeyPair(
                        factory.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicFile))),
                        factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(privateFile))));
            }
            Files.createDirectories(dir);
            KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            Path tmp = Files.createTempFile(dir, "anchor", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: the data directory's own permissions protect it
            }
            Files.write(tmp, keys.getPrivate().getEncoded());
            Files.move(tmp, privateFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Files.write(publicFile, keys.getPublic().getEncoded());
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit anchor key in " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the audit anchor key in " + dir + " is unreadable", e);
        }
    }

    /** Signs {@code head} as taken at {@code time}. */
    public SignedHead sign(AuditAnchor head, Instant time) {
        Instant at = time.truncatedTo(ChronoUnit.MILLIS);
        String payload = payload(head.sequence(), head.hash(), at, node, keyId);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys.getPrivate());
            signer.update(payload.getBytes(StandardCharsets.UTF_8));
            return new SignedHead(head.sequence(), head.hash(), at, node, keyId, B64.encodeToString(signer.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the audit head", e);
        }
    }

    /**
     * Whether {@code head} was signed by this node's key as it is: same node, same key, and a
     * signature over exactly these values. Never throws on malformed input.
     */
    public boolean verify(SignedHead head) {
        if (head == null
                || head.hash() == null
                || head.time() == null
                || head.signature() == null
                || !node.equals(head.node())
                || !keyId.equals(head.keyId())) {
            return false;
        }
        try {
            byte[] signature = Base64.getUrlDecoder().decode(head.signature());
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(keys.getPublic());
            verifier.update(payload(head.sequence(), head.hash(), head.time(), head.node(), head.keyId())
                    .getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** The public key as a JWK (RFC 8037), {@code kid} its RFC 7638 thumbprint. */
    public Map<String, String> jwk() {
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("x", x);
        jwk.put("kid", keyId);
        jwk.put("use", "sig");
        jwk.put("alg", ALGORITHM);
        return jwk;
    }

    public String keyId() {
        return keyId;
    }

    /** The signed bytes: canonical JSON (sorted keys, no whitespace) of the head's fields. */
    static String payload(long sequence, String hash, Instant time, String node, String keyId) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("hash", hash);
        fields.put("keyId", keyId);
        fields.put("node", node);
        fields.put("sequence", sequence);
        fields.put("time", time.toString());
        try {
            return JSON.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String thumbprint(String x) {
        String canonical = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + x + "\"}";
        try {
            return B64.encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
