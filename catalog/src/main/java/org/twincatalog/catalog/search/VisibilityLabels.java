package org.twincatalog.catalog.search;

import java.util.LinkedHashSet;
import java.util.Set;
import org.twincatalog.access.AccessLevel;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.access.Caller;

/**
 * Metadata visibility as labels, so that an index filters it inside the query: a dataset carries
 * the labels of everyone who may see it, a caller holds keys, and the caller sees a published
 * dataset when a key matches a label. The rules are those of the policy decision point for
 * {@code SEE_METADATA} (a test checks that both agree on every persona and level).
 */
public final class VisibilityLabels {
    static final String PUBLIC = "public";
    static final String AUTHENTICATED = "authenticated";
    static final String GOVERNMENT = "government";

    private VisibilityLabels() {}

    /** The labels of a published dataset owned by {@code owner}. */
    public static Set<String> of(String datasetId, String owner, AccessSettings access) {
        Set<String> labels = new LinkedHashSet<>();
        labels.add(org(owner));
        AccessLevel level = access.metadataVisibility();
        switch (level) {
            case PUBLIC -> labels.add(PUBLIC);
            case AUTHENTICATED -> labels.add(AUTHENTICATED);
            case GOVERNMENT -> labels.add(GOVERNMENT);
            case RESTRICTED -> {
                access.sharedWith().forEach(o -> labels.add(shared(o)));
                labels.add(granted(datasetId));
            }
            case PRIVATE -> {
                // the owner only
            }
        }
        return labels;
    }

    /** The keys of a caller; {@code grantedDatasets} are the datasets its organization holds agreements for. */
    public static Set<String> keysOf(Caller caller, Set<String> grantedDatasets) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(PUBLIC);
        if (caller.isAnonymous()) {
            return keys;
        }
        keys.add(AUTHENTICATED);
        if (caller.isPublicSector()) {
            keys.add(GOVERNMENT);
        }
        if (caller.organization() != null) {
            keys.add(org(caller.organization()));
            keys.add(shared(caller.organization()));
            grantedDatasets.forEach(id -> keys.add(granted(id)));
        }
        return keys;
    }

    private static String org(String id) {
        return "org:" + id;
    }

    private static String shared(String id) {
        return "shared:" + id;
    }

    private static String granted(String datasetId) {
        return "grant:" + datasetId;
    }
}
