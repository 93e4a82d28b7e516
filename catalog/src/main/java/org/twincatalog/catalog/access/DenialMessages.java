package org.twincatalog.catalog.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.twincatalog.access.AccessHint;
import org.twincatalog.access.Caller;
import org.twincatalog.access.Decision;

/**
 * The sentences a refused caller reads: organizations by their name in the reader's language
 * (with their id, which clients use), callers by their display name, records by their title. The
 * policy's own {@link Decision#reason()} keeps ids for the audit log and is never shown.
 */
final class DenialMessages {
    private static final List<String> FALLBACK = List.of("en", "ko", "ja");

    /**
     * What a denial is about.
     *
     * @param what the record as a reader knows it ("the dataset “Mapo-gu 3D buildings”"); null for
     *     a record not yet created, or an action for an organization as a whole
     * @param owner the organization that owns the record, or that the action is for
     * @param record whether the action is on a record (rather than for an organization)
     */
    record Subject(String what, String owner, boolean record) {}

    private final Function<String, Map<String, String>> organizationNames;
    private final List<String> languages;

    /**
     * @param organizationNames an organization's names by language, or null when it has no record here
     * @param languages the reader's languages, most preferred first
     */
    DenialMessages(Function<String, Map<String, String>> organizationNames, List<String> languages) {
        this.organizationNames = organizationNames;
        this.languages = languages;
    }

    /** The sentence for a denial of {@code decision} to {@code caller}, who wanted to {@code verb} {@code subject}. */
    String explain(Decision decision, Caller caller, String verb, Subject subject) {
        String owner = organization(subject.owner());
        String who = who(caller);
        return switch (decision.rule()) {
            case AUTHENTICATION_REQUIRED -> signInFirst(verb, subject, owner);
            case PUBLISHER_OF_OWNER_REQUIRED ->
                "Only publishers of " + owner + " may " + verb + " its records; " + who + " is not one of them.";
            case STEWARD_OF_OWNER_REQUIRED ->
                "Only stewards of " + owner + " may " + verb + "; " + who + " is not one of them.";
            case MEMBER_OF_ORGANIZATION_REQUIRED ->
                subject.owner() == null
                        ? who + " acts for no organization: only members of an organization may " + verb + "."
                        : "Only members of " + owner + " may " + verb + " for it; " + who + " is not one of them.";
            case MINISTRY_REQUIRED -> "Only a ministry may " + verb + "; " + owner + " is none.";
            case NODE_READ_ONLY ->
                who + " is the service account of a federation node: it reads and never may " + verb + ".";
            case FORWARDED_READ_ONLY ->
                who + " came through a federation node: a forwarded request reads and never may " + verb + ".";
            case OWNER_ONLY -> capitalized(dataOf(subject)) + " are private to " + owner + ".";
            case PUBLIC_SECTOR_REQUIRED ->
                capitalized(dataOf(subject)) + " are open to public-sector organizations only; " + who
                        + " acts for none.";
            case AGREEMENT_REQUIRED ->
                caller.organization() == null
                        ? capitalized(dataOf(subject)) + " are open to organizations only: " + who + " acts for none."
                        : capitalized(dataOf(subject)) + " are open only to organizations " + owner
                                + " names or that hold an approved agreement; "
                                + organization(caller.organization()) + " holds none.";
            case PERSONAL_DATA_AGREEMENT_REQUIRED ->
                capitalized(dataOf(subject)) + " are personal data: only an approved agreement with " + owner
                        + " that names a purpose opens them, and "
                        + (caller.organization() == null
                                ? who + " acts for no organization."
                                : organization(caller.organization()) + " holds none.");
            default -> capitalized(decision.rule().description()) + ".";
        };
    }

    /** The way to get access, with the caller's organization by name. */
    String hint(AccessHint hint, Caller caller) {
        if (hint == null) {
            return null;
        }
        return switch (hint.way()) {
            case SIGN_IN -> "Sign in; access may then be requested.";
            case JOIN_PUBLIC_SECTOR_ORGANIZATION ->
                "Access is granted to organizations: act for one, then request access.";
            case REQUEST_AGREEMENT ->
                "Request access for " + organization(caller.organization())
                        + " with a purpose, a legal basis and a period.";
            case CONTACT_OWNER ->
                "Only " + organization(hint.ownerOrganization()) + " accesses these data: contact it.";
        };
    }

    private String signInFirst(String verb, Subject subject, String owner) {
        if ("access".equals(verb)) {
            return capitalized(dataOf(subject)) + " are open to signed-in callers only: sign in.";
        }
        if (!subject.record()) {
            return "Sign in: anonymous callers never " + verb + ".";
        }
        return "Sign in: only publishers of " + owner + " may " + verb + " "
                + (subject.what() == null ? "its records" : subject.what()) + ".";
    }

    private static String dataOf(Subject subject) {
        return subject.what() == null ? "these data" : "the data of " + subject.what();
    }

    private static String who(Caller caller) {
        return caller.shownName();
    }

    /** "Mapo-gu (seoul-mapo)": the name in the reader's language and the id; the id alone without a record here. */
    String organization(String id) {
        if (id == null || id.isBlank()) {
            return "its owner organization";
        }
        Map<String, String> names = organizationNames.apply(id);
        String name = names == null ? null : pick(names);
        return name == null || name.equals(id) ? id : name + " (" + id + ")";
    }

    /** The text in the first of the reader's languages it has, then English, Korean, Japanese, then any. */
    String pick(Map<String, String> texts) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        List<String> order = new ArrayList<>(languages);
        order.addAll(FALLBACK);
        for (String language : order) {
            String text = texts.get(language);
            if (text == null) {
                text = texts.entrySet().stream()
                        .filter(e -> e.getKey().startsWith(language + "-"))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null);
            }
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return texts.values().stream()
                .filter(t -> t != null && !t.isBlank())
                .findFirst()
                .orElse(null);
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
