package org.twincatalog.access.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twincatalog.access.AccessControlFailure;
import org.twincatalog.access.Caller;
import org.twincatalog.access.OrgKind;

class CallerClaimsTest {

    @Test
    void toCaller_publisherClaims_giveOrganizationKindAreaAndRoles() {
        Caller caller = CallerClaims.toCaller(Map.of(
                "sub", "u-1",
                "org", "seoul-gangnam",
                "org_kind", "district",
                "area_code", List.of("11680"),
                "realm_access", Map.of("roles", List.of("publisher", "default-roles-twin-catalog")),
                "preferred_username", "gangnam-publisher",
                "azp", "twin-catalog-cli"));

        assertThat(caller.subject()).isEqualTo("u-1");
        assertThat(caller.organization()).isEqualTo("seoul-gangnam");
        assertThat(caller.organizationKind()).isEqualTo(OrgKind.DISTRICT);
        assertThat(caller.areaCodes()).containsExactly("11680");
        assertThat(caller.roles()).contains(Caller.PUBLISHER);
        assertThat(caller.nodeServiceAccount()).isFalse();
        assertThat(caller.readOnly()).isFalse();
        assertThat(caller.actsAs(Caller.PUBLISHER, "seoul-gangnam")).isTrue();
        assertThat(caller.isPublicSector()).isTrue();
    }

    @Test
    void toCaller_serviceAccountOfItsOwnClientWithNodeRole_isANode() {
        Caller caller = CallerClaims.toCaller(Map.of(
                "sub", "sa-1",
                "org", "ngii",
                "org_kind", "agency",
                "realm_access", Map.of("roles", List.of("node")),
                "preferred_username", "service-account-node-national",
                "azp", "node-national"));

        assertThat(caller.nodeServiceAccount()).isTrue();
    }

    @Test
    void toCaller_userTokenExchangedByANode_isNotANode() {
        Caller caller = CallerClaims.toCaller(Map.of(
                "sub", "u-1",
                "realm_access", Map.of("roles", List.of("node")),
                "preferred_username", "gangnam-publisher",
                "azp", "node-city-gangnam"));

        assertThat(caller.nodeServiceAccount()).isFalse();
    }

    @Test
    void toCaller_publisherTokenIssuedToANodeClient_isReadOnly_whateverItsRoles() {
        Map<String, Object> claims = Map.of(
                "sub", "u-1",
                "org", "seoul-gangnam",
                "org_kind", "district",
                "realm_access", Map.of("roles", List.of("publisher", "steward")),
                "preferred_username", "gangnam-publisher",
                "azp", "node-national");

        Caller caller = CallerClaims.toCaller(claims);

        assertThat(caller.viaNode()).isTrue();
        assertThat(caller.readOnly()).isTrue();
        assertThat(caller.nodeServiceAccount()).isFalse();
        assertThat(caller.belongsTo("seoul-gangnam")).isTrue();
        assertThat(caller.actsAs(Caller.PUBLISHER, "seoul-gangnam")).isFalse();
        assertThat(caller.actsAs(Caller.STEWARD, "seoul-gangnam")).isFalse();
        assertThat(CallerClaims.toCaller(claims, client -> client.equals("federation-broker"))
                        .readOnly())
                .as("another realm's naming of node clients")
                .isFalse();
    }

    @Test
    void toCaller_withoutOrganization_givesNoKindAndNoPublicSector() {
        Caller caller = CallerClaims.toCaller(Map.of("sub", "dev", "org_kind", "ministry", "area_code", "11000"));

        assertThat(caller.organization()).isNull();
        assertThat(caller.organizationKind()).isEqualTo(OrgKind.NONE);
        assertThat(caller.isPublicSector()).isFalse();
        assertThat(caller.areaCodes()).containsExactly("11000");
    }

    @Test
    void toCaller_unknownOrganizationKind_isNotPublicSector() {
        Caller caller = CallerClaims.toCaller(Map.of("sub", "x", "org", "guild", "org_kind", "guild"));

        assertThat(caller.organizationKind()).isEqualTo(OrgKind.NONE);
        assertThat(caller.isPublicSector()).isFalse();
    }

    @Test
    void toCaller_withoutSubject_isRejected() {
        assertThatThrownBy(() -> CallerClaims.toCaller(Map.of("org", "seoul")))
                .isInstanceOf(AccessControlFailure.ValidationFailed.class);
    }
}
