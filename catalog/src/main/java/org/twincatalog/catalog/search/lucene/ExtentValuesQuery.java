package org.twincatalog.catalog.search.lucene;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * Checks the extent [minLon, minLat, maxLon, maxLat] of each candidate against a box of bounds.
 * The extents are written as one binary doc value of four doubles per document and read from
 * {@link ExtentColumns}, on the heap. Matches when {@code lower[k] <= extent[k] <= upper[k]} for
 * every k.
 */
final class ExtentValuesQuery extends Query {
    private static final VarHandle DOUBLES =
            MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private final String field;
    private final double[] lower;
    private final double[] upper;
    /** Where the extents of {@code field} are read from; not part of the query's identity. */
    private final ExtentColumns columns;

    ExtentValuesQuery(ExtentColumns columns, String field, double[] lower, double[] upper) {
        this.columns = columns;
        this.field = field;
        this.lower = lower.clone();
        this.upper = upper.clone();
    }

    /** The doc value that this query reads, for one extent. */
    static BinaryDocValuesField field(String name, double[] extent) {
        byte[] bytes = new byte[4 * Double.BYTES];
        for (int k = 0; k < 4; k++) {
            DOUBLES.set(bytes, k * Double.BYTES, extent[k]);
        }
        return new BinaryDocValuesField(name, new BytesRef(bytes));
    }

    /** Copies the four doubles of a doc value written by {@link #field} to {@code into[at..at+3]}. */
    static void decode(BytesRef value, double[] into, int at) {
        for (int k = 0; k < 4; k++) {
            into[at + k] = (double) DOUBLES.get(value.bytes, value.offset + k * Double.BYTES);
        }
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                double[] extents = columns.of(context.reader());
                if (extents == null || extents.length == 0) {
                    return null;
                }
                TwoPhaseIterator inBox = new TwoPhaseIterator(
                        DocIdSetIterator.all(context.reader().maxDoc())) {
                    @Override
                    public boolean matches() {
                        int at = 4 * approximation.docID();
                        for (int k = 0; k < 4; k++) {
                            double v = extents[at + k];
                            // NaN (no extent) fails both comparisons
                            if (!(v >= lower[k] && v <= upper[k])) {
                                return false;
                            }
                        }
                        return true;
                    }

                    @Override
                    public float matchCost() {
                        return 4;
                    }
                };
                return new ConstantScoreScorer(this, score(), scoreMode, inBox);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return DocValues.isCacheable(context, field);
            }
        };
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String f) {
        return field + ":extent" + Arrays.toString(lower) + ".." + Arrays.toString(upper);
    }

    @Override
    public boolean equals(Object other) {
        if (!sameClassAs(other)) {
            return false;
        }
        ExtentValuesQuery that = (ExtentValuesQuery) other;
        return field.equals(that.field) && Arrays.equals(lower, that.lower) && Arrays.equals(upper, that.upper);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * classHash() + field.hashCode()) + Arrays.hashCode(lower)) + Arrays.hashCode(upper);
    }
}
