package org.twincatalog.catalog.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Organization;

/**
 * The names, in every language, of the places a dataset belongs to, so that it is found by its
 * city's name in any language ({@code q=tokyo}, {@code q=東京}, {@code q=서울}) even when its own
 * text names the city in one language or not at all: the publishing organization and the
 * organizations whose area code is one of the dataset's administrative areas, each with its
 * parents (a district's metropolitan government).
 */
public final class PlaceNames {
    /** Parents are followed this far at most (and never around a cycle). */
    private static final int MAX_DEPTH = 8;

    private final Map<String, Organization> byId = new HashMap<>();
    private final Map<String, List<Organization>> byArea = new HashMap<>();

    /** The place names of {@code organizations} (all the node's published organizations). */
    public PlaceNames(Collection<Organization> organizations) {
        for (Organization o : organizations) {
            byId.put(o.getId(), o);
            if (o.getAreaCode() != null) {
                byArea.computeIfAbsent(o.getAreaCode(), a -> new ArrayList<>()).add(o);
            }
        }
    }

    /** The dataset's place names by language tag, each language's names joined by spaces; empty for none. */
    public Map<String, String> of(Dataset dataset) {
        Set<Organization> places = new LinkedHashSet<>();
        withParents(byId.get(dataset.getPublisher()), places);
        if (dataset.getSpatial() != null && dataset.getSpatial().getAdminAreas() != null) {
            for (String area : dataset.getSpatial().getAdminAreas()) {
                byArea.getOrDefault(area, List.of()).forEach(o -> withParents(o, places));
            }
        }
        Map<String, Set<String>> names = new LinkedHashMap<>();
        for (Organization o : places) {
            if (o.getName() != null) {
                o.getName().forEach((lang, name) -> names.computeIfAbsent(lang, l -> new LinkedHashSet<>())
                        .add(name));
            }
        }
        Map<String, String> joined = new LinkedHashMap<>();
        names.forEach((lang, set) -> joined.put(lang, String.join(" ", set)));
        return joined;
    }

    /**
     * The organizations whose datasets' place names change when {@code changed} change: those
     * organizations and every organization below them.
     */
    public Set<String> affectedBy(Collection<String> changed) {
        Set<String> affected = new HashSet<>(changed);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Organization o : byId.values()) {
                if (o.getParent() != null && affected.contains(o.getParent()) && affected.add(o.getId())) {
                    grew = true;
                }
            }
        }
        return affected;
    }

    private void withParents(Organization start, Set<Organization> into) {
        Organization o = start;
        for (int depth = 0; o != null && depth < MAX_DEPTH && into.add(o); depth++) {
            o = o.getParent() == null ? null : byId.get(o.getParent());
        }
    }
}
