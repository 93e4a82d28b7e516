package org.twincatalog.catalog.record;

import org.twincatalog.api.v1.model.RecordOrigin;
import org.twincatalog.catalog.Conflict;
import org.twincatalog.catalog.RecordType;

/**
 * The rule that keeps mirrors honest. A mirror is a record harvested from another node: it
 * carries a read-only {@code origin} (node, id, version) and its origin's access settings, and
 * only the harvester writes it (through {@link RecordStore}, not through the services). The local
 * API may read a mirror but not change it, and a client cannot make a record look like a mirror
 * by sending an {@code origin}.
 */
public final class Mirrors {
    private Mirrors() {}

    /**
     * Refuses a write through the local API to a mirror.
     *
     * @throws Conflict naming the origin, where the record must be changed instead
     */
    public static void requireLocal(RecordEntity record) {
        RecordOrigin origin = RecordMapper.origin(record);
        if (origin != null) {
            throw new Conflict(kind(record.type()) + " '" + record.id + "' is a mirror of " + origin.getNode() + "/"
                    + origin.getId() + ", harvested from another node: it is read-only here and must be changed at"
                    + " its origin");
        }
    }

    /** A client-supplied origin is a violation at {@code /origin}: only the harvester sets it. */
    public static void rejectOrigin(Violations v, RecordOrigin origin) {
        if (origin != null) {
            v.add(
                    "/origin",
                    "origin is read-only: only harvested mirrors of other nodes' records carry one, and the"
                            + " harvester sets it");
        }
    }

    private static String kind(RecordType type) {
        return switch (type) {
            case DATASET -> "Dataset";
            case SERVICE -> "Data service";
            case ORGANIZATION -> "Organization";
        };
    }
}
