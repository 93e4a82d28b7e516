package org.twincatalog.catalog.changes.feed;

import jakarta.ws.rs.core.Response;
import java.time.ZoneOffset;
import java.util.List;
import org.twincatalog.api.v1.ChangesApi;
import org.twincatalog.api.v1.model.Change;
import org.twincatalog.api.v1.model.ChangePage;
import org.twincatalog.api.v1.model.RecordType;
import org.twincatalog.catalog.BadParameter;
import org.twincatalog.catalog.changes.ChangeEntity;
import org.twincatalog.catalog.changes.ChangeLog;
import org.twincatalog.catalog.web.Responses;

/** {@code /api/v1/changes}: the change feed harvesters follow. */
@jakarta.ws.rs.Path("")
public class ChangeResource implements ChangesApi {
    private final ChangeLog changeLog;
    private final VisibleChanges visibleChanges;

    public ChangeResource(ChangeLog changeLog, VisibleChanges visibleChanges) {
        this.changeLog = changeLog;
        this.visibleChanges = visibleChanges;
    }

    @Override
    public Response listChanges(Long after, Integer limit) {
        long from = after == null ? 0 : after;
        if (from < 0) {
            throw BadParameter.query("after", "must not be negative, was " + from);
        }
        int size = Responses.limit(limit, 100, 1000);
        // Read the head first: every change up to it has committed (the log is gap-free in commit
        // order), so a page that ends early has seen every visible change up to it. The cursor
        // stops at the last change this caller may see: moving it past hidden ones would tell the
        // caller that something it cannot see happened.
        long head = changeLog.lastSequence();
        List<ChangeEntity> rows = visibleChanges.between(from, head, size + 1);
        boolean more = rows.size() > size;
        List<ChangeEntity> page = more ? rows.subList(0, size) : rows;
        long next = page.isEmpty() ? from : page.get(page.size() - 1).sequence;
        return Response.ok(new ChangePage()
                        .changes(page.stream().map(ChangeResource::toModel).toList())
                        .next(next)
                        .hasMore(more))
                .build();
    }

    static Change toModel(ChangeEntity c) {
        return new Change()
                .sequence(c.sequence)
                .recordType(RecordType.fromValue(c.recordType))
                .recordId(c.recordId)
                .kind(org.twincatalog.api.v1.model.ChangeKind.fromValue(c.kind))
                .recordVersion(c.recordVersion)
                .time(c.changedAt.atOffset(ZoneOffset.UTC))
                .contentHash(c.contentHash);
    }
}
