package org.twincatalog.access.policy;

import java.util.Map;
import java.util.Set;
import org.twincatalog.access.Caller;
import org.twincatalog.access.OrgKind;

/** The personas of the policy matrix, as the realm's demo users and node clients look as callers. */
final class Personas {

    static final String OWNER = "seoul-gangnam";

    static final Map<String, Caller> BY_NAME = Map.ofEntries(
            Map.entry("anon", Caller.anonymous()),
            Map.entry("dev", person("dev", null, OrgKind.NONE, Caller.DEVELOPER)),
            Map.entry("acme", person("acme-dev", "acme-mobility", OrgKind.COMPANY, Caller.DEVELOPER)),
            Map.entry("gn-pub", person("gangnam-publisher", OWNER, OrgKind.DISTRICT, Caller.PUBLISHER)),
            Map.entry("gn-stew", person("gangnam-steward", OWNER, OrgKind.DISTRICT, Caller.STEWARD)),
            Map.entry("mp-pub", person("mapo-publisher", "seoul-mapo", OrgKind.DISTRICT, Caller.PUBLISHER)),
            Map.entry("mp-stew", person("mapo-steward", "seoul-mapo", OrgKind.DISTRICT, Caller.STEWARD)),
            Map.entry("seoul", person("seoul-steward", "seoul", OrgKind.METRO, Caller.STEWARD)),
            Map.entry("molit", person("molit-analyst", "molit", OrgKind.MINISTRY, Caller.ANALYST)),
            Map.entry("busan", person("busan-publisher", "busan", OrgKind.METRO, Caller.PUBLISHER)),
            Map.entry("tokyo", person("tokyo-publisher", "tokyo-23", OrgKind.CITY, Caller.PUBLISHER)),
            Map.entry("node-nat", node("node-national", "ngii", OrgKind.AGENCY)),
            Map.entry("node-gn", node("node-city-gangnam", OWNER, OrgKind.DISTRICT)),
            Map.entry(
                    "fwd-gn",
                    new Caller(
                            "gangnam-publisher",
                            OWNER,
                            OrgKind.DISTRICT,
                            Set.of(),
                            Set.of(Caller.PUBLISHER, Caller.STEWARD),
                            false,
                            true)));

    private Personas() {}

    static Caller get(String name) {
        Caller caller = BY_NAME.get(name);
        if (caller == null) {
            throw new IllegalArgumentException("unknown persona " + name);
        }
        return caller;
    }

    private static Caller person(String subject, String org, OrgKind kind, String role) {
        return new Caller(subject, org, kind, Set.of(), Set.of(role), false);
    }

    private static Caller node(String client, String org, OrgKind kind) {
        return new Caller("service-account-" + client, org, kind, Set.of(), Set.of(Caller.NODE), true);
    }
}
