package org.twincatalog.access.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.twincatalog.access.Caller;
import org.twincatalog.access.OrgKind;
import org.twincatalog.access.testing.KeycloakServer;

/**
 * Real Keycloak tokens of every persona arrive with the claims {@link CallerClaims} expects; a
 * node's service account exchanges its token for one addressed to another node.
 */
@Tag("keycloak")
class KeycloakTokensTest {

    private static KeycloakServer keycloak;

    @BeforeAll
    static void startKeycloak() {
        String missing = KeycloakServer.unavailableReason();
        assumeTrue(missing == null, () -> "no Keycloak here: " + missing);
        keycloak = KeycloakServer.startOrReuse();
        System.out.printf(
                "Keycloak realm %s ready; start took %d ms%s%n",
                keycloak.issuer(), keycloak.startTime().toMillis(), keycloak.startedHere() ? "" : " (reused)");
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @ParameterizedTest(name = "{0} -> org {1} ({2}), role {3}")
    @CsvSource(
            nullValues = "-",
            value = {
                "dev,               -,             none,     developer, -",
                "acme-dev,          acme-mobility, company,  developer, -",
                "gangnam-publisher, seoul-gangnam, district, publisher, 11680",
                "gangnam-steward,   seoul-gangnam, district, steward,   11680",
                "mapo-publisher,    seoul-mapo,    district, publisher, 11440",
                "mapo-steward,      seoul-mapo,    district, steward,   11440",
                "seoul-steward,     seoul,         metro,    steward,   11000",
                "busan-publisher,   busan,         metro,    publisher, 26000",
                "tokyo-publisher,   tokyo-23,      city,     publisher, 13100",
                "molit-analyst,     molit,         ministry, analyst,   -",
            })
    void userToken_carriesTheClaimsOfTheCaller(String user, String org, String kind, String role, String area) {
        Map<String, Object> claims = KeycloakServer.claims(keycloak.userToken(user));

        Caller caller = CallerClaims.toCaller(claims);

        assertThat(claims.get("iss")).isEqualTo(keycloak.issuer());
        assertThat(audience(claims)).contains(KeycloakServer.NODE_AUDIENCE);
        assertThat(claims.get("preferred_username")).isEqualTo(user);
        assertThat(caller.subject()).isNotBlank();
        assertThat(caller.organization()).isEqualTo(org);
        assertThat(caller.organizationKind()).isEqualTo(OrgKind.parse(kind));
        assertThat(caller.roles()).contains(role).doesNotContain(Caller.NODE);
        assertThat(caller.areaCodes()).isEqualTo(area == null ? Set.of() : Set.of(area));
        assertThat(caller.nodeServiceAccount()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> node of {1}")
    @CsvSource({
        "node-national,     ngii,          agency",
        "node-metro-seoul,  seoul,         metro",
        "node-city-gangnam, seoul-gangnam, district",
        "node-city-mapo,    seoul-mapo,    district",
    })
    void serviceAccountToken_isANodeOfItsOrganization(String client, String org, String kind) {
        Map<String, Object> claims = KeycloakServer.claims(keycloak.serviceAccountToken(client));

        Caller caller = CallerClaims.toCaller(claims);

        assertThat(caller.nodeServiceAccount()).isTrue();
        assertThat(caller.organization()).isEqualTo(org);
        assertThat(caller.organizationKind()).isEqualTo(OrgKind.parse(kind));
        assertThat(caller.roles()).contains(Caller.NODE);
        assertThat(audience(claims)).contains(KeycloakServer.NODE_AUDIENCE, client);
    }

    @Test
    void tokenExchange_serviceAccountToken_becomesATokenForAnotherNodeOnly() {
        String own = keycloak.serviceAccountToken("node-city-gangnam");

        Map<String, Object> exchanged =
                KeycloakServer.claims(keycloak.exchange("node-city-gangnam", own, "node-metro-seoul"));

        assertThat(audience(exchanged)).containsExactly("node-metro-seoul");
        assertThat(exchanged.get("azp")).isEqualTo("node-city-gangnam");
        Caller caller = CallerClaims.toCaller(exchanged);
        assertThat(caller.nodeServiceAccount()).isTrue();
        assertThat(caller.organization()).isEqualTo("seoul-gangnam");
    }

    @Test
    void tokenExchange_userTokenByANode_keepsTheUserAsCaller_readOnly() {
        String userToken = keycloak.userToken("gangnam-publisher");

        Map<String, Object> exchanged =
                KeycloakServer.claims(keycloak.exchange("node-city-gangnam", userToken, "node-national"));

        assertThat(audience(exchanged)).containsExactly("node-national");
        Caller caller = CallerClaims.toCaller(exchanged);
        assertThat(exchanged.get("azp")).isEqualTo("node-city-gangnam");
        assertThat(exchanged.get("preferred_username")).isEqualTo("gangnam-publisher");
        assertThat(caller.nodeServiceAccount()).isFalse();
        assertThat(caller.organization()).isEqualTo("seoul-gangnam");
        // node clients have no full scope: the exchanged token carries no role that writes or decides
        assertThat(caller.roles()).doesNotContain(Caller.PUBLISHER, Caller.STEWARD);
        assertThat(caller.readOnly()).isTrue();
    }

    @Test
    void tokenExchange_forAClientThatIsNoNode_isRefused() {
        String own = keycloak.serviceAccountToken("node-city-mapo");

        assertThatThrownBy(() -> keycloak.exchange("node-city-mapo", own, "twin-catalog-cli"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("400");
    }

    @Test
    void passwordGrant_withWrongPassword_isRefused() {
        assertThat(keycloak.passwordGrant("gangnam-steward", "not-the-password").statusCode())
                .isEqualTo(401);
    }

    @SuppressWarnings("unchecked")
    private static List<String> audience(Map<String, Object> claims) {
        Object aud = claims.get("aud");
        return aud instanceof List<?> list ? (List<String>) list : List.of(String.valueOf(aud));
    }
}
