package org.twincatalog.access.agreement;

import java.util.List;
import org.twincatalog.access.AccessControlFailure;

/**
 * What a consumer organization asks for: datasets, a purpose, a legal basis and a period.
 *
 * @param purpose why the data is needed; required (and required for personal data in particular)
 * @param legalBasis the law or contract that allows the processing, e.g. "Spatial Data Act art. 20"
 */
public record AccessRequest(List<DatasetRef> datasets, String purpose, String legalBasis, Period period) {

    public AccessRequest {
        if (datasets == null || datasets.isEmpty()) {
            throw new AccessControlFailure.ValidationFailed("an access request names at least one dataset");
        }
        datasets = List.copyOf(datasets);
        if (purpose == null || purpose.isBlank()) {
            throw new AccessControlFailure.ValidationFailed("an access request states a purpose");
        }
        if (legalBasis == null || legalBasis.isBlank()) {
            throw new AccessControlFailure.ValidationFailed("an access request states a legal basis");
        }
        if (period == null) {
            throw new AccessControlFailure.ValidationFailed("an access request states a period");
        }
    }
}
