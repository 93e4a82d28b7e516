package org.twincatalog.catalog.search.lucene;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.twincatalog.access.Caller;
import org.twincatalog.catalog.search.DatasetIndex;
import org.twincatalog.catalog.search.Extent;
import org.twincatalog.catalog.search.Facet;
import org.twincatalog.catalog.search.IndexedDataset;
import org.twincatalog.catalog.search.SearchQuery;
import org.twincatalog.catalog.search.SearchResult;
import org.twincatalog.catalog.search.VisibilityLabels;

/**
 * The embedded search index: Lucene on disk (or in memory for tests). Each {@link #apply} is one
 * Lucene commit that also records the change-log sequence it reaches, so after a crash the index
 * is at a committed sequence and catches up from there.
 */
public final class LuceneDatasetIndex implements DatasetIndex {
    private static final String SEQUENCE = "tc.sequence";
    private static final String LOG = "tc.log";
    private static final String LAYOUT_KEY = "tc.layout";
    /**
     * The document layout; an index written with another one is rebuilt when bound to its log.
     * 2: the origin facet. 3: the extent's doc values as one binary value. 4: empty text fields
     * for the languages a document has no text in (dense norms). 5: documents in Z-order. 6: the
     * temporal coverage as doc values (for extents). 7: the place names of the dataset's
     * organizations (PlaceNames).
     */
    private static final String LAYOUT = "7";

    private static final int FACET_VALUES = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final FacetsConfig facetsConfig = DocumentMapper.facetsConfig();
    private final LuceneQueries queries = new LuceneQueries();
    /** Analyzers keep per-thread token streams; one instance serves indexing and highlighting. */
    private final org.apache.lucene.analysis.Analyzer analyzer = Analyzers.perField();

    private volatile long appliedSequence;
    private volatile String logIdentity;
    private volatile String layout;
    /** Whether opening found an index in another document order and recreated it empty. */
    private boolean recreated;
    /** The facet ordinals of the current reader; building them walks the whole index, so once per reader. */
    private volatile FacetState facetState;
    /** Facet ordinals of each segment, for counting. */
    private final FacetOrdinals facetOrdinals = new FacetOrdinals(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
    /** Answers of recent searches on the current reader. */
    private volatile ResultCache results;
    /** Where the index lives, for logs: its folder, or "memory". */
    private final String location;

    private record FacetState(org.apache.lucene.index.IndexReader reader, SortedSetDocValuesReaderState state) {}

    private LuceneDatasetIndex(Directory directory, String location) {
        this.location = location;
        try {
            this.directory = directory;
            this.writer = openWriter(directory, analyzer);
            this.searchers = new SearcherManager(writer, new FilterCache().searcherFactory());
            this.appliedSequence = Long.parseLong(commitData(writer, SEQUENCE, "0"));
            this.logIdentity = commitData(writer, LOG, null);
            this.layout = commitData(writer, LAYOUT_KEY, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index", e);
        }
    }

    /**
     * Documents are kept in the order of their place on a Z-order curve (index sorting), so that a
     * city's datasets are neighbours: a search's hits then lie in a few runs of documents, and its
     * reads of postings, extents and facet ordinals hit memory that is close together (measured
     * at 1M records: 3.15 -> 1.98 ms of CPU per search). An index
     * written in another order (before layout 5) cannot be reopened in this one, so it is
     * recreated empty, and the projector rebuilds it as for any change of layout.
     */
    private IndexWriter openWriter(Directory directory, org.apache.lucene.analysis.Analyzer analyzer)
            throws IOException {
        try {
            return new IndexWriter(directory, writerConfig(analyzer, IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        } catch (IllegalArgumentException otherOrder) {
            recreated = true;
            return new IndexWriter(directory, writerConfig(analyzer, IndexWriterConfig.OpenMode.CREATE));
        }
    }

    private static IndexWriterConfig writerConfig(
            org.apache.lucene.analysis.Analyzer analyzer, IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(analyzer)
                .setRAMBufferSizeMB(128)
                .setMergePolicy(mergePolicy())
                .setIndexSort(new Sort(new SortField(DocumentMapper.SPATIAL_ORDER, SortField.Type.LONG)))
                .setOpenMode(mode);
    }

    /**
     * Fewer segments than Lucene's default (at most 4 of similar size instead of 10): each search
     * pays per segment (term look-ups, scorers, filters), and measured at 1M records a search took
     * 2.6 times as long on 20 segments as on one. A catalog is read far more than written, so the
     * extra merging is cheap.
     */
    private static TieredMergePolicy mergePolicy() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setSegmentsPerTier(4);
        return policy;
    }

    @Override
    public String toString() {
        return location;
    }

    /** An index in a directory on disk, created when absent. */
    public static LuceneDatasetIndex open(Path path) {
        try {
            return new LuceneDatasetIndex(FSDirectory.open(path), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index at " + path, e);
        }
    }

    /** An index in memory (tests, benchmarks). */
    public static LuceneDatasetIndex inMemory() {
        return new LuceneDatasetIndex(new ByteBuffersDirectory(), "memory");
    }

    @Override
    public synchronized void apply(Iterable<IndexedDataset> upserts, Iterable<String> removals, long sequence) {
        try {
            Set<String> removed = new java.util.HashSet<>();
            removals.forEach(removed::add);
            // The last state of each id wins; a removal (withdrawal is final) wins over any upsert.
            Map<String, IndexedDataset> latest = new LinkedHashMap<>();
            for (IndexedDataset d : upserts) {
                if (!removed.contains(d.dataset().getId())) {
                    latest.put(d.dataset().getId(), d);
                }
            }
            // IndexWriter is thread-safe and analysis (Nori, Kuromoji) dominates: use every core.
            latest.values().parallelStream().forEach(this::upsert);
            for (String id : removed) {
                writer.deleteDocuments(new Term(DocumentMapper.ID, id));
            }
            writer.setLiveCommitData(commitData(sequence));
            writer.commit();
            appliedSequence = sequence;
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            // Nothing was committed with this sequence. Updates of a failed batch that stay pending
            // are upserts and deletes by id, which the projector applies again from the last
            // committed sequence, so a later commit that includes them reaches the same state.
            throw new UncheckedIOException("indexing failed", e);
        }
    }

    private void upsert(IndexedDataset d) {
        try {
            writer.updateDocument(
                    new Term(DocumentMapper.ID, d.dataset().getId()), facetsConfig.build(DocumentMapper.toDocument(d)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot index dataset " + d.dataset().getId(), e);
        }
    }

    @Override
    public synchronized boolean bindTo(String identity) {
        if (identity.equals(logIdentity) && LAYOUT.equals(layout)) {
            return false;
        }
        boolean hadDocuments = appliedSequence > 0 || logIdentity != null || recreated;
        recreated = false;
        logIdentity = identity;
        layout = LAYOUT;
        clear();
        return hadDocuments;
    }

    private Iterable<Map.Entry<String, String>> commitData(long sequence) {
        Map<String, String> data = new HashMap<>();
        data.put(SEQUENCE, Long.toString(sequence));
        if (layout != null) {
            data.put(LAYOUT_KEY, layout);
        }
        if (logIdentity != null) {
            data.put(LOG, logIdentity);
        }
        return data.entrySet();
    }

    @Override
    public long appliedSequence() {
        return appliedSequence;
    }

    @Override
    public SearchResult search(SearchQuery q, Caller caller, Set<String> grantedDatasets) {
        // analysed once: it is the query's scored part and what the highlighter marks
        Query textQuery = q.hasText() ? queries.text(q.text(), q.textMatch()) : null;
        Query query = queries.build(q, textQuery, VisibilityLabels.keysOf(caller, grantedDatasets));
        Sort sort = queries.sort(q.sort());
        FieldDoc after = q.cursor() == null ? null : SearchCursor.decode(q.sort(), q.cursor());
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                ResultCache cache = resultsOf(searcher.getIndexReader());
                ResultCache.Key key = new ResultCache.Key(query, q.sort(), q.cursor(), q.limit(), q.text());
                SearchResult known = cache.get(key);
                if (known != null) {
                    return known;
                }
                if (after != null) {
                    // Sort values end with the unique id, so only the cursor's own document ties
                    // on all of them; the highest doc number keeps it out of the next page.
                    after.doc = Math.max(0, searcher.getIndexReader().maxDoc() - 1);
                }
                FacetsCollectorManager.FacetsResult result = FacetsCollectorManager.searchAfter(
                        searcher,
                        after,
                        query,
                        q.limit() + 1,
                        sort,
                        false, // by relevance, the score is the first sort value already
                        new FacetsCollectorManager());
                TopDocs top = result.topDocs();
                boolean more = top.scoreDocs.length > q.limit();
                ScoreDoc[] page = Arrays.copyOf(top.scoreDocs, Math.min(q.limit(), top.scoreDocs.length));
                TopDocs pageDocs = new TopDocs(top.totalHits, page);
                // Highlight with the text alone: the filters (bbox above all) would be evaluated again
                // per highlighted field and hit, and they only select, never mark words.
                List<SearchResult.Hit> hits = hits(
                        searcher,
                        pageDocs,
                        q.sort() == SearchQuery.Sort.RELEVANCE,
                        textQuery,
                        q.hasText() ? LuceneQueries.languagesFor(q.text()) : List.of());
                String next = more ? SearchCursor.encode(q.sort(), (FieldDoc) page[page.length - 1]) : null;
                FacetsCollector fc = result.facetsCollector();
                long total = fc.getMatchingDocs().stream()
                        .mapToLong(m -> m.totalHits)
                        .sum();
                SearchResult found = new SearchResult(List.copyOf(hits), total, facetCounts(searcher, fc), next);
                cache.put(key, found);
                return found;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    @Override
    public Extent extent(Caller caller, Set<String> grantedDatasets) {
        Query visible = queries.build(SearchQuery.text(null), null, VisibilityLabels.keysOf(caller, grantedDatasets));
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.search(visible, new ExtentCollector.Manager());
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("extent failed", e);
        }
    }

    @Override
    public void compact() {
        // Not synchronized with apply: IndexWriter merges while documents are added, and a commit
        // here records the commit data of the last completed apply (or an earlier one, whose
        // changes the projector applies again after a crash: upserts and deletes by id).
        try {
            writer.forceMerge(1);
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compact the search index", e);
        }
    }

    /** The number of segments searches go through (tests, diagnostics). */
    int segments() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().leaves().size();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void clear() {
        try {
            writer.deleteAll();
            writer.setLiveCommitData(commitData(0));
            writer.commit();
            appliedSequence = 0;
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the search index", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the search index", e);
        }
    }

    private List<SearchResult.Hit> hits(
            IndexSearcher searcher, TopDocs page, boolean byRelevance, Query textQuery, List<String> languages)
            throws IOException {
        Map<String, String[]> highlights =
                textQuery == null ? Map.of() : highlight(searcher, textQuery, languages, page);
        List<SearchResult.Hit> hits = new ArrayList<>(page.scoreDocs.length);
        var stored = searcher.storedFields();
        for (int i = 0; i < page.scoreDocs.length; i++) {
            ScoreDoc sd = page.scoreDocs[i];
            Document doc = stored.document(sd.doc);
            Map<String, List<String>> marks = new LinkedHashMap<>();
            for (Map.Entry<String, String[]> field : highlights.entrySet()) {
                String fragment = field.getValue()[i];
                if (fragment != null && fragment.contains("<b>")) {
                    marks.put(
                            field.getKey(),
                            List.of(fragment.replace("<b>", "<em>").replace("</b>", "</em>")));
                }
            }
            hits.add(new SearchResult.Hit(
                    doc.get(DocumentMapper.ID),
                    byRelevance ? (Float) ((FieldDoc) sd).fields[0] : 0,
                    JSON.readValue(doc.get(DocumentMapper.TITLES), new TypeReference<Map<String, String>>() {}),
                    doc.get(DocumentMapper.PUBLISHER),
                    marks));
        }
        return hits;
    }

    /** Highlights in the title and description fields of the languages the words were looked up in. */
    private Map<String, String[]> highlight(IndexSearcher searcher, Query query, List<String> languages, TopDocs page)
            throws IOException {
        if (page.scoreDocs.length == 0) {
            return Map.of();
        }
        List<String> fields = new ArrayList<>();
        for (String language : languages) {
            fields.add(Analyzers.field("title", language));
            fields.add(Analyzers.field("description", language));
        }
        // Offsets are in the postings; the query's terms are enough to find them (no Weight per
        // field and hit, which the default "weight matches" mode builds).
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzer)
                .withWeightMatches(false)
                .build();
        int[] passages = new int[fields.size()];
        Arrays.fill(passages, 1);
        Map<String, String[]> raw = highlighter.highlightFields(fields.toArray(String[]::new), query, page, passages);
        Map<String, String[]> byField = new HashMap<>();
        raw.forEach(byField::put);
        return byField;
    }

    private Map<Facet, Map<String, Long>> facetCounts(IndexSearcher searcher, FacetsCollector fc) throws IOException {
        Map<Facet, Map<String, Long>> counts = new EnumMap<>(Facet.class);
        SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
        if (state == null) {
            return counts;
        }
        int[] hits = facetOrdinals.count(state, fc.getMatchingDocs());
        SortedSetDocValues labels = state.getDocValues();
        for (Facet facet : Facet.values()) {
            SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(facet.id());
            if (range == null) {
                continue; // no document has a value of this facet
            }
            Map<String, Long> values = new LinkedHashMap<>();
            for (int ord : topOrdinals(hits, range.start, range.end, FACET_VALUES)) {
                String[] path = FacetsConfig.stringToPath(labels.lookupOrd(ord).utf8ToString());
                values.put(path[1], (long) hits[ord]);
            }
            if (!values.isEmpty()) {
                counts.put(facet, java.util.Collections.unmodifiableMap(values));
            }
        }
        return java.util.Collections.unmodifiableMap(counts);
    }

    /**
     * The ordinals in {@code [start, end]} with hits, most hits first, ties in ordinal (label)
     * order, at most {@code limit}: the order of Lucene's {@code getTopChildren}.
     */
    static int[] topOrdinals(int[] hits, int start, int end, int limit) {
        return java.util.stream.IntStream.rangeClosed(start, end)
                .filter(ord -> hits[ord] > 0)
                .boxed()
                .sorted((a, b) -> hits[a] != hits[b] ? Integer.compare(hits[b], hits[a]) : Integer.compare(a, b))
                .limit(limit)
                .mapToInt(Integer::intValue)
                .toArray();
    }

    private ResultCache resultsOf(org.apache.lucene.index.IndexReader reader) {
        ResultCache current = results;
        if (current == null || !current.isFor(reader)) {
            current = new ResultCache(reader);
            results = current;
        }
        return current;
    }

    private SortedSetDocValuesReaderState facetState(org.apache.lucene.index.IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current != null && current.reader() == reader) {
            return current.state();
        }
        try {
            SortedSetDocValuesReaderState state = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
            facetState = new FacetState(reader, state);
            return state;
        } catch (IllegalArgumentException noFacetsYet) {
            return null;
        }
    }

    private static String commitData(IndexWriter writer, String key, String fallback) {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> entry : data) {
                if (key.equals(entry.getKey())) {
                    return entry.getValue();
                }
            }
        }
        return fallback;
    }
}
