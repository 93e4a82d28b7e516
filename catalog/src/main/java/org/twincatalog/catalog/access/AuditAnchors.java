package org.twincatalog.catalog.access;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.twincatalog.access.audit.AnchorSigner;
import org.twincatalog.access.audit.AuditAnchor;
import org.twincatalog.access.audit.AuditLog;
import org.twincatalog.access.audit.VerificationReport;
import org.twincatalog.api.v1.model.AnchorKey;
import org.twincatalog.api.v1.model.AuditProblem;
import org.twincatalog.api.v1.model.AuditVerification;
import org.twincatalog.api.v1.model.SignedAuditHead;
import org.twincatalog.catalog.NodeConfig;
import org.twincatalog.catalog.ValidationFailed;
import org.twincatalog.catalog.config.DataDirectory;
import org.twincatalog.catalog.record.Violations;

/**
 * Signed heads of the audit chain: the node's anchor key (created under {@code tc.data-dir} at
 * the first start), signing the current head, and verifying the chain against a head signed
 * earlier. Who may ask is decided by {@link AccessResource}.
 */
@ApplicationScoped
@Startup
public class AuditAnchors {
    private final AuditLog audit;
    private final Clock clock;
    private final AnchorSigner signer;

    public AuditAnchors(AuditLog audit, Clock clock, NodeConfig node, DataDirectory dataDir) {
        this.audit = audit;
        this.clock = clock;
        this.signer = new AnchorSigner(AnchorSigner.loadOrCreate(dataDir.resolve("keys")), node.id());
    }

    /** The current head, signed now. */
    public SignedAuditHead head() {
        AnchorSigner.SignedHead h = signer.sign(audit.head(), clock.instant());
        return new SignedAuditHead()
                .sequence(h.sequence())
                .hash(h.hash())
                .time(h.time().atOffset(ZoneOffset.UTC))
                .node(h.node())
                .keyId(h.keyId())
                .algorithm(SignedAuditHead.AlgorithmEnum.ED_DSA)
                .signature(h.signature());
    }

    /** The public key, as a JWK. */
    public AnchorKey key() {
        var jwk = signer.jwk();
        return new AnchorKey()
                .kty(jwk.get("kty"))
                .crv(jwk.get("crv"))
                .x(jwk.get("x"))
                .kid(jwk.get("kid"))
                .use(jwk.get("use"))
                .alg(jwk.get("alg"));
    }

    /**
     * Verifies the chain against {@code head}, after its signature; a head that is incomplete or
     * not signed as it is by this node's key is refused (422). {@code withDetails}: each problem's
     * sentence (which may name other organizations' resources), else its kind and sequence only.
     */
    public AuditVerification verify(SignedAuditHead head, boolean withDetails) {
        Violations v = new Violations();
        v.required("/sequence", head.getSequence());
        v.required("/hash", head.getHash());
        v.required("/time", head.getTime());
        v.required("/node", head.getNode());
        v.required("/keyId", head.getKeyId());
        v.required("/algorithm", head.getAlgorithm());
        v.required("/signature", head.getSignature());
        v.throwIfAny("signed head");
        if (head.getSequence() < 0) {
            throw ValidationFailed.of("/sequence", "must not be negative");
        }
        AnchorSigner.SignedHead signed = new AnchorSigner.SignedHead(
                head.getSequence(),
                head.getHash(),
                head.getTime().toInstant(),
                head.getNode(),
                head.getKeyId(),
                head.getSignature());
        if (!signer.verify(signed)) {
            throw ValidationFailed.of(
                    "/signature",
                    "this head was not signed as it is by this node's anchor key (kid " + signer.keyId()
                            + "): it was altered or forged");
        }
        AuditAnchor anchor = new AuditAnchor(head.getSequence(), head.getHash());
        VerificationReport report = audit.verify(anchor);
        AuditAnchor now = audit.head();
        List<AuditProblem> problems = report.problems().stream()
                .map(p -> new AuditProblem()
                        .kind(AuditProblem.KindEnum.fromValue(p.kind().name().toLowerCase(Locale.ROOT)))
                        .sequence(p.sequence())
                        .detail(
                                withDetails
                                        ? p.detail()
                                        : "entry " + p.sequence() + ": "
                                                + p.kind().name().toLowerCase(Locale.ROOT)))
                .toList();
        return new AuditVerification()
                .intact(report.intact())
                .entriesChecked(report.entriesChecked())
                .headSequence(now.sequence())
                .headHash(now.hash())
                .problems(problems);
    }
}
