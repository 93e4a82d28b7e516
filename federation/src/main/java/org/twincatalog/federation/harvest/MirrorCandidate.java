package org.twincatalog.federation.harvest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.api.v1.model.Change;
import org.twincatalog.api.v1.model.DataService;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.HarvestFeedEntry;
import org.twincatalog.api.v1.model.Organization;
import org.twincatalog.api.v1.model.RecordOrigin;
import org.twincatalog.api.v1.model.RecordStatus;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.catalog.access.AccessSettingsMapper;
import org.twincatalog.catalog.record.RecordMapper;
import org.twincatalog.catalog.record.Violations;

/**
 * One feed entry of a peer turned into what this node would store: the local id, the origin,
 * the owner, the access settings and the canonical document; or the reason it cannot be
 * mirrored ({@link #problem}).
 */
record MirrorCandidate(
        Change change,
        RecordType type,
        String localId,
        String originNode,
        String originId,
        long originVersion,
        boolean withdrawn,
        String publisher,
        AccessSettings settings,
        String document,
        String problem) {
    static final int MAX_DOCUMENT = 1_000_000;

    boolean quarantined() {
        return problem != null;
    }

    /** Whether the entry carried no record (the peer no longer shows it): nothing to mirror. */
    boolean empty() {
        return problem == null && document == null && !withdrawn;
    }

    static MirrorCandidate of(String peerId, HarvestFeedEntry entry) {
        return of(peerId, null, entry);
    }

    /**
     * @param peerBaseUrl where the peer's API is (without {@code /api/v1}); null when unknown, and
     *     then a record registered at the peer gets no {@code origin.source}
     */
    static MirrorCandidate of(String peerId, String peerBaseUrl, HarvestFeedEntry entry) {
        Change c = entry.getChange();
        RecordType type = RecordType.ofCode(c.getRecordType().toString());
        try {
            return switch (type) {
                case DATASET ->
                    entry.getDataset() == null ? none(c, type) : dataset(peerId, peerBaseUrl, c, entry.getDataset());
                case SERVICE ->
                    entry.getService() == null ? none(c, type) : service(peerId, peerBaseUrl, c, entry.getService());
                case ORGANIZATION ->
                    entry.getOrganization() == null ? none(c, type) : organization(peerId, c, entry.getOrganization());
            };
        } catch (RuntimeException e) {
            return refused(c, type, "unreadable record: " + e.getMessage());
        }
    }

    private static MirrorCandidate dataset(String peerId, String peerBaseUrl, Change c, Dataset d) {
        Violations v = Violations.of(d);
        v.langMap("/title", d.getTitle(), true);
        v.langMap("/description", d.getDescription(), true);
        RecordOrigin origin = originOf(peerId, d.getId(), d.getRecordVersion(), d.getOrigin())
                .source(sourceOf(d.getOrigin(), peerBaseUrl, "datasets", d.getId()))
                .modified(modifiedOf(d.getOrigin(), d.getModified()));
        boolean withdrawn = d.getStatus() == RecordStatus.WITHDRAWN;
        AccessSettings settings = AccessSettingsMapper.fromModel(d.getAccess(), v, "/access");
        d.setOrigin(origin);
        d.setWarnings(null);
        d.setQuality(null);
        return checked(
                c, RecordType.DATASET, origin, withdrawn, d.getPublisher(), settings, RecordMapper.toDocument(d), v);
    }

    private static MirrorCandidate service(String peerId, String peerBaseUrl, Change c, DataService s) {
        Violations v = Violations.of(s);
        v.langMap("/title", s.getTitle(), true);
        RecordOrigin origin = originOf(peerId, s.getId(), s.getRecordVersion(), s.getOrigin())
                .source(sourceOf(s.getOrigin(), peerBaseUrl, "services", s.getId()))
                .modified(modifiedOf(s.getOrigin(), s.getModified()));
        boolean withdrawn = s.getStatus() == RecordStatus.WITHDRAWN;
        AccessSettings settings = AccessSettingsMapper.fromModel(s.getAccess(), v, "/access");
        s.setOrigin(origin);
        return checked(
                c, RecordType.SERVICE, origin, withdrawn, s.getPublisher(), settings, RecordMapper.toDocument(s), v);
    }

    /** Organizations are shared identities (Keycloak groups): mirrored under their own id. */
    private static MirrorCandidate organization(String peerId, Change c, Organization o) {
        Violations v = Violations.of(o);
        v.id("/id", o.getId());
        v.langMap("/name", o.getName(), true);
        boolean withdrawn = c.getKind() == org.twincatalog.api.v1.model.ChangeKind.WITHDRAWN;
        long version = o.getRecordVersion() == null ? c.getRecordVersion() : o.getRecordVersion();
        String document = RecordMapper.toDocument(o);
        String problem = v.isEmpty() ? null : "invalid record: " + describe(v);
        return new MirrorCandidate(
                c,
                RecordType.ORGANIZATION,
                o.getId(),
                peerId,
                o.getId(),
                version,
                withdrawn,
                null,
                AccessSettings.open(),
                document,
                problem);
    }

    private static MirrorCandidate checked(
            Change c,
            RecordType type,
            RecordOrigin origin,
            boolean withdrawn,
            String publisher,
            AccessSettings settings,
            String document,
            Violations v) {
        v.required("/publisher", publisher);
        if (publisher != null && !Violations.ID.matcher(publisher).matches()) {
            v.add("/publisher", "not an organization id");
        }
        String localId = origin.getNode() + "." + origin.getId();
        String problem = null;
        if (!v.isEmpty()) {
            problem = "invalid record: " + describe(v);
        } else if (!Violations.ID.matcher(localId).matches()) {
            problem = "the mirror id '" + abbreviate(localId)
                    + "' is not a valid id (at most 100 letters, digits, '.', '_', '-')";
        } else if (document.length() > MAX_DOCUMENT) {
            problem = "the record is larger than " + MAX_DOCUMENT + " characters";
        }
        return new MirrorCandidate(
                c,
                type,
                localId,
                origin.getNode(),
                origin.getId(),
                origin.getVersion(),
                withdrawn,
                publisher,
                settings,
                document,
                problem);
    }

    /** The origin a mirror keeps: the peer's own record, or the origin of the peer's mirror with the peer added to the chain. */
    static RecordOrigin originOf(String peerId, String id, Long version, RecordOrigin upstream) {
        if (upstream == null || upstream.getNode() == null) {
            return new RecordOrigin()
                    .node(peerId)
                    .id(id)
                    .version(version == null ? 0 : version)
                    .chain(List.of(peerId))
                    .harvestedAt(now());
        }
        List<String> chain =
                new ArrayList<>(upstream.getChain() == null ? List.of(upstream.getNode()) : upstream.getChain());
        chain.add(peerId);
        return new RecordOrigin()
                .node(upstream.getNode())
                .id(upstream.getId())
                .version(upstream.getVersion())
                .chain(chain)
                .harvestedAt(now());
    }

    /**
     * The original's address: kept from upstream for a mirror of a mirror (the peer's address is
     * not the origin's), minted from the peer's address for the peer's own record.
     */
    static URI sourceOf(RecordOrigin upstream, String peerBaseUrl, String collection, String id) {
        if (upstream != null && upstream.getNode() != null) {
            URI source = upstream.getSource();
            boolean web = source != null
                    && ("http".equalsIgnoreCase(source.getScheme()) || "https".equalsIgnoreCase(source.getScheme()));
            return web ? source : null;
        }
        if (peerBaseUrl == null || id == null) {
            return null;
        }
        return URI.create(peerBaseUrl.replaceAll("/+$", "") + "/api/v1/" + collection + "/"
                + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    /** The time the record last changed at its origin: upstream's, else the peer's own record's. */
    static OffsetDateTime modifiedOf(RecordOrigin upstream, OffsetDateTime peerModified) {
        if (upstream != null && upstream.getNode() != null && upstream.getModified() != null) {
            return upstream.getModified();
        }
        return peerModified;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
    }

    private static MirrorCandidate none(Change c, RecordType type) {
        return new MirrorCandidate(
                c, type, null, null, c.getRecordId(), c.getRecordVersion(), false, null, null, null, null);
    }

    private static MirrorCandidate refused(Change c, RecordType type, String reason) {
        return new MirrorCandidate(
                c, type, null, null, c.getRecordId(), c.getRecordVersion(), false, null, null, null, reason);
    }

    private static String describe(Violations v) {
        try {
            v.throwIfAny("record");
            return "";
        } catch (org.twincatalog.catalog.ValidationFailed e) {
            return String.join(
                    "; ",
                    e.violations().stream()
                            .map(x -> x.pointer() + ": " + x.detail())
                            .toList());
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
