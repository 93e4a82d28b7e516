package org.twincatalog.node.federation;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.twincatalog.api.v1.model.Change;
import org.twincatalog.api.v1.model.ChangeKind;
import org.twincatalog.api.v1.model.DataService;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Distribution;
import org.twincatalog.api.v1.model.HarvestFeedEntry;
import org.twincatalog.api.v1.model.HarvestFeedPage;
import org.twincatalog.api.v1.model.RecordType;
import org.twincatalog.api.v1.model.Spatial;

/** Pages of a peer's harvest feed, as a peer would answer them, for writing mirrors in tests. */
final class FeedPages {
    private FeedPages() {}

    /** A page of {@code entries} read after a cursor; {@code next} is the last sequence it holds. */
    static HarvestFeedPage page(long next, long head, HarvestFeedEntry... entries) {
        return new HarvestFeedPage()
                .node("peer")
                .entries(List.of(entries))
                .next(next)
                .hasMore(next < head)
                .head(head);
    }

    /** A dataset registered at the peer, with one distribution {@code d1}. */
    static Dataset dataset(String id, String publisher, long version, String title) {
        return new Dataset()
                .id(id)
                .publisher(publisher)
                .recordVersion(version)
                .title(Map.of("en", title))
                .description(Map.of("en", title + ", registered at the peer"))
                .spatial(new Spatial().adminAreas(List.of("11440")))
                .distributions(List.of(new Distribution()
                        .id("d1")
                        .title(Map.of("en", "the file"))
                        .accessUrl(URI.create("https://data.example.kr/" + id))));
    }

    /** The peer's change of a dataset with the dataset's current state. */
    static HarvestFeedEntry created(long sequence, Dataset dataset) {
        return new HarvestFeedEntry()
                .change(change(sequence, RecordType.DATASET, dataset.getId(), dataset.getRecordVersion()))
                .dataset(dataset);
    }

    /** A later version of a dataset (the change kind follows from its version). */
    static HarvestFeedEntry updated(long sequence, Dataset dataset) {
        return created(sequence, dataset);
    }

    static HarvestFeedEntry created(long sequence, DataService service) {
        return new HarvestFeedEntry()
                .change(change(sequence, RecordType.SERVICE, service.getId(), service.getRecordVersion()))
                .service(service);
    }

    /** The peer's word that a dataset this node saw left its sight: the id only. */
    static HarvestFeedEntry hidden(long sequence, String id, long lastSeenVersion) {
        return new HarvestFeedEntry()
                .change(change(sequence, RecordType.DATASET, id, lastSeenVersion)
                        .kind(ChangeKind.HIDDEN));
    }

    private static Change change(long sequence, RecordType type, String id, long version) {
        return new Change()
                .sequence(sequence)
                .recordType(type)
                .recordId(id)
                .kind(version == 1 ? ChangeKind.CREATED : ChangeKind.UPDATED)
                .recordVersion(version)
                .time(OffsetDateTime.now(ZoneOffset.UTC))
                .contentHash("sha256:00");
    }
}
