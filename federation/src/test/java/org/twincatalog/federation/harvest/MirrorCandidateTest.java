package org.twincatalog.federation.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twincatalog.api.v1.model.AccessLevel;
import org.twincatalog.api.v1.model.AccessSettings;
import org.twincatalog.api.v1.model.Change;
import org.twincatalog.api.v1.model.ChangeKind;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.HarvestFeedEntry;
import org.twincatalog.api.v1.model.RecordOrigin;
import org.twincatalog.api.v1.model.RecordType;
import org.twincatalog.catalog.record.DocumentCodec;

class MirrorCandidateTest {

    @Test
    void aChildsOwnRecord_becomesAMirrorWithTheChildAsOrigin_andKeepsItsAccessSettings() {
        Dataset d = dataset("bldg-2025", 3);
        d.setAccess(
                new AccessSettings().metadataVisibility(AccessLevel.GOVERNMENT).dataAccess(AccessLevel.GOVERNMENT));
        MirrorCandidate c = MirrorCandidate.of("city-mapo", entry(d));
        assertThat(c.problem()).isNull();
        assertThat(c.localId()).isEqualTo("city-mapo.bldg-2025");
        assertThat(c.originNode()).isEqualTo("city-mapo");
        assertThat(c.originVersion()).isEqualTo(3);
        assertThat(c.settings().metadataVisibility().id()).isEqualTo("government");
        Dataset stored = DocumentCodec.read(c.document(), Dataset.class);
        assertThat(stored.getOrigin().getChain()).containsExactly("city-mapo");
        assertThat(stored.getId()).as("server fields stay out of the document").isNull();
    }

    @Test
    void aMirrorOfAMirror_keepsItsOrigin_andExtendsTheChain() {
        Dataset d = dataset("city-mapo.bldg-2025", 1);
        d.setOrigin(
                new RecordOrigin().node("city-mapo").id("bldg-2025").version(3L).chain(List.of("city-mapo")));
        MirrorCandidate c = MirrorCandidate.of("metro-seoul", entry(d));
        assertThat(c.localId()).isEqualTo("city-mapo.bldg-2025");
        assertThat(c.originVersion()).isEqualTo(3);
        assertThat(DocumentCodec.read(c.document(), Dataset.class).getOrigin().getChain())
                .containsExactly("city-mapo", "metro-seoul");
    }

    @Test
    void aChildsOwnRecord_linksToItsAddressAtTheChild_andKeepsItsModifiedTime() {
        Dataset d = dataset("bldg-2025", 3).modified(OffsetDateTime.parse("2024-03-01T10:00:00Z"));
        MirrorCandidate c = MirrorCandidate.of("city-mapo", "http://127.0.0.1:8083/", entry(d));
        RecordOrigin origin = DocumentCodec.read(c.document(), Dataset.class).getOrigin();
        assertThat(origin.getSource()).hasToString("http://127.0.0.1:8083/api/v1/datasets/bldg-2025");
        assertThat(origin.getModified()).isEqualTo(OffsetDateTime.parse("2024-03-01T10:00:00Z"));
    }

    @Test
    void aMirrorOfAMirror_keepsTheSourceAndModifiedTimeOfItsOrigin() {
        Dataset d = dataset("city-mapo.bldg", 1).modified(OffsetDateTime.parse("2026-01-01T00:00:00Z"));
        d.setOrigin(new RecordOrigin()
                .node("city-mapo")
                .id("bldg")
                .version(3L)
                .chain(List.of("city-mapo"))
                .source(URI.create("http://127.0.0.1:8083/api/v1/datasets/bldg"))
                .modified(OffsetDateTime.parse("2024-03-01T10:00:00Z")));
        MirrorCandidate c = MirrorCandidate.of("metro-seoul", "http://127.0.0.1:8081", entry(d));
        RecordOrigin origin = DocumentCodec.read(c.document(), Dataset.class).getOrigin();
        assertThat(origin.getSource()).hasToString("http://127.0.0.1:8083/api/v1/datasets/bldg");
        assertThat(origin.getModified()).isEqualTo(OffsetDateTime.parse("2024-03-01T10:00:00Z"));
    }

    @Test
    void aMirrorOfAMirror_whoseSourceIsNotAWebAddress_getsNoSource() {
        Dataset d = dataset("city-mapo.bldg", 1);
        d.setOrigin(new RecordOrigin()
                .node("city-mapo")
                .id("bldg")
                .version(3L)
                .chain(List.of("city-mapo"))
                .source(URI.create("javascript:alert(1)")));
        MirrorCandidate c = MirrorCandidate.of("metro-seoul", "http://127.0.0.1:8081", entry(d));
        assertThat(DocumentCodec.read(c.document(), Dataset.class).getOrigin().getSource())
                .isNull();
    }

    @Test
    void aChildWhoseAddressIsUnknown_givesNoSource() {
        MirrorCandidate c = MirrorCandidate.of("city-mapo", entry(dataset("bldg", 1)));
        assertThat(DocumentCodec.read(c.document(), Dataset.class).getOrigin().getSource())
                .isNull();
    }

    @Test
    void aRecordWithoutTitle_isQuarantinedWithThePointer() {
        Dataset d = dataset("broken", 1);
        d.setTitle(null);
        MirrorCandidate c = MirrorCandidate.of("city-mapo", entry(d));
        assertThat(c.quarantined()).isTrue();
        assertThat(c.problem()).contains("/title");
    }

    @Test
    void anIdThatMakesTheMirrorIdTooLong_isQuarantined() {
        MirrorCandidate c = MirrorCandidate.of("city-mapo", entry(dataset("x".repeat(95), 1)));
        assertThat(c.problem()).contains("mirror id");
    }

    @Test
    void aPeerRecordWithControlsSurrogatesOrBidiInItsTitle_isQuarantinedWithEachPointer() {
        MirrorCandidate c = MirrorCandidate.of("city-mapo", fixture("hostile-text-dataset.json"));
        assertThat(c.quarantined()).isTrue();
        assertThat(c.problem())
                .contains("/title/en: holds the control character U+0000")
                .contains("/title/ko: holds the bidirectional control character U+202E")
                .contains("/keywords/en/1: holds an unpaired surrogate U+D800")
                .doesNotContain("\u0000")
                .doesNotContain("\u202e");
        assertThat(c.problem().chars().noneMatch(ch -> ch < 0x20 || Character.isSurrogate((char) ch)))
                .isTrue();
    }

    @Test
    void aPeerOrganizationWithHostileTextInItsName_isQuarantined() {
        MirrorCandidate c = MirrorCandidate.of("city-mapo", fixture("hostile-text-organization.json"));
        assertThat(c.quarantined()).isTrue();
        assertThat(c.problem())
                .contains("/name/en: holds the bidirectional control character U+2066")
                .contains("/name/ko: holds the control character U+001B");
    }

    private static HarvestFeedEntry fixture(String name) {
        try (var in = MirrorCandidateTest.class.getResourceAsStream("/harvest/" + name)) {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                    .readValue(in, HarvestFeedEntry.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Dataset dataset(String id, long version) {
        return new Dataset()
                .id(id)
                .publisher("seoul-mapo")
                .title(Map.of("en", "Buildings"))
                .description(Map.of("en", "LOD2 buildings"))
                .recordVersion(version);
    }

    private static HarvestFeedEntry entry(Dataset d) {
        return new HarvestFeedEntry()
                .change(new Change()
                        .sequence(7L)
                        .recordType(RecordType.DATASET)
                        .recordId(d.getId())
                        .kind(ChangeKind.CREATED)
                        .recordVersion(d.getRecordVersion())
                        .time(OffsetDateTime.parse("2026-11-21T00:00:00Z"))
                        .contentHash("sha256:00"))
                .dataset(d);
    }
}
