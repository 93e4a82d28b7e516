package org.twincatalog.node.federation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twincatalog.federation.harvest.MirrorWriter;
import org.twincatalog.federation.harvest.MirrorWriter.PageResult;
import org.twincatalog.node.support.Fixtures;

/**
 * A {@code hidden} entry of a peer's feed withdraws the mirror of that record at once; the
 * tombstone reaches the next tier like any withdrawal. It touches nothing it does not name.
 */
@QuarkusTest
class HiddenEntryHarvestTest {
    @Inject
    MirrorWriter writer;

    @Test
    void hiddenEntry_withdrawsTheMirror_andTheWithdrawalIsInThisNodesFeed() {
        String publisher = Fixtures.newOrganization();
        String peer = Fixtures.uniqueId("city");
        writer.state(peer);
        writer.apply(
                peer,
                0,
                FeedPages.page(
                        2,
                        2,
                        FeedPages.created(1, FeedPages.dataset("bldg", publisher, 1, "Buildings")),
                        FeedPages.created(2, FeedPages.dataset("roads", publisher, 1, "Roads"))));
        long before = given().get("/api/v1/federation/feed?after=0&limit=1")
                .then()
                .extract()
                .jsonPath()
                .getLong("head");

        PageResult result = writer.apply(peer, 2, FeedPages.page(3, 3, FeedPages.hidden(3, "bldg", 1)));

        assertThat(result.applied()).isEqualTo(1);
        given().get("/api/v1/datasets/" + peer + ".bldg").then().statusCode(410);
        given().get("/api/v1/datasets/" + peer + ".roads").then().statusCode(200);
        List<Map<String, Object>> changes = given().get("/api/v1/federation/feed?after=" + before + "&limit=1000")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("entries.change");
        assertThat(changes)
                .filteredOn(c -> (peer + ".bldg").equals(c.get("recordId")))
                .extracting(c -> c.get("kind"))
                .containsExactly("withdrawn");
    }

    @Test
    void hiddenEntry_ofARecordNeverMirrored_orMirroredThroughAnotherPeer_changesNothing() {
        String publisher = Fixtures.newOrganization();
        String first = Fixtures.uniqueId("city");
        String second = Fixtures.uniqueId("metro");
        writer.state(first);
        writer.apply(
                first, 0, FeedPages.page(1, 1, FeedPages.created(1, FeedPages.dataset("bldg", publisher, 1, "B"))));
        writer.state(second);

        PageResult never = writer.apply(second, 0, FeedPages.page(1, 1, FeedPages.hidden(1, "unknown", 1)));
        PageResult other = writer.apply(second, 1, FeedPages.page(2, 2, FeedPages.hidden(2, first + ".bldg", 1)));

        assertThat(never.applied()).isZero();
        assertThat(other.applied()).isZero();
        given().get("/api/v1/datasets/" + first + ".bldg").then().statusCode(200);
    }
}
