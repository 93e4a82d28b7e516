package org.twincatalog.node.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.twincatalog.access.audit.AuditChain;
import org.twincatalog.access.audit.AuditEvent;
import org.twincatalog.catalog.access.AuditEntryEntity;
import org.twincatalog.node.support.Fixtures;
import org.twincatalog.node.support.LocalTokens;

/**
 * Signed heads of the audit chain: a steward keeps one, and later the node proves that its chain
 * still holds that entry and continues from it. A cut-off tail or a chain rewritten behind the
 * node's back (hashes recomputed, so the chain alone looks intact) is reported; a head that was
 * altered or signed by another key is refused.
 */
@QuarkusTest
@TestProfile(AuditTamperTest.OperatedByAuditOperator.class)
class AuditAnchorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    @Test
    void signedHead_ofAGrowingChain_verifies_andItsSignatureChecksWithThePublishedKey() throws Exception {
        String org = Fixtures.newOrganization();
        RequestSpecification steward = LocalTokens.bearer(LocalTokens.stewardOf(org));
        ObjectNode head = fetchHead(steward);
        Fixtures.newDataset("dataset-minimal.json", org); // more entries after the head

        given().spec(steward)
                .contentType(ContentType.JSON)
                .body(head.toString())
                .post("/api/v1/audit/anchor/verification")
                .then()
                .statusCode(200)
                .body("intact", is(true))
                .body("problems.size()", is(0));
        assertThat(given().spec(steward)
                        .get("/api/v1/audit/anchor")
                        .then()
                        .extract()
                        .jsonPath()
                        .getLong("sequence"))
                .isGreaterThan(head.path("sequence").asLong());

        // anyone can check the signature offline, with the key the node publishes
        Map<String, Object> jwk = given().get("/api/v1/audit/anchor-key")
                .then()
                .statusCode(200)
                .body("kty", is("OKP"))
                .body("crv", is("Ed25519"))
                .extract()
                .jsonPath()
                .getMap("$");
        assertThat(jwk.get("kid")).isEqualTo(head.path("keyId").asText());
        byte[] x = Base64.getUrlDecoder().decode((String) jwk.get("x"));
        byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100");
        byte[] encoded = new byte[spki.length + x.length];
        System.arraycopy(spki, 0, encoded, 0, spki.length);
        System.arraycopy(x, 0, encoded, spki.length, x.length);
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded)));
        Map<String, Object> payload = new TreeMap<>();
        payload.put("hash", head.path("hash").asText());
        payload.put("keyId", head.path("keyId").asText());
        payload.put("node", head.path("node").asText());
        payload.put("sequence", head.path("sequence").asLong());
        payload.put("time", Instant.parse(head.path("time").asText()).toString());
        verifier.update(JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(
                        Base64.getUrlDecoder().decode(head.path("signature").asText())))
                .isTrue();
    }

    @Test
    void cutOffTail_isReportedAgainstTheHead() throws Exception {
        ObjectNode head = fetchHead(operator());
        long anchored = head.path("sequence").asLong();
        List<AuditEntryEntity> cut = QuarkusTransaction.requiringNew().call(() -> {
            List<AuditEntryEntity> rows = rowsFrom(anchored - 2);
            rows.forEach(em::remove);
            return rows;
        });
        try {
            given().spec(operator())
                    .contentType(ContentType.JSON)
                    .body(head.toString())
                    .post("/api/v1/audit/anchor/verification")
                    .then()
                    .statusCode(200)
                    .body("intact", is(false))
                    .body("problems.sequence", hasItem((int) anchored));
        } finally {
            restore(anchored - 2, cut);
        }
        verifyAgainst(head).then().statusCode(200).body("intact", is(true));
    }

    @Test
    void chainRewrittenWithRecomputedHashes_looksIntactAlone_butNotAgainstTheHead() throws Exception {
        String org = Fixtures.newOrganization();
        Fixtures.newDataset("dataset-minimal.json", org);
        ObjectNode head = fetchHead(operator());
        long anchored = head.path("sequence").asLong();
        long from = anchored - 3;
        List<AuditEntryEntity> originals = QuarkusTransaction.requiringNew().call(() -> {
            List<AuditEntryEntity> rows = rowsFrom(from);
            List<AuditEntryEntity> copies = new ArrayList<>();
            rows.forEach(r -> copies.add(copy(r)));
            String previous = em.find(AuditEntryEntity.class, from - 1).hash;
            for (AuditEntryEntity row : rows) {
                if (row.sequence == from) {
                    row.reason = "nothing happened here";
                }
                row.previousHash = previous;
                row.hash = AuditChain.hash(row.sequence, event(row), previous);
                previous = row.hash;
            }
            return copies;
        });
        try {
            given().spec(operator())
                    .get("/api/v1/audit/verification")
                    .then()
                    .statusCode(200)
                    .body("intact", is(true)); // the chain alone cannot tell
            verifyAgainst(head)
                    .then()
                    .statusCode(200)
                    .body("intact", is(false))
                    .body("problems.kind", hasItem("edited"))
                    .body("problems.sequence", hasItem((int) anchored));
        } finally {
            restore(from, originals);
        }
        verifyAgainst(head).then().statusCode(200).body("intact", is(true));
    }

    @Test
    void alteredOrForgedHead_isRefused422AtSignature_andAnIncompleteOrMistypedOneNamesWhatIsWrong() throws Exception {
        ObjectNode head = fetchHead(operator());
        ObjectNode later = head.deepCopy().put("sequence", head.path("sequence").asLong() - 1);
        ObjectNode rehashed = head.deepCopy().put("hash", "0".repeat(64));
        ObjectNode retimed = head.deepCopy().put("time", "2020-01-01T00:00:00Z");
        ObjectNode otherKey = head.deepCopy().put("keyId", "someone-elses-key");
        ObjectNode garbage = head.deepCopy().put("signature", "%%%not-base64");
        for (ObjectNode forged : List.of(later, rehashed, retimed, otherKey, garbage)) {
            verifyAgainst(forged)
                    .then()
                    .statusCode(422)
                    .contentType("application/problem+json")
                    .body("errors.pointer", hasItem("/signature"));
        }
        ObjectNode incomplete = head.deepCopy();
        incomplete.remove("signature");
        incomplete.remove("hash");
        verifyAgainst(incomplete)
                .then()
                .statusCode(422)
                .body("errors.pointer", hasItem("/signature"))
                .body("errors.pointer", hasItem("/hash"));
        verifyAgainst(head.deepCopy().put("sequence", "x"))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body(containsString("/sequence"));
    }

    @Test
    void anchor_anonymous_is401_aPublisher_is403_anyStewardAndTheOperator_200() {
        given().get("/api/v1/audit/anchor")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/audit/anchor/verification")
                .then()
                .statusCode(401);
        String org = Fixtures.newOrganization();
        given().spec(LocalTokens.asPublisherOf(org))
                .get("/api/v1/audit/anchor")
                .then()
                .statusCode(403);
        given().spec(LocalTokens.bearer(LocalTokens.token("dev", null, null, List.of("steward"), 600)))
                .get("/api/v1/audit/anchor")
                .then()
                .statusCode(403);
        given().spec(LocalTokens.bearer(LocalTokens.stewardOf(org)))
                .get("/api/v1/audit/anchor")
                .then()
                .statusCode(200)
                .body("algorithm", is("EdDSA"));
        given().spec(operator()).get("/api/v1/audit/anchor").then().statusCode(200);
    }

    /** Built per request: a specification keeps the port RestAssured had when it was built. */
    private static RequestSpecification operator() {
        return LocalTokens.bearer(LocalTokens.stewardOf("audit-operator"));
    }

    private static ObjectNode fetchHead(RequestSpecification steward) throws Exception {
        String body = given().spec(steward)
                .get("/api/v1/audit/anchor")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return (ObjectNode) JSON.readTree(body);
    }

    private static io.restassured.response.Response verifyAgainst(ObjectNode head) {
        return given().spec(operator())
                .contentType(ContentType.JSON)
                .body(head.toString())
                .post("/api/v1/audit/anchor/verification");
    }

    private List<AuditEntryEntity> rowsFrom(long sequence) {
        return em.createQuery(
                        "FROM AuditEntryEntity a WHERE a.sequence >= :s ORDER BY a.sequence", AuditEntryEntity.class)
                .setParameter("s", sequence)
                .getResultList();
    }

    /** Puts the rows back as they were, dropping what the node chained onto the tampered tail meanwhile. */
    private void restore(long from, List<AuditEntryEntity> originals) {
        QuarkusTransaction.requiringNew().run(() -> {
            rowsFrom(from).forEach(em::remove);
            em.flush();
            originals.forEach(r -> em.persist(copy(r)));
        });
    }

    private static AuditEvent event(AuditEntryEntity r) {
        return new AuditEvent(
                r.time,
                r.subject,
                r.organization,
                r.action,
                r.resource,
                r.resourceOwner,
                r.purpose,
                r.decision,
                r.rule,
                r.reason);
    }

    private static AuditEntryEntity copy(AuditEntryEntity r) {
        AuditEntryEntity c = new AuditEntryEntity();
        c.sequence = r.sequence;
        c.time = r.time;
        c.subject = r.subject;
        c.organization = r.organization;
        c.action = r.action;
        c.resource = r.resource;
        c.resourceOwner = r.resourceOwner;
        c.purpose = r.purpose;
        c.decision = r.decision;
        c.rule = r.rule;
        c.reason = r.reason;
        c.previousHash = r.previousHash;
        c.hash = r.hash;
        return c;
    }
}
