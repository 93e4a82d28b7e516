package org.twincatalog.catalog.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.twincatalog.access.AccessLevel;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.access.Caller;
import org.twincatalog.access.OrgKind;
import org.twincatalog.api.v1.model.Dataset;

/** The search fixtures (datasets with access settings, from a file) and the personas that search. */
public final class SearchFixtures {
    public static final Caller ANONYMOUS = Caller.anonymous();
    public static final Caller DEVELOPER = Caller.user("dev", null, OrgKind.NONE, Set.of(Caller.DEVELOPER));
    public static final Caller COMPANY = Caller.user("acme-user", "acme", OrgKind.COMPANY, Set.of());
    public static final Caller GANGNAM_PUBLISHER =
            Caller.user("gp", "gangnam", OrgKind.DISTRICT, Set.of(Caller.PUBLISHER));
    public static final Caller MINISTRY_ANALYST = Caller.user("ma", "molit", OrgKind.MINISTRY, Set.of(Caller.ANALYST));
    public static final Caller SEJONG_STEWARD = Caller.user("ss", "sejong", OrgKind.CITY, Set.of(Caller.STEWARD));

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private SearchFixtures() {}

    public static List<IndexedDataset> datasets() {
        try (InputStream in = SearchFixtures.class.getClassLoader().getResourceAsStream("search/datasets.json")) {
            List<IndexedDataset> all = new ArrayList<>();
            for (JsonNode entry : JSON.readTree(in)) {
                JsonNode a = entry.get("access");
                Set<String> shared = new HashSet<>();
                if (a.has("sharedWith")) {
                    a.get("sharedWith").forEach(o -> shared.add(o.asText()));
                }
                AccessSettings access = new AccessSettings(
                        AccessLevel.parse(a.get("metadata").asText()),
                        AccessLevel.parse(a.get("data").asText()),
                        false,
                        shared);
                all.add(new IndexedDataset(JSON.treeToValue(entry.get("dataset"), Dataset.class), access));
            }
            return all;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
