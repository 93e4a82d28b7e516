package org.twincatalog.federation.broker;

import org.twincatalog.api.v1.model.PeerOutcome;
import org.twincatalog.api.v1.model.SearchPage;

/** What one peer answered: its outcome, and its page when the outcome is ok. */
public record PeerAnswer(PeerOutcome outcome, SearchPage page) {
    public boolean ok() {
        return outcome.getOutcome() == PeerOutcome.OutcomeEnum.OK;
    }
}
