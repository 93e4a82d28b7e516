package org.twincatalog.catalog.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.ConjunctionUtils;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * The filters of a search (visibility and facet values, box, time, ids) as one set of documents,
 * computed per segment before the words are looked up, when that set is expected to lead.
 *
 * <p>As separate clauses, Lucene leads a conjunction with the cheapest iterator and checks the
 * other filters only after the words: with visibility and facets cached as one bit set of ~25 000
 * documents and a country-sized box, the words' postings were advanced to each of the 25 000
 * candidates, though only ~2 600 were in the box. Here the cheapest filter's documents are copied
 * (a cached bit set) or collected, and the others remove what they reject: bit sets by a word-wise
 * AND, anything else by a check per remaining document. The result then leads the search.
 *
 * <p>When another clause is much cheaper than every filter (a rare word), the filters are checked
 * per candidate of that clause instead, as a plain conjunction would. The intersection itself is
 * never cached: its parts are, by {@link FilterCache}, and combinations seldom repeat.
 */
final class FilterIntersection extends Query {
    /** Collect the filters' documents only when they number at most this many times the lead's. */
    private static final long COLLECT_FACTOR = 8;

    private final List<Query> filters;

    FilterIntersection(List<Query> filters) {
        if (filters.isEmpty()) {
            throw new IllegalArgumentException("no filters");
        }
        this.filters = List.copyOf(filters);
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        List<Query> rewritten = new ArrayList<>(filters.size());
        boolean changed = false;
        for (Query filter : filters) {
            Query r = filter.rewrite(searcher);
            changed |= r != filter;
            rewritten.add(r);
        }
        return changed ? new FilterIntersection(rewritten) : super.rewrite(searcher);
    }

    @Override
    public void visit(QueryVisitor visitor) {
        QueryVisitor sub = visitor.getSubVisitor(BooleanClause.Occur.FILTER, this);
        filters.forEach(f -> f.visit(sub));
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        List<Weight> weights = new ArrayList<>(filters.size());
        for (Query filter : filters) {
            // through the searcher, so that the filter cache answers for each filter it holds
            weights.add(searcher.createWeight(filter, ScoreMode.COMPLETE_NO_SCORES, 1f));
        }
        return new ConstantScoreWeight(this, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                List<ScorerSupplier> suppliers = new ArrayList<>(weights.size());
                for (Weight w : weights) {
                    ScorerSupplier s = w.scorerSupplier(context);
                    if (s == null) {
                        return null; // a filter without matches in this segment
                    }
                    suppliers.add(s);
                }
                suppliers.sort(Comparator.comparingLong(ScorerSupplier::cost));
                Weight weight = this;
                int maxDoc = context.reader().maxDoc();
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) throws IOException {
                        DocIdSetIterator docs = cost() / COLLECT_FACTOR <= leadCost
                                ? collect(suppliers, maxDoc)
                                : conjunction(suppliers, leadCost);
                        return new ConstantScoreScorer(weight, score(), scoreMode, docs);
                    }

                    @Override
                    public long cost() {
                        return suppliers.get(0).cost();
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
                return false;
            }
        };
    }

    /** The documents every filter accepts, as a bit set (deleted documents included, as in a cache). */
    private static DocIdSetIterator collect(List<ScorerSupplier> suppliers, int maxDoc) throws IOException {
        FixedBitSet docs = new FixedBitSet(maxDoc);
        Scorer first = suppliers.get(0).get(suppliers.get(0).cost());
        FixedBitSet cached = bitsOf(first);
        if (cached != null) {
            docs.or(cached);
        } else {
            TwoPhaseIterator twoPhase = first.twoPhaseIterator();
            DocIdSetIterator it = twoPhase == null ? first.iterator() : twoPhase.approximation();
            for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                if (twoPhase == null || twoPhase.matches()) {
                    docs.set(d);
                }
            }
        }
        // the first filter leads the others (the box then checks these candidates' extents)
        long lead = suppliers.get(0).cost();
        for (int i = 1; i < suppliers.size(); i++) {
            Scorer next = suppliers.get(i).get(lead);
            FixedBitSet bits = bitsOf(next);
            if (bits != null) {
                docs.and(bits);
            } else {
                retainMatches(docs, next);
            }
        }
        return new BitSetIterator(docs, docs.cardinality());
    }

    /** Clears each set document that {@code filter} does not match. */
    private static void retainMatches(FixedBitSet docs, Scorer filter) throws IOException {
        TwoPhaseIterator twoPhase = filter.twoPhaseIterator();
        DocIdSetIterator it = twoPhase == null ? filter.iterator() : twoPhase.approximation();
        int length = docs.length();
        for (int d = docs.nextSetBit(0);
                d != DocIdSetIterator.NO_MORE_DOCS;
                d = d + 1 < length ? docs.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS) {
            int at = it.docID() < d ? it.advance(d) : it.docID();
            if (at == DocIdSetIterator.NO_MORE_DOCS) {
                docs.clear(d, length);
                return;
            }
            if (at > d) {
                docs.clear(d, at); // the filter matches nothing in between
                d = at - 1;
            } else if (twoPhase != null && !twoPhase.matches()) {
                docs.clear(d);
            }
        }
    }

    private static FixedBitSet bitsOf(Scorer scorer) {
        return scorer.twoPhaseIterator() == null
                        && scorer.iterator() instanceof BitSetIterator b
                        && b.getBitSet() instanceof FixedBitSet bits
                ? bits
                : null;
    }

    private static DocIdSetIterator conjunction(List<ScorerSupplier> suppliers, long leadCost) throws IOException {
        List<Scorer> scorers = new ArrayList<>(suppliers.size());
        for (ScorerSupplier s : suppliers) {
            scorers.add(s.get(leadCost));
        }
        return scorers.size() == 1 ? iteratorOf(scorers.get(0)) : ConjunctionUtils.intersectScorers(scorers);
    }

    private static DocIdSetIterator iteratorOf(Scorer scorer) {
        TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
        return twoPhase == null ? scorer.iterator() : TwoPhaseIterator.asDocIdSetIterator(twoPhase);
    }

    @Override
    public String toString(String field) {
        StringBuilder s = new StringBuilder("FilterIntersection(");
        for (int i = 0; i < filters.size(); i++) {
            s.append(i == 0 ? "" : ", ").append(filters.get(i).toString(field));
        }
        return s.append(')').toString();
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && filters.equals(((FilterIntersection) other).filters);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + filters.hashCode();
    }
}
