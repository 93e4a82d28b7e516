package org.twincatalog.node.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NodeClientsTest {
    private final NodeClients gangnam =
            new NodeClients(Pattern.compile("node-.+").asMatchPredicate(), Optional.of("node-city-gangnam"));

    @Test
    void refusal_personsToken_isLeftToTheAudienceCheck() {
        assertThat(gangnam.refusal("twin-catalog-cli", List.of("twin-catalog-node", "node-city-mapo")))
                .isNull();
    }

    @Test
    void refusal_nodeTokenAddressedToThisNodeAlone_isAccepted() {
        assertThat(gangnam.refusal("node-national", List.of("node-city-gangnam")))
                .isNull();
    }

    @Test
    void refusal_nodeTokenAddressedToAnotherNode_isRefused() {
        assertThat(gangnam.refusal("node-national", List.of("node-city-mapo"))).contains("not addressed to this node");
        assertThat(gangnam.refusal("node-national", List.of("twin-catalog-node")))
                .contains("not addressed to this node");
    }

    @Test
    void refusal_nodesOwnClientCredentialsToken_namingEveryNode_isRefused() {
        assertThat(gangnam.refusal(
                        "node-national",
                        List.of("node-national", "node-city-gangnam", "node-city-mapo", "twin-catalog-node")))
                .contains("alone");
    }

    @Test
    void refusal_atANodeWithoutFederationClient_refusesEveryNodeToken() {
        NodeClients none = new NodeClients(Pattern.compile("node-.+").asMatchPredicate(), Optional.empty());
        assertThat(none.refusal("node-national", List.of("node-city-gangnam"))).isNotNull();
        assertThat(none.refusal("twin-catalog-cli", List.of("twin-catalog-node")))
                .isNull();
    }
}
