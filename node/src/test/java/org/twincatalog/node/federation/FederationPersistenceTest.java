package org.twincatalog.node.federation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.is;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.catalog.Conflict;
import org.twincatalog.federation.directory.NodeDirectory;
import org.twincatalog.federation.directory.Peer;
import org.twincatalog.federation.harvest.HarvestStateEntity;
import org.twincatalog.federation.harvest.MirrorEntity;
import org.twincatalog.federation.harvest.MirrorKey;
import org.twincatalog.federation.harvest.MirrorWriter;
import org.twincatalog.federation.harvest.QuarantineEntity;
import org.twincatalog.federation.harvest.QuarantineKey;
import org.twincatalog.node.support.Fixtures;

/**
 * The federation tables (peer directory, harvest state and cursor, mirrors, quarantine) written
 * and read back through the code that uses them, on H2 here and on PostgreSQL in {@link
 * FederationPersistencePostgresTest}.
 */
@QuarkusTest
class FederationPersistenceTest {
    @Inject
    NodeDirectory directory;

    @Inject
    MirrorWriter writer;

    @Inject
    EntityManager em;

    @Test
    void peerDirectory_registersReplacesAndRemovesAPeer() {
        String id = Fixtures.uniqueId("city");
        Peer stored = directory.register(new Peer(
                id,
                Map.of("en", "Mapo-gu", "ko", "마포구"),
                "city",
                "http://127.0.0.1:8102/",
                List.of("11440", "11410"),
                "node-city-mapo",
                true,
                Peer.FROM_API));

        Peer read = directory.peer(id).orElseThrow();
        assertThat(read).isEqualTo(stored);
        assertThat(read.name()).containsEntry("ko", "마포구");
        assertThat(read.baseUrl()).isEqualTo("http://127.0.0.1:8102");
        assertThat(read.adminAreas()).containsExactly("11440", "11410");
        assertThat(directory.peers()).extracting(Peer::id).contains(id);

        directory.register(
                new Peer(id, Map.of(), "metro", "http://127.0.0.1:8201", List.of(), null, false, Peer.FROM_API));
        Peer replaced = directory.peer(id).orElseThrow();
        assertThat(directory.peers())
                .as("the list (a snapshot between writes) shows the replacement at once")
                .filteredOn(p -> p.id().equals(id))
                .extracting(Peer::tier)
                .containsExactly("metro");
        assertThat(replaced.tier()).isEqualTo("metro");
        assertThat(replaced.adminAreas()).isEmpty();
        assertThat(replaced.clientId()).isNull();
        assertThat(replaced.harvest()).isFalse();

        assertThat(directory.remove(id)).isTrue();
        assertThat(directory.peer(id)).isEmpty();
        assertThat(directory.peers()).extracting(Peer::id).doesNotContain(id);
        assertThat(directory.remove(id)).isFalse();
    }

    @Test
    void aHarvestPage_isWrittenAndReadBack_andTheNextRunResumesRightAfterIt() {
        String publisher = Fixtures.newOrganization();
        String peer = Fixtures.uniqueId("city");
        writer.state(peer);
        var first = FeedPages.page(
                2,
                4,
                FeedPages.created(1, FeedPages.dataset("a", publisher, 1, "A")),
                FeedPages.created(2, FeedPages.dataset("b", publisher, 1, "B")));

        assertThat(writer.apply(peer, 0, first).applied()).isEqualTo(2);

        HarvestStateEntity state = writer.find(peer);
        assertThat(state.cursor).isEqualTo(2);
        assertThat(state.peerHead).isEqualTo(4);
        assertThat(state.caughtUpAt).as("more pages to come").isNull();
        MirrorEntity a = mirror(peer + ".a");
        assertThat(a.peerId).isEqualTo(peer);
        assertThat(a.originNode).isEqualTo(peer);
        assertThat(a.originId).isEqualTo("a");
        assertThat(a.originVersion).isEqualTo(1);
        assertThat(a.peerSequence).isEqualTo(1);
        given().get("/api/v1/datasets/" + peer + ".b")
                .then()
                .statusCode(200)
                .body("title.en", is("B"))
                .body("origin.node", is(peer))
                .body("origin.id", is("b"));

        // a second run that read the same page finds the cursor moved, and writes nothing
        assertThatThrownBy(() -> writer.apply(peer, 0, first)).isInstanceOf(Conflict.class);
        assertThat(writer.find(peer).cursor).isEqualTo(2);

        // the next run reads after the cursor: a new version is applied, an old one skipped
        var next = FeedPages.page(
                4,
                4,
                FeedPages.updated(3, FeedPages.dataset("a", publisher, 2, "A, second version")),
                FeedPages.updated(4, FeedPages.dataset("b", publisher, 1, "B")));
        MirrorWriter.PageResult result = writer.apply(peer, 2, next);

        assertThat(result.applied()).isEqualTo(1);
        assertThat(result.unchanged()).isEqualTo(1);
        HarvestStateEntity caughtUp = writer.find(peer);
        assertThat(caughtUp.cursor).isEqualTo(4);
        assertThat(caughtUp.caughtUpAt).isNotNull();
        assertThat(mirror(peer + ".a").originVersion).isEqualTo(2);
        assertThat(mirror(peer + ".a").peerSequence).isEqualTo(3);
        given().get("/api/v1/datasets/" + peer + ".a")
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("title.en", is("A, second version"))
                .body("origin.version", is(2));
    }

    @Test
    void aBadEntry_isQuarantinedWithItsReason_andTheRestOfThePageIsWritten() {
        String publisher = Fixtures.newOrganization();
        String peer = Fixtures.uniqueId("city");
        writer.state(peer);
        Dataset broken = FeedPages.dataset("broken", publisher, 1, "Broken");
        broken.setTitle(null);

        MirrorWriter.PageResult result = writer.apply(
                peer,
                0,
                FeedPages.page(
                        2,
                        2,
                        FeedPages.created(1, broken),
                        FeedPages.created(2, FeedPages.dataset("fine", publisher, 1, "Fine"))));

        assertThat(result.quarantined()).isEqualTo(1);
        assertThat(result.applied()).isEqualTo(1);
        QuarantineEntity q = quarantined(peer, 1);
        assertThat(q.recordType).isEqualTo("dataset");
        assertThat(q.recordId).isEqualTo("broken");
        assertThat(q.reason).contains("/title");
        assertThat(q.at).isNotNull();
        assertThat(writer.find(peer).cursor).isEqualTo(2);
        given().get("/api/v1/datasets/" + peer + ".broken").then().statusCode(404);
        given().get("/api/v1/datasets/" + peer + ".fine").then().statusCode(200);
    }

    private MirrorEntity mirror(String localId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> em.find(MirrorEntity.class, new MirrorKey("dataset", localId)));
    }

    private QuarantineEntity quarantined(String peer, long sequence) {
        QuarantineKey key = new QuarantineKey();
        key.peerId = peer;
        key.sequence = sequence;
        return QuarkusTransaction.requiringNew().call(() -> em.find(QuarantineEntity.class, key));
    }
}
