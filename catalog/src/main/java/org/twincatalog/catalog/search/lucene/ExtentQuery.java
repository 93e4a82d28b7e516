package org.twincatalog.catalog.search.lucene;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * A bounding-box filter that reads the 4-d extent point tree only when the box is the most
 * selective part of the query, and otherwise checks the extents (on the heap) of the candidates
 * the other clauses lead to.
 *
 * <p>Lucene's {@code IndexOrDocValuesQuery} picks the tree whenever the tree's estimated matches
 * are at most 8 times the lead clause's cost: right for one dimension, where the tree hands out
 * whole cells, wrong for a box on four half-open ranges, where most cells cross the query and
 * every point in them is compared. A country-sized box then visited ~400 000 points per search
 * at 1M records (two thirds of the time, profiled in {@code bench/search}) while the keyword and
 * facets had already narrowed the candidates to ~25 000. Here the tree is used only when it is
 * expected to match no more documents than the lead clause.
 */
final class ExtentQuery extends Query {
    private final Query tree;
    private final Query docValues;

    /**
     * Extents whose four numbers lie between {@code lower} and {@code upper}, from the point
     * field {@code pointField} or the doc values {@code valuesField} (both written per document).
     */
    static ExtentQuery between(
            ExtentColumns columns, String pointField, String valuesField, double[] lower, double[] upper) {
        return new ExtentQuery(
                DoublePoint.newRangeQuery(pointField, lower, upper),
                new ExtentValuesQuery(columns, valuesField, lower, upper));
    }

    private ExtentQuery(Query tree, Query docValues) {
        this.tree = Objects.requireNonNull(tree, "tree");
        this.docValues = Objects.requireNonNull(docValues, "docValues");
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query t = tree.rewrite(searcher);
        Query d = docValues.rewrite(searcher);
        return t == tree && d == docValues ? super.rewrite(searcher) : new ExtentQuery(t, d);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        QueryVisitor sub = visitor.getSubVisitor(BooleanClause.Occur.MUST, this);
        tree.visit(sub);
        docValues.visit(sub);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight treeWeight = tree.createWeight(searcher, scoreMode, boost);
        Weight valuesWeight = docValues.createWeight(searcher, scoreMode, boost);
        return new Weight(this) {
            @Override
            public Matches matches(LeafReaderContext context, int doc) throws IOException {
                return treeWeight.matches(context, doc);
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                return treeWeight.explain(context, doc);
            }

            @Override
            public int count(LeafReaderContext context) throws IOException {
                return treeWeight.count(context);
            }

            @Override
            public BulkScorer bulkScorer(LeafReaderContext context) throws IOException {
                // Alone (no lead clause), the tree is always the cheaper way.
                return treeWeight.bulkScorer(context);
            }

            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                ScorerSupplier byTree = treeWeight.scorerSupplier(context);
                ScorerSupplier byValues = valuesWeight.scorerSupplier(context);
                if (byTree == null || byValues == null) {
                    return null;
                }
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) throws IOException {
                        return cost() <= leadCost ? byTree.get(leadCost) : byValues.get(leadCost);
                    }

                    @Override
                    public long cost() {
                        return byTree.cost();
                    }
                };
            }

            @Override
            public Scorer scorer(LeafReaderContext context) throws IOException {
                ScorerSupplier supplier = scorerSupplier(context);
                return supplier == null ? null : supplier.get(Long.MAX_VALUE);
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                return treeWeight.isCacheable(context) && valuesWeight.isCacheable(context);
            }
        };
    }

    @Override
    public String toString(String field) {
        return "ExtentQuery(tree=" + tree.toString(field) + ", docValues=" + docValues.toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other)
                && tree.equals(((ExtentQuery) other).tree)
                && docValues.equals(((ExtentQuery) other).docValues);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * classHash() + tree.hashCode()) + docValues.hashCode();
    }
}
