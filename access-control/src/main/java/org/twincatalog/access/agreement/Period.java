package org.twincatalog.access.agreement;

import java.time.Instant;
import org.twincatalog.access.AccessControlFailure;

/** The period of an agreement: from (inclusive) until (exclusive). */
public record Period(Instant from, Instant until) {

    public Period {
        if (from == null || until == null) {
            throw new AccessControlFailure.ValidationFailed("a period needs both 'from' and 'until'");
        }
        if (!until.isAfter(from)) {
            throw new AccessControlFailure.ValidationFailed(
                    "period ends (" + until + ") before it starts (" + from + ")");
        }
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(from) && instant.isBefore(until);
    }

    public boolean hasEndedAt(Instant instant) {
        return !instant.isBefore(until);
    }
}
