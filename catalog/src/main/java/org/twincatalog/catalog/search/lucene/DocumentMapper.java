package org.twincatalog.catalog.search.lucene;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.BytesRef;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Distribution;
import org.twincatalog.catalog.search.Facet;
import org.twincatalog.catalog.search.IndexedDataset;
import org.twincatalog.catalog.search.VisibilityLabels;

/** Turns a dataset into the Lucene document the index stores. */
final class DocumentMapper {
    static final String ID = "id";
    static final String ID_SORT = "id.sort";
    static final String VISIBLE = "visible";
    static final String BBOX = "bbox";
    static final String START = "t.start";
    static final String END = "t.end";
    /** The temporal coverage as doc values too, for the extent of a set of datasets. */
    static final String START_VALUES = "t.start.v";

    static final String END_VALUES = "t.end.v";
    static final String MODIFIED = "modified";
    static final String TITLE_SORT = "title.sort";
    static final String TITLES = "titles";
    static final String PUBLISHER = "publisher";
    /** Where a document lies on a Z-order curve: the order of documents in the index. */
    static final String SPATIAL_ORDER = "spatial.order";

    /** Text with offsets in the postings, so that the highlighter needs no re-analysis. */
    private static final FieldType TEXT_WITH_OFFSETS = new FieldType(TextField.TYPE_STORED);

    static {
        TEXT_WITH_OFFSETS.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        TEXT_WITH_OFFSETS.freeze();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private DocumentMapper() {}

    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        for (Facet facet : Facet.values()) {
            config.setMultiValued(facet.id(), true);
        }
        return config;
    }

    /** The prefix of the fields that filter by a facet's values. */
    static final String FILTER_PREFIX = "f.";

    static String filterField(Facet facet) {
        return FILTER_PREFIX + facet.id();
    }

    static Document toDocument(IndexedDataset indexed) {
        Dataset d = indexed.dataset();
        Document doc = new Document();
        doc.add(new StringField(ID, d.getId(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID_SORT, new BytesRef(d.getId())));
        doc.add(new StoredField(PUBLISHER, d.getPublisher()));
        VisibilityLabels.of(d.getId(), d.getPublisher(), indexed.access())
                .forEach(label -> doc.add(new StringField(VISIBLE, label, Field.Store.NO)));
        text(doc, "title", d.getTitle(), true);
        text(doc, "description", d.getDescription(), true);
        if (d.getKeywords() != null) {
            d.getKeywords()
                    .forEach((lang, words) -> text(doc, "keyword", Map.of(lang, String.join(" ", words)), false));
        }
        text(doc, "place", indexed.places(), false);
        emptyTextFields(doc);
        doc.add(new StoredField(TITLES, json(d.getTitle())));
        String sortTitle = sortTitle(d.getTitle());
        if (sortTitle != null) {
            doc.add(new SortedDocValuesField(TITLE_SORT, new BytesRef(sortTitle)));
        }
        facets(indexed)
                .forEach((facet, values) -> values.forEach(value -> {
                    doc.add(new StringField(filterField(facet), value, Field.Store.NO));
                    doc.add(new SortedSetDocValuesFacetField(facet.id(), value));
                }));
        spatial(doc, d);
        if (d.getTemporal() != null
                && (d.getTemporal().getStart() != null || d.getTemporal().getEnd() != null)) {
            long start = d.getTemporal().getStart() == null
                    ? Long.MIN_VALUE
                    : d.getTemporal().getStart().toEpochDay();
            long end = d.getTemporal().getEnd() == null
                    ? Long.MAX_VALUE
                    : d.getTemporal().getEnd().toEpochDay();
            doc.add(new LongPoint(START, start));
            doc.add(new LongPoint(END, end));
            doc.add(new NumericDocValuesField(START_VALUES, start));
            doc.add(new NumericDocValuesField(END_VALUES, end));
        }
        long modified =
                d.getModified() == null ? 0 : d.getModified().toInstant().toEpochMilli();
        doc.add(new NumericDocValuesField(MODIFIED, modified));
        return doc;
    }

    static Map<Facet, Set<String>> facets(IndexedDataset indexed) {
        Dataset d = indexed.dataset();
        Map<Facet, Set<String>> facets = new java.util.EnumMap<>(Facet.class);
        put(facets, Facet.PUBLISHER, d.getPublisher());
        if (d.getSpatial() != null) {
            each(d.getSpatial().getAdminAreas(), a -> put(facets, Facet.ADMIN_AREA, a));
        }
        each(d.getThemes(), t -> put(facets, Facet.THEME, t.toString()));
        if (d.getTwin() != null) {
            put(facets, Facet.TWIN_DOMAIN, d.getTwin().getDomain());
            put(
                    facets,
                    Facet.MATURITY_STAGE,
                    d.getTwin().getMaturityStage() == null
                            ? null
                            : d.getTwin().getMaturityStage().toString());
            each(d.getTwin().getLevelsOfDetail(), l -> put(facets, Facet.LOD, String.valueOf(l)));
            each(d.getTwin().getFeatureTypes(), f -> put(facets, Facet.FEATURE_TYPE, f));
        }
        for (Distribution dist : Objects.requireNonNullElse(d.getDistributions(), List.<Distribution>of())) {
            put(facets, Facet.FORMAT, dist.getMediaType());
            each(dist.getLevelsOfDetail(), l -> put(facets, Facet.LOD, String.valueOf(l)));
            put(facets, Facet.FEATURE_TYPE, dist.getFeatureType());
        }
        put(facets, Facet.ACCESS, indexed.access().effectiveDataAccess().id());
        put(facets, Facet.YEAR, year(d));
        put(facets, Facet.ORIGIN, indexed.originNode());
        return facets;
    }

    private static String year(Dataset d) {
        if (d.getIssued() != null) {
            return String.valueOf(d.getIssued().getYear());
        }
        OffsetDateTime modified = d.getModified();
        return modified == null ? null : String.valueOf(modified.getYear());
    }

    /** The extent as one binary doc value of four doubles (minLon, minLat, maxLon, maxLat). */
    static final String BBOX_VALUES = "bbox.extent";

    /**
     * An extent is a rectangle, indexed as one 4-dimensional point [minLon, minLat, maxLon, maxLat]
     * (a box query on it is exact for rectangles) and as one doc value, so that a selective
     * text or facet query checks the box per candidate instead of walking the point tree.
     */
    private static void spatial(Document doc, Dataset d) {
        if (d.getSpatial() == null
                || d.getSpatial().getBbox() == null
                || d.getSpatial().getBbox().size() != 4) {
            doc.add(new NumericDocValuesField(SPATIAL_ORDER, Long.MAX_VALUE)); // after every place
            return;
        }
        List<Double> b = d.getSpatial().getBbox();
        double[] box = {b.get(0), b.get(1), b.get(2), b.get(3)};
        doc.add(new DoublePoint(BBOX, box));
        doc.add(ExtentValuesQuery.field(BBOX_VALUES, box));
        doc.add(new NumericDocValuesField(SPATIAL_ORDER, zOrder((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)));
    }

    /**
     * The position of a point on a Z-order (Morton) curve over longitude and latitude: close
     * points mostly get close positions, so the index stores a city's datasets next to each other
     * and a box's candidates lie in a few runs of documents (see LuceneDatasetIndex).
     */
    static long zOrder(double lon, double lat) {
        int x = (int) ((Math.max(-180, Math.min(180, lon)) + 180) / 360 * Integer.MAX_VALUE);
        int y = (int) ((Math.max(-90, Math.min(90, lat)) + 90) / 180 * Integer.MAX_VALUE);
        return BitUtil.interleave(x, y);
    }

    /** Unstored variants of the text field types, for the empty fields. */
    private static final FieldType EMPTY_WITH_OFFSETS = new FieldType(TEXT_WITH_OFFSETS);

    static {
        EMPTY_WITH_OFFSETS.setStored(false);
        EMPTY_WITH_OFFSETS.freeze();
    }

    /**
     * An empty field for each language the document has no text in: every document then has a
     * norm in every language's fields, and Lucene reads norms that every document has from a plain
     * array instead of through a sparse index (a fifth of a search's time, profiled at 1M).
     */
    /** The text fields that are searched but never stored nor highlighted. */
    private static final Set<String> UNSTORED_TEXT = Set.of("keyword", "place");

    private static void emptyTextFields(Document doc) {
        for (String language : List.of("ko", "ja", "en")) {
            for (String base : Analyzers.TEXT_FIELDS) {
                String field = Analyzers.field(base, language);
                if (doc.getField(field) == null) {
                    doc.add(
                            UNSTORED_TEXT.contains(base)
                                    ? new TextField(field, "", Field.Store.NO)
                                    : new Field(field, "", EMPTY_WITH_OFFSETS));
                }
            }
        }
    }

    private static void text(Document doc, String base, Map<String, String> texts, boolean stored) {
        if (texts == null) {
            return;
        }
        texts.forEach((tag, value) -> {
            String field = Analyzers.field(base, Analyzers.languageOf(tag));
            doc.add(stored ? new Field(field, value, TEXT_WITH_OFFSETS) : new TextField(field, value, Field.Store.NO));
        });
    }

    private static String sortTitle(Map<String, String> title) {
        if (title == null || title.isEmpty()) {
            return null;
        }
        for (String lang : List.of("en", "ko", "ja")) {
            if (title.containsKey(lang)) {
                return title.get(lang).toLowerCase(Locale.ROOT);
            }
        }
        return title.values().iterator().next().toLowerCase(Locale.ROOT);
    }

    private static void put(Map<Facet, Set<String>> facets, Facet facet, String value) {
        if (value != null && !value.isBlank()) {
            facets.computeIfAbsent(facet, f -> new LinkedHashSet<>()).add(value);
        }
    }

    private static <T> void each(List<T> values, java.util.function.Consumer<T> action) {
        if (values != null) {
            values.forEach(action);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
