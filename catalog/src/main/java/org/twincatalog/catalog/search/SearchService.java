package org.twincatalog.catalog.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.twincatalog.access.Caller;
import org.twincatalog.access.agreement.Agreement;
import org.twincatalog.access.agreement.AgreementPart;
import org.twincatalog.access.agreement.AgreementStore;
import org.twincatalog.catalog.BadParameter;
import org.twincatalog.catalog.MalformedRequest;
import org.twincatalog.catalog.access.CatalogAccess;

/** Searches the index as the current caller, after catching up with this node's own writes. */
@ApplicationScoped
public class SearchService {
    /** How deep offset paging goes (offset + limit); cursors go deeper. */
    public static final int MAX_OFFSET_WINDOW = 10_000;

    private final SearchProjector projector;
    private final CatalogAccess access;
    private final AgreementStore agreements;
    private final Clock clock;

    public SearchService(SearchProjector projector, CatalogAccess access, AgreementStore agreements, Clock clock) {
        this.projector = projector;
        this.access = access;
        this.agreements = agreements;
        this.clock = clock;
    }

    public SearchResult search(SearchQuery query) {
        projector.catchUpWithThisProcess();
        Caller caller = access.caller();
        SearchResult result = projector.index().search(query, caller, grantedDatasets(caller));
        access.recordQuery("search", "datasets", result.total());
        return result;
    }

    /** The extent (box and time) of the datasets the caller may see. */
    public Extent extent() {
        projector.catchUpWithThisProcess();
        Caller caller = access.caller();
        return projector.index().extent(caller, grantedDatasets(caller));
    }

    /**
     * A page that starts {@code offset} hits into the result, for APIs that page by offset (OGC
     * API - Records, CKAN); the query's own cursor is ignored when {@code offset} is positive. Its
     * {@code next} cursor continues right after the page.
     *
     * @throws MalformedRequest when {@code offset + limit} exceeds {@link #MAX_OFFSET_WINDOW}
     */
    public SearchResult searchAt(SearchQuery query, int offset) {
        if (offset < 0) {
            throw BadParameter.query("offset", "must not be negative, was " + offset);
        }
        if (offset == 0) {
            return search(query);
        }
        if ((long) offset + query.limit() > MAX_OFFSET_WINDOW) {
            throw new MalformedRequest("offset + limit must not exceed " + MAX_OFFSET_WINDOW
                    + "; follow the next links (a cursor) to go deeper");
        }
        SearchResult window = search(query.withPage(null, offset + query.limit()));
        List<SearchResult.Hit> hits = window.hits().size() <= offset
                ? List.of()
                : window.hits().subList(offset, window.hits().size());
        return new SearchResult(List.copyOf(hits), window.total(), window.facets(), window.next());
    }

    /** The datasets the caller's organization holds an active agreement for, now. */
    Set<String> grantedDatasets(Caller caller) {
        if (caller.organization() == null) {
            return Set.of();
        }
        Instant now = clock.instant();
        Set<String> granted = new HashSet<>();
        for (Agreement agreement : agreements.findByConsumer(caller.organization())) {
            for (AgreementPart part : agreement.parts()) {
                for (String dataset : part.datasetIds()) {
                    if (agreement.grantsAccessAt(dataset, now)) {
                        granted.add(dataset);
                    }
                }
            }
        }
        return granted;
    }
}
