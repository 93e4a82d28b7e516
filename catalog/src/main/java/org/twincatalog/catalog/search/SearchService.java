package org.twincatalog.catalog.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.twincatalog.access.Caller;
import org.twincatalog.access.agreement.Agreement;
import org.twincatalog.access.agreement.AgreementPart;
import org.twincatalog.access.agreement.AgreementStore;
import org.twincatalog.catalog.access.CatalogAccess;

/** Searches the index as the current caller, after catching up with this node's own writes. */
@ApplicationScoped
public class SearchService {
    private final SearchProjector projector;
    private final CatalogAccess access;
    private final AgreementStore agreements;

    public SearchService(SearchProjector projector, CatalogAccess access, AgreementStore agreements) {
        this.projector = projector;
        this.access = access;
        this.agreements = agreements;
    }

    public SearchResult search(SearchQuery query) {
        projector.catchUpWithThisProcess();
        Caller caller = access.caller();
        SearchResult result = projector.index().search(query, caller, grantedDatasets(caller));
        access.recordQuery("search", "datasets", result.total());
        return result;
    }

    /** The datasets the caller's organization holds an active agreement for, now. */
    Set<String> grantedDatasets(Caller caller) {
        if (caller.organization() == null) {
            return Set.of();
        }
        Instant now = access.clock().instant();
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
