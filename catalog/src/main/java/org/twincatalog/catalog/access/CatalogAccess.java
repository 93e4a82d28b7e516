package org.twincatalog.catalog.access;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.twincatalog.access.AccessControl;
import org.twincatalog.access.AccessHint;
import org.twincatalog.access.AccessLevel;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.access.Action;
import org.twincatalog.access.Caller;
import org.twincatalog.access.Decision;
import org.twincatalog.access.PolicyDecisionPoint;
import org.twincatalog.access.ProtectedDataset;
import org.twincatalog.access.PublicationState;
import org.twincatalog.access.audit.AuditEvent;
import org.twincatalog.access.audit.AuditLog;
import org.twincatalog.catalog.AccessDenied;
import org.twincatalog.catalog.CallerContext;
import org.twincatalog.catalog.CatalogException;
import org.twincatalog.catalog.Gone;
import org.twincatalog.catalog.NotAuthenticated;
import org.twincatalog.catalog.NotFound;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.catalog.record.RecordEntity;
import org.twincatalog.catalog.record.RecordMapper;
import org.twincatalog.catalog.record.RecordStore;

/**
 * Where the catalog's read and write paths meet the policy: builds the {@link ProtectedDataset}
 * of a record, asks the one {@link PolicyDecisionPoint} through {@link AccessControl} (which
 * writes the audit entry), and turns a refusal into the catalog's exceptions: not visible is
 * {@link NotFound} (the same answer as a missing record), no token where one is needed is
 * {@link NotAuthenticated}, anything else {@link AccessDenied} with the rule and the way to get
 * access. Datasets and services are protected alike (a service's endpoint is its data).
 */
@ApplicationScoped
public class CatalogAccess {
    private final CallerContext callers;
    private final RecordStore store;
    private final Clock clock;
    private final PolicyDecisionPoint pdp;
    private final AuditLog audit;
    private final AccessControl control;

    public CatalogAccess(
            CallerContext callers,
            RecordStore store,
            Clock clock,
            PolicyDecisionPoint pdp,
            AuditLog audit,
            AccessControl control) {
        this.callers = callers;
        this.store = store;
        this.clock = clock;
        this.pdp = pdp;
        this.audit = audit;
        this.control = control;
    }

    public Caller caller() {
        return callers.current();
    }

    /** What the policy knows about a record. Organizations are public records owned by themselves. */
    public static ProtectedDataset protect(RecordEntity r) {
        String owner = r.type() == RecordType.ORGANIZATION ? r.id : r.publisherId;
        return new ProtectedDataset(r.id, owner == null ? "" : owner, PublicationState.PUBLISHED, settingsOf(r));
    }

    static AccessSettings settingsOf(RecordEntity r) {
        AccessLevel meta = AccessLevel.parse(r.metaVisibility);
        AccessLevel data = AccessLevel.parse(r.dataAccess);
        // Stored settings were validated on write; a later stricter metadata level wins.
        if (meta.isStricterThan(data)) {
            data = meta;
        }
        return new AccessSettings(meta, data, r.personalData, Set.of());
    }

    /**
     * The record, if the caller may see it: {@link NotFound} when it does not exist or is not
     * visible (the same answer), {@link Gone} when it was withdrawn.
     */
    public RecordEntity readable(RecordType type, String id) {
        RecordEntity record = store.find(type, id).orElseThrow(() -> notFound(type, id));
        require(Action.SEE_METADATA, record, null);
        if (record.withdrawn()) {
            throw new Gone("The " + type.code() + " '" + id + "' was withdrawn");
        }
        return record;
    }

    /** Decides and records {@code action} on {@code record}; throws unless permitted. */
    public Decision require(Action action, RecordEntity record, String purpose) {
        ProtectedDataset dataset = withSharing(record);
        Decision decision = control.check(caller(), action, dataset, purpose);
        if (!decision.isPermitted()) {
            throw refusal(decision, action, record);
        }
        return decision;
    }

    /** Whether the caller may access the record's data; decided and recorded, never thrown. */
    public boolean mayAccessData(RecordEntity record) {
        return control.check(caller(), Action.ACCESS_DATA, withSharing(record), null)
                .isPermitted();
    }

    /** Whether the caller may see the record's metadata, decided but not recorded (for items of lists). */
    public boolean showsMetadata(RecordEntity record) {
        return pdp.decide(caller(), Action.SEE_METADATA, withSharing(record)).isPermitted();
    }

    /** Whether the caller may access the record's data, decided but not recorded (for items of lists and exports). */
    public boolean showsData(RecordEntity record) {
        return pdp.decide(caller(), Action.ACCESS_DATA, withSharing(record)).isPermitted();
    }

    /** Decides creating a record for {@code owner} with {@code settings}; throws unless permitted. */
    public void requireCreate(RecordType type, String id, String owner, AccessSettings settings) {
        ProtectedDataset dataset = ProtectedDataset.published(id, owner == null ? "" : owner, settings);
        Decision decision = control.check(caller(), Action.CREATE, dataset, null);
        if (!decision.isPermitted()) {
            throw refusal(decision, type, id, verb(Action.CREATE), new DenialMessages.Subject(null, owner, true));
        }
    }

    /** Records a completed write (after its permit): decision {@code done}. */
    public void recordWrite(Action action, RecordEntity record) {
        Caller caller = caller();
        control.record(new AuditEvent(
                null,
                caller.isAnonymous() ? "anonymous" : caller.subject(),
                caller.organization(),
                action.id(),
                record.id,
                protect(record).ownerOrganization(),
                null,
                "done",
                null,
                record.type().code() + " " + record.id + " at version " + record.recordVersion));
    }

    /** Records a query (a list, the change feed, an export): who asked what, and how much was shown. */
    public void recordQuery(String action, String resource, long shown) {
        Caller caller = caller();
        control.record(new AuditEvent(
                null,
                caller.isAnonymous() ? "anonymous" : caller.subject(),
                caller.organization(),
                action,
                resource,
                null,
                null,
                "permit",
                "visibility",
                shown + " visible item(s) shown"));
    }

    /** The caller's visibility, for list queries, counts, exports and the change feed. */
    public VisibilityPredicate visibility() {
        return new VisibilityPredicate(caller(), clock.instant());
    }

    /** Copies {@code settings} into the record's columns and its {@code sharedWith} links. */
    public void apply(RecordEntity record, AccessSettings settings) {
        record.metaVisibility = settings.metadataVisibility().id();
        record.dataAccess = settings.dataAccess().id();
        record.personalData = settings.personalData();
        store.replaceLinks(record.type(), record.id, VisibilityPredicate.SHARED_WITH, settings.sharedWith());
    }

    private ProtectedDataset withSharing(RecordEntity record) {
        ProtectedDataset base = protect(record);
        if (!AccessLevel.RESTRICTED.equals(base.settings().metadataVisibility())
                && !AccessLevel.RESTRICTED.equals(base.settings().effectiveDataAccess())) {
            return base;
        }
        List<String> shared = store.linkTargets(record.type(), record.id, VisibilityPredicate.SHARED_WITH);
        return new ProtectedDataset(
                base.id(),
                base.ownerOrganization(),
                base.state(),
                base.settings().withSharedWith(Set.copyOf(shared)));
    }

    private CatalogException refusal(Decision decision, Action action, RecordEntity record) {
        if (decision.isNotFound()) {
            return notFound(record.type(), record.id);
        }
        String owner = protect(record).ownerOrganization();
        DenialMessages.Subject subject = new DenialMessages.Subject(shown(record), owner, true);
        return refusal(decision, record.type(), record.id, verb(action), subject);
    }

    /**
     * The exception for a refusal of an action for an organization as a whole (agreements, audit),
     * worded like every other denial; {@code verb} says what the caller wanted ("request access").
     */
    public CatalogException refusal(Decision decision, String organization, String verb) {
        return refusal(decision, null, null, verb, new DenialMessages.Subject(null, organization, false));
    }

    private CatalogException refusal(
            Decision decision, RecordType type, String id, String verb, DenialMessages.Subject subject) {
        if (decision.isNotFound()) {
            return type == null ? new NotFound("Not found") : notFound(type, id);
        }
        DenialMessages messages = messages();
        String message = messages.explain(decision, caller(), verb, subject);
        AccessHint hint = decision.hint();
        String shownHint = messages.hint(hint, caller());
        String requestAccess =
                hint != null && type == RecordType.DATASET && hint.way() != AccessHint.Way.CONTACT_OWNER ? id : null;
        if (decision.requiresAuthentication()) {
            return new NotAuthenticated(message, decision.rule().id(), shownHint, requestAccess);
        }
        return new AccessDenied(message, decision.rule().id(), shownHint, requestAccess);
    }

    /**
     * An organization as every denial names it: its name in the reader's language and its id
     * ("Mapo-gu, Seoul (seoul-mapo)"), the id alone when it has no record here.
     */
    public String organizationShown(String organization) {
        return messages().organization(organization);
    }

    private DenialMessages messages() {
        return new DenialMessages(
                organization -> store.find(RecordType.ORGANIZATION, organization)
                        .map(r -> RecordMapper.texts(r, "name"))
                        .orElse(null),
                callers.languages());
    }

    /** A record as a reader knows it: its type and its title in the reader's language, else its id. */
    private String shown(RecordEntity record) {
        String title =
                record.type() == RecordType.ORGANIZATION ? null : messages().pick(RecordMapper.texts(record, "title"));
        String kind = record.type() == RecordType.SERVICE
                ? "data service"
                : record.type().code();
        return title == null ? "the " + kind + " '" + record.id + "'" : "the " + kind + " “" + title + "”";
    }

    private static String verb(Action action) {
        return switch (action) {
            case CREATE -> "create";
            case UPDATE -> "change";
            case WITHDRAW -> "withdraw";
            case ACCESS_DATA -> "access";
            case APPROVE_PUBLICATION -> "approve the publication of";
            case SEE_METADATA -> "see";
        };
    }

    private static NotFound notFound(RecordType type, String id) {
        return new NotFound("No " + type.code() + " with id '" + id + "'");
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
