package org.twincatalog.catalog.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twincatalog.api.v1.model.Organization;
import org.twincatalog.catalog.ValidationFailed;
import org.twincatalog.catalog.Violation;

class PlainTextTest {

    @Test
    void tabsNewlinesAndPairedSurrogates_areAllowed_bidiOnlyOutsideLabels() {
        assertThat(PlainText.problem("line\tone\r\nline two 🏙 건축物", true)).isNull();
        assertThat(PlainText.problem("שלום \u202Bembedded\u202C", false)).isNull();
        assertThat(PlainText.problem("\u202Egnp.exe", true)).contains("U+202E", "character 1");
        assertThat(PlainText.problem("a\u2069", true)).contains("U+2069");
    }

    @Test
    void nulC0ControlsLoneSurrogatesAndNonCharacters_areRefusedEverywhere() {
        assertThat(PlainText.problem("a\u0000b", false)).contains("U+0000", "character 2");
        assertThat(PlainText.problem("\u001b[31m", false)).contains("U+001B");
        assertThat(PlainText.problem("x\uD800", false)).contains("unpaired surrogate U+D800");
        assertThat(PlainText.problem("\uDC00x", false)).contains("U+DC00");
        assertThat(PlainText.problem("\uDC00\uD800", false)).contains("U+DC00");
        assertThat(PlainText.problem("\uFFFF", false)).contains("U+FFFF");
    }

    @Test
    void clean_dropsControlsAndReplacesLoneSurrogates_andKeepsCleanTextAsIs() {
        String ok = "마포구 🏙\tok";
        assertThat(PlainText.clean(ok)).isSameAs(ok);
        assertThat(PlainText.clean("a\u0000b\u0007c\uD800d🏙\uDC00")).isEqualTo("abc\uFFFDd🏙\uFFFD");
    }

    @Test
    void cleanTree_cleansStringsAndKeysAtAnyDepth() throws Exception {
        ObjectNode tree = (ObjectNode) new ObjectMapper()
                .readTree("{\"title\":{\"en\":\"a\\u0000\"},\"k\\u0001\":[\"x\\ud800\",{\"y\":\"\\u001f\"}]}");
        PlainText.cleanTree(tree);
        assertThat(tree.toString()).isEqualTo("{\"title\":{\"en\":\"a\"},\"k\":[\"x\uFFFD\",{\"y\":\"\"}]}");
    }

    @Test
    void visible_writesWhatAMessageCannotCarryAsCodePoints() {
        assertThat(PlainText.visible("a\u0000\u202E\uD800🏙")).isEqualTo("aU+0000U+202EU+D800🏙");
    }

    @Test
    void violationsOfABody_nameEveryBadStringByPointer_inOneAnswer() {
        Organization org = new Organization()
                .id("seoul-mapo")
                .name(Map.of("en", "Mapo\u202E", "ko", "마포구", "ja", "x\u0000"))
                .parent("seoul\u202E")
                .email("a\uD800@example.kr");
        Violations v = Violations.of(org);
        assertThatThrownBy(() -> v.throwIfAny("organization"))
                .isInstanceOfSatisfying(ValidationFailed.class, e -> assertThat(
                                e.violations().stream().map(Violation::pointer).toList())
                        .containsExactlyInAnyOrderElementsOf(List.of("/name/en", "/name/ja", "/email")));
    }
}
