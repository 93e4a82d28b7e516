package org.twincatalog.catalog.search;

import java.time.LocalDate;
import java.util.List;

/**
 * The extent of a set of datasets: the smallest box holding every dataset's box, and the interval
 * from the earliest start to the latest end of their temporal coverage.
 *
 * @param bbox {@code [minLon, minLat, maxLon, maxLat]}; null when no dataset has a box
 * @param start the earliest start; null when none has a temporal coverage or one is open at its start
 * @param end the latest end; null when none has a temporal coverage or one is open at its end
 * @param temporal whether any dataset has a temporal coverage
 */
public record Extent(List<Double> bbox, LocalDate start, LocalDate end, boolean temporal) {
    /** The extent of no datasets. */
    public static final Extent NONE = new Extent(null, null, null, false);

    public Extent {
        bbox = bbox == null ? null : List.copyOf(bbox);
    }
}
