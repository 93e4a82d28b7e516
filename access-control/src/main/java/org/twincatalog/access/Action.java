package org.twincatalog.access;

import java.util.Locale;

/** What a caller wants to do with a dataset. */
public enum Action {
    /** Learn that the dataset exists and read its metadata (get, list, search, change feed, DCAT). */
    SEE_METADATA,
    /** Read its data: distributions, downloads, service endpoints, queries over its content. */
    ACCESS_DATA,
    /** Create a record for the owner organization given in the dataset. */
    CREATE,
    /** Change an existing record. */
    UPDATE,
    /** Withdraw a record from publication. */
    WITHDRAW,
    /** Approve (or refuse) the publication of a draft. */
    APPROVE_PUBLICATION;

    /** Whether the action changes state (and so is a write in the audit log). */
    public boolean isWrite() {
        return this != SEE_METADATA && this != ACCESS_DATA;
    }

    /** The value used in the audit log and fixtures: lower case with dashes. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Action parse(String id) {
        for (Action action : values()) {
            if (action.id().equals(id)) {
                return action;
            }
        }
        throw new AccessControlFailure.ValidationFailed("unknown action '" + id + "'");
    }
}
