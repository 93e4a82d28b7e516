package org.twincatalog.catalog.record;

import java.util.Objects;
import java.util.Optional;

/**
 * Ids of datasets and data services are namespaced by publisher, so that choosing an id never
 * tells a caller whether a record it may not see exists.
 *
 * <p>An id a client chooses is {@code <publisher>.<name>}: its namespace (everything before the
 * last {@code '.'}) is the id of the record's publisher, and its name holds no {@code '.'}. Only
 * publishers of that organization may create records for it, and members of an organization see
 * all of its records, so an id already taken is always taken by a record the caller can see
 * (409). Organization ids hold no {@code '.'}, so every id has at most one namespace, and a
 * mirror's id ({@code <node>.<publisher>.<name>}) lies in none. A record whose id lies in its
 * publisher's namespace keeps that publisher: moved to another one, its id would sit in the old
 * namespace under a record the old publisher may no longer see. An id the node picks (a UUID
 * when the client sends none) lies in no namespace; such a record may move.
 */
public final class RecordIds {
    /** Separates the namespace (the publisher's id) from the name in a client-chosen id. */
    public static final char SEPARATOR = '.';

    private RecordIds() {}

    /** The namespace of {@code id}: everything before its last {@code '.'}; empty when it has none. */
    public static Optional<String> namespace(String id) {
        int last = id == null ? -1 : id.lastIndexOf(SEPARATOR);
        return last <= 0 ? Optional.empty() : Optional.of(id.substring(0, last));
    }

    /** Whether {@code id} lies in the namespace of {@code publisher}, with a non-empty name. */
    public static boolean inNamespaceOf(String id, String publisher) {
        return publisher != null
                && namespace(id).filter(publisher::equals).isPresent()
                && id.length() > publisher.length() + 1;
    }

    /**
     * Checks an id the client chose for a new record of {@code publisher}; nothing to check when
     * the node picks the id ({@code id} null) or the publisher is missing (reported elsewhere).
     */
    public static void checkChosen(Violations v, String id, String publisher) {
        if (id == null || publisher == null || inNamespaceOf(id, publisher)) {
            return;
        }
        v.add(
                "/id",
                "an id chosen by the client lies in its publisher's namespace: '" + publisher + SEPARATOR
                        + "<name>' (the name without '" + SEPARATOR + "'), not '" + id
                        + "'; leave the id out to let the node pick one");
    }

    /** Refuses moving a record whose id lies in its current publisher's namespace to another publisher. */
    public static void checkMove(Violations v, String id, String currentPublisher, String newPublisher) {
        if (!Objects.equals(currentPublisher, newPublisher) && inNamespaceOf(id, currentPublisher)) {
            v.add(
                    "/publisher",
                    "the id '" + id + "' lies in the namespace of '" + currentPublisher
                            + "', so the record keeps that publisher; register it anew under '" + newPublisher
                            + "'");
        }
    }

    /** An organization id is a namespace of record ids, so it holds no {@code '.'}. */
    public static void checkOrganizationId(Violations v, String id) {
        if (id != null && id.indexOf(SEPARATOR) >= 0) {
            v.add(
                    "/id",
                    "an organization id holds no '" + SEPARATOR + "': it is the namespace of its records' ids ('"
                            + id.replace(SEPARATOR, '-') + SEPARATOR + "<name>')");
        }
    }
}
