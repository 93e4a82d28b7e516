package org.twincatalog.catalog.search.lucene;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.twincatalog.catalog.search.Extent;

/** Folds the boxes and temporal coverages of the matching documents into one {@link Extent}. */
final class ExtentCollector extends SimpleCollector {
    private final double[] box = {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
    private final double[] one = new double[4];
    private long start = Long.MAX_VALUE;
    private long end = Long.MIN_VALUE;
    private boolean temporal;
    private BinaryDocValues boxes;
    private NumericDocValues starts;
    private NumericDocValues ends;

    /** One collector per slice, their extents merged. */
    static final class Manager implements CollectorManager<ExtentCollector, Extent> {
        @Override
        public ExtentCollector newCollector() {
            return new ExtentCollector();
        }

        @Override
        public Extent reduce(Collection<ExtentCollector> collectors) {
            ExtentCollector all = new ExtentCollector();
            for (ExtentCollector c : collectors) {
                all.addBox(c.box);
                if (c.temporal) {
                    all.addPeriod(c.start, c.end);
                }
            }
            return all.extent();
        }
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        boxes = DocValues.getBinary(context.reader(), DocumentMapper.BBOX_VALUES);
        starts = DocValues.getNumeric(context.reader(), DocumentMapper.START_VALUES);
        ends = DocValues.getNumeric(context.reader(), DocumentMapper.END_VALUES);
    }

    @Override
    public void setScorer(Scorable scorer) {
        // extents are not scored
    }

    @Override
    public void collect(int doc) throws IOException {
        if (boxes.advanceExact(doc)) {
            ExtentValuesQuery.decode(boxes.binaryValue(), one, 0);
            addBox(one);
        }
        if (starts.advanceExact(doc) && ends.advanceExact(doc)) {
            addPeriod(starts.longValue(), ends.longValue());
        }
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    private void addBox(double[] b) {
        if (Double.isNaN(b[0])) {
            return;
        }
        box[0] = Double.isNaN(box[0]) ? b[0] : Math.min(box[0], b[0]);
        box[1] = Double.isNaN(box[1]) ? b[1] : Math.min(box[1], b[1]);
        box[2] = Double.isNaN(box[2]) ? b[2] : Math.max(box[2], b[2]);
        box[3] = Double.isNaN(box[3]) ? b[3] : Math.max(box[3], b[3]);
    }

    private void addPeriod(long from, long to) {
        temporal = true;
        start = Math.min(start, from);
        end = Math.max(end, to);
    }

    private Extent extent() {
        List<Double> bbox = Double.isNaN(box[0]) ? null : List.of(box[0], box[1], box[2], box[3]);
        return new Extent(
                bbox,
                !temporal || start == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(start),
                !temporal || end == Long.MAX_VALUE ? null : LocalDate.ofEpochDay(end),
                temporal);
    }
}
