package org.twincatalog.federation.broker;

import org.twincatalog.api.v1.model.PeerOutcome;

/**
 * What one peer answered: its outcome, and its answer when the outcome is ok.
 *
 * @param <T> the answer's type (a search page, a file page, ...)
 */
public record PeerAnswer<T>(PeerOutcome outcome, T page) {
    public boolean ok() {
        return outcome.getOutcome() == PeerOutcome.OutcomeEnum.OK;
    }
}
