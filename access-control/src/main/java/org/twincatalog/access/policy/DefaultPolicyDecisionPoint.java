package org.twincatalog.access.policy;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.twincatalog.access.AccessHint;
import org.twincatalog.access.AccessLevel;
import org.twincatalog.access.Action;
import org.twincatalog.access.Caller;
import org.twincatalog.access.Decision;
import org.twincatalog.access.OrgKind;
import org.twincatalog.access.OrganizationAction;
import org.twincatalog.access.PolicyDecisionPoint;
import org.twincatalog.access.ProtectedDataset;
import org.twincatalog.access.PublicationState;
import org.twincatalog.access.Rule;

/**
 * The built-in policy: two access levels per dataset (metadata, data), organization membership
 * from the token, grants from approved agreements, and role rules for writes. See the module
 * README for the rules in a table.
 */
public final class DefaultPolicyDecisionPoint implements PolicyDecisionPoint {

    private final GrantLookup grants;
    private final Clock clock;

    public DefaultPolicyDecisionPoint(GrantLookup grants, Clock clock) {
        this.grants = Objects.requireNonNull(grants, "grants");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Decision decide(Caller caller, Action action, ProtectedDataset dataset) {
        if (action == Action.CREATE) {
            return decideWrite(caller, dataset);
        }
        Decision visibility = seeMetadata(caller, dataset);
        if (!visibility.isPermitted()) {
            return visibility;
        }
        return switch (action) {
            case SEE_METADATA -> visibility;
            case ACCESS_DATA -> accessData(caller, dataset);
            case UPDATE, WITHDRAW -> decideWrite(caller, dataset);
            case APPROVE_PUBLICATION -> stewardOf(caller, dataset.ownerOrganization());
            case CREATE -> throw new IllegalStateException("handled above");
        };
    }

    @Override
    public Decision decide(Caller caller, OrganizationAction action, String organization) {
        return switch (action) {
            case DECIDE_ACCESS_REQUEST, EXPORT_AUDIT -> stewardOf(caller, organization);
            case REQUEST_ACCESS -> requestFor(caller, organization);
            case PROPOSE_UMBRELLA_AGREEMENT -> proposeUmbrella(caller, organization);
        };
    }

    private Decision seeMetadata(Caller caller, ProtectedDataset dataset) {
        String owner = dataset.ownerOrganization();
        if (caller.belongsTo(owner)) {
            return Decision.permit(Rule.OWNER, caller.label() + " belongs to owner " + owner);
        }
        if (dataset.state() != PublicationState.PUBLISHED) {
            return Decision.notFound(Rule.NOT_PUBLISHED, dataset.id() + " is " + dataset.state() + ": owner only");
        }
        AccessLevel level = dataset.settings().metadataVisibility();
        Optional<Decision> open = openLevel(caller, level);
        if (open.isPresent()) {
            return hideUnlessPermitted(open.get());
        }
        if (level == AccessLevel.RESTRICTED) {
            return hideUnlessPermitted(restricted(caller, dataset, false));
        }
        return Decision.notFound(Rule.OWNER_ONLY, "metadata of " + dataset.id() + " is private to " + owner);
    }

    private Decision accessData(Caller caller, ProtectedDataset dataset) {
        if (caller.belongsTo(dataset.ownerOrganization())) {
            return Decision.permit(Rule.OWNER, caller.label() + " belongs to the owner");
        }
        AccessLevel level = dataset.settings().effectiveDataAccess();
        Optional<Decision> open = openLevel(caller, level);
        if (open.isPresent() && open.get().isPermitted()) {
            return open.get();
        }
        if (level == AccessLevel.PRIVATE) {
            return Decision.deny(
                    Rule.OWNER_ONLY,
                    "data of " + dataset.id() + " is private to " + dataset.ownerOrganization(),
                    hint(AccessHint.Way.CONTACT_OWNER, dataset, "Only the owner organization accesses these data."));
        }
        Decision viaGrant = restricted(caller, dataset, dataset.settings().personalData());
        if (viaGrant.isPermitted() || open.isEmpty()) {
            return withHint(viaGrant, caller, dataset);
        }
        return withHint(open.get(), caller, dataset);
    }

    /** Levels decided by the caller alone: public, authenticated, government. Empty otherwise. */
    private static Optional<Decision> openLevel(Caller caller, AccessLevel level) {
        return switch (level) {
            case PUBLIC -> Optional.of(Decision.permit(Rule.PUBLIC, "open to anyone"));
            case AUTHENTICATED ->
                Optional.of(
                        caller.isAnonymous()
                                ? Decision.deny(Rule.AUTHENTICATION_REQUIRED, "anonymous caller, sign-in required")
                                : Decision.permit(Rule.AUTHENTICATED, caller.label() + " is signed in"));
            case GOVERNMENT -> Optional.of(government(caller));
            case RESTRICTED, PRIVATE -> Optional.empty();
        };
    }

    private static Decision government(Caller caller) {
        if (caller.isAnonymous()) {
            return Decision.deny(Rule.AUTHENTICATION_REQUIRED, "anonymous caller, public-sector organization required");
        }
        if (caller.isPublicSector()) {
            return Decision.permit(
                    Rule.GOVERNMENT,
                    caller.organization() + " is a " + caller.organizationKind().id());
        }
        return Decision.deny(Rule.PUBLIC_SECTOR_REQUIRED, caller.label() + " acts for no public-sector organization");
    }

    /** Named organizations (unless personal data) and active grants (with a purpose for personal data). */
    private Decision restricted(Caller caller, ProtectedDataset dataset, boolean personalData) {
        if (caller.isAnonymous()) {
            return Decision.deny(Rule.AUTHENTICATION_REQUIRED, "anonymous caller, restricted record");
        }
        String org = caller.organization();
        if (org == null) {
            return Decision.deny(Rule.AGREEMENT_REQUIRED, caller.label() + " acts for no organization");
        }
        if (!personalData && dataset.settings().sharedWith().contains(org)) {
            return Decision.permit(Rule.NAMED_ORGANIZATION, dataset.ownerOrganization() + " shares with " + org);
        }
        Optional<Grant> grant = grants.activeGrant(org, dataset.id(), clock.instant());
        if (grant.isPresent() && (!personalData || grant.get().hasPurpose())) {
            return Decision.permit(
                    Rule.AGREEMENT, "agreement " + grant.get().agreementId() + " grants " + org + " access");
        }
        Rule rule = personalData ? Rule.PERSONAL_DATA_AGREEMENT_REQUIRED : Rule.AGREEMENT_REQUIRED;
        return Decision.deny(rule, org + " is not named and holds no active agreement for " + dataset.id());
    }

    private static Decision hideUnlessPermitted(Decision decision) {
        return decision.isPermitted() ? decision : Decision.notFound(decision.rule(), decision.reason());
    }

    private static Decision withHint(Decision denial, Caller caller, ProtectedDataset dataset) {
        if (denial.isPermitted()) {
            return denial;
        }
        AccessHint hint;
        if (caller.isAnonymous()) {
            hint = hint(AccessHint.Way.SIGN_IN, dataset, "Sign in; access may then be requested.");
        } else if (caller.organization() == null) {
            hint = hint(
                    AccessHint.Way.JOIN_PUBLIC_SECTOR_ORGANIZATION,
                    dataset,
                    "Access is granted to organizations: act for one, then request access.");
        } else {
            hint = hint(
                    AccessHint.Way.REQUEST_AGREEMENT,
                    dataset,
                    "Request access for " + caller.organization() + " with a purpose, a legal basis and a period.");
        }
        return Decision.deny(denial.rule(), denial.reason(), hint);
    }

    private static AccessHint hint(AccessHint.Way way, ProtectedDataset dataset, String message) {
        return new AccessHint(way, dataset.id(), dataset.ownerOrganization(), message);
    }

    private static Decision decideWrite(Caller caller, ProtectedDataset dataset) {
        if (caller.isAnonymous()) {
            return Decision.deny(Rule.AUTHENTICATION_REQUIRED, "anonymous callers never write");
        }
        if (caller.readOnly()) {
            return readOnly(caller);
        }
        String owner = dataset.ownerOrganization();
        if (caller.actsAs(Caller.PUBLISHER, owner)) {
            return Decision.permit(Rule.PUBLISHER_OF_OWNER, caller.label() + " publishes for " + owner);
        }
        return Decision.deny(Rule.PUBLISHER_OF_OWNER_REQUIRED, caller.label() + " is no publisher of " + owner);
    }

    private static Decision readOnly(Caller caller) {
        return caller.nodeServiceAccount()
                ? Decision.deny(Rule.NODE_READ_ONLY, caller.label() + " is a node service account")
                : Decision.deny(
                        Rule.FORWARDED_READ_ONLY,
                        caller.label() + " was forwarded through a federation node: read only");
    }

    private static Decision stewardOf(Caller caller, String organization) {
        if (caller.isAnonymous()) {
            return Decision.deny(Rule.AUTHENTICATION_REQUIRED, "anonymous callers never decide");
        }
        if (caller.actsAs(Caller.STEWARD, organization)) {
            return Decision.permit(Rule.STEWARD_OF_OWNER, caller.label() + " is a steward of " + organization);
        }
        return Decision.deny(Rule.STEWARD_OF_OWNER_REQUIRED, caller.label() + " is no steward of " + organization);
    }

    private static Decision memberOf(Caller caller, String organization) {
        if (caller.isAnonymous()) {
            return Decision.deny(Rule.AUTHENTICATION_REQUIRED, "anonymous callers act for no organization");
        }
        if (caller.readOnly()) {
            return readOnly(caller);
        }
        if (caller.belongsTo(organization)) {
            return Decision.permit(Rule.MEMBER_OF_ORGANIZATION, caller.label() + " acts for " + organization);
        }
        return Decision.deny(
                Rule.MEMBER_OF_ORGANIZATION_REQUIRED, caller.label() + " does not belong to " + organization);
    }

    /**
     * A request only proposes an agreement that the owner's steward decides, so a person forwarded
     * through a node (a request made at a national or metro node for a city's dataset) may make one
     * for their own organization; a node's service account never does.
     */
    private static Decision requestFor(Caller caller, String organization) {
        if (caller.isAnonymous() || !caller.readOnly() || caller.nodeServiceAccount()) {
            return memberOf(caller, organization);
        }
        if (caller.belongsTo(organization)) {
            return Decision.permit(
                    Rule.MEMBER_OF_ORGANIZATION,
                    caller.label() + " acts for " + organization
                            + ", forwarded through a node: a request only proposes");
        }
        return Decision.deny(
                Rule.MEMBER_OF_ORGANIZATION_REQUIRED, caller.label() + " does not belong to " + organization);
    }

    private static Decision proposeUmbrella(Caller caller, String organization) {
        Decision member = memberOf(caller, organization);
        if (!member.isPermitted()) {
            return member;
        }
        if (caller.organizationKind() != OrgKind.MINISTRY) {
            return Decision.deny(Rule.MINISTRY_REQUIRED, organization + " is no ministry");
        }
        return member;
    }
}
