package org.twincatalog.catalog.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Words are looked up only in the languages whose text can hold them. */
class LanguagesForTest {
    @Test
    void hangulWords_areLookedUpInKoreanAndOtherLanguagesText() {
        assertThat(LuceneQueries.languagesFor("건축물 2023")).containsExactly("ko", "xx");
    }

    @Test
    void kana_goToJapanese_hanToKoreanAndJapanese() {
        assertThat(LuceneQueries.languagesFor("たてもの")).containsExactly("ja", "xx");
        assertThat(LuceneQueries.languagesFor("建築物")).containsExactly("ko", "ja", "xx");
        assertThat(LuceneQueries.languagesFor("建築物 モデル")).containsExactly("ko", "ja", "xx");
    }

    @Test
    void latinLetters_digitsOnly_orMixedScripts_areLookedUpEverywhere() {
        assertThat(LuceneQueries.languagesFor("PLATEAU")).containsExactly("ko", "ja", "en", "xx");
        assertThat(LuceneQueries.languagesFor("2023")).containsExactly("ko", "ja", "en", "xx");
        assertThat(LuceneQueries.languagesFor("LOD2 건축물")).containsExactly("ko", "ja", "en", "xx");
    }
}
