import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Organization;
import org.twincatalog.api.v1.model.OrganizationKind;
import org.twincatalog.catalog.access.AccessSettingsMapper;
import org.twincatalog.catalog.changes.ChangeKind;
import org.twincatalog.catalog.record.DocumentCodec;
import org.twincatalog.catalog.record.RecordMapper;
import org.twincatalog.catalog.record.RecordStatus;
import org.twincatalog.catalog.record.RecordType;
import org.twincatalog.catalog.search.Facet;
import org.twincatalog.catalog.search.IndexedDataset;
import org.twincatalog.catalog.search.SearchQuery;
import org.twincatalog.catalog.standards.ProfileAssessment;

/**
 * Bulk-loads the synthetic national catalog of {@code bench/search} ({@code SearchBench.Catalogs},
 * same seed, so the same records) into a STOPPED node's own H2 database, writing exactly what
 * {@code RecordStore.create} and {@code CatalogAccess.apply} write for a registration: a {@code
 * catalog_record} row (canonical document, content hash, access columns), its {@code shared_with}
 * links (none in this catalog) and a {@code created} change in {@code change_log} with the next
 * gap-free sequence of {@code change_counter}. One organization record (and change) per local
 * government comes first. The node's search index is not touched: when the node starts, its
 * projector finds the new changes and indexes them, as it would after any write.
 *
 * <p>Left out on purpose: the SHACL profile assessment ({@code assessment} column, null as in
 * records written before it existed; one SHACL run per record would dominate the load, and search
 * does not read it) and the audit entry of each registration.
 *
 * <p>Usage: {@code LoadCatalog <jdbc-url> <records>}, or {@code LoadCatalog urls <file> <count>} to
 * write the search URLs of {@code SearchBench}'s workload (same seed: keyword in ko, ja or en, a
 * feature type, a LOD, a 3°×3° bbox) for the wrk script, or {@code LoadCatalog zipf <urls> <file>
 * <count>} to draw them with repeats; run by {@code bench/search-http/run.sh}.
 */
public class LoadCatalog {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("urls")) {
            writeUrls(Path.of(args[1]), Integer.parseInt(args[2]));
            return;
        }
        if (args[0].equals("zipf")) {
            writeZipf(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            return;
        }
        String url = args[0];
        int records = Integer.parseInt(args[1]);
        SearchBench.Catalogs catalogs = new SearchBench.Catalogs(new Random(7));
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            db.setAutoCommit(false);
            long sequence = lastSequence(db);
            if (sequence != countChanges(db)) {
                throw new IllegalStateException("change_counter and change_log disagree; not a node database?");
            }
            Writer writer = new Writer(db, sequence);
            for (SearchBench.City city : catalogs.korean) {
                writer.organization(city);
            }
            for (SearchBench.City city : catalogs.japanese) {
                writer.organization(city);
            }
            for (int i = 1; i <= records; i++) {
                IndexedDataset record = catalogs.record(i);
                writer.dataset(record.dataset(), record.access());
                if (i % 10_000 == 0) {
                    writer.commit();
                }
                if (i % 100_000 == 0) {
                    System.out.printf("loaded %,d datasets, %.0f/s%n", i, i / ((System.nanoTime() - started) / 1e9));
                }
            }
            writer.commit();
            System.out.printf("loaded %,d organizations and %,d datasets in %.1f s; change log now at sequence %d%n",
                    writer.organizations, records, (System.nanoTime() - started) / 1e9, writer.sequence);
        }
    }

    /**
     * Portal traffic repeats itself (popular words, facet clicks, first pages): {@code count} URLs
     * drawn from those in {@code from} with Zipf frequencies (s = 1, the i-th URL 1/i as often as
     * the first), as {@code SearchBench} draws its repeated searches.
     */
    static void writeZipf(Path from, Path file, int count) throws Exception {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            SearchBench.zipf(Files.readAllLines(from), count).forEach(out::println);
        }
    }

    static void writeUrls(Path file, int count) throws Exception {
        SearchBench.Catalogs catalogs = new SearchBench.Catalogs(new Random(7));
        Random random = new Random(11);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (int i = 0; i < count; i++) {
                SearchQuery q = catalogs.query(random);
                StringBuilder url = new StringBuilder("/api/v1/search?q=")
                        .append(URLEncoder.encode(q.text(), StandardCharsets.UTF_8));
                for (Facet facet : new Facet[] {Facet.FEATURE_TYPE, Facet.LOD}) {
                    for (String value : q.filters().get(facet)) {
                        url.append('&').append(facet.id()).append('=').append(value);
                    }
                }
                url.append("&bbox=");
                for (int c = 0; c < 4; c++) {
                    url.append(c == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.4f", q.bbox().get(c)));
                }
                out.println(url.append("&limit=20"));
            }
        }
    }

    static long lastSequence(Connection db) throws Exception {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("SELECT last_sequence FROM change_counter WHERE id = 1")) {
            r.next();
            return r.getLong(1);
        }
    }

    static long countChanges(Connection db) throws Exception {
        try (Statement s = db.createStatement();
                ResultSet r = s.executeQuery("SELECT count(*) FROM change_log")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Batched inserts; the change counter is written with each commit. */
    static final class Writer {
        final Connection db;
        final PreparedStatement record;
        final PreparedStatement change;
        final PreparedStatement exists;
        final PreparedStatement counter;
        final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long sequence;
        int organizations;

        Writer(Connection db, long sequence) throws Exception {
            this.db = db;
            this.sequence = sequence;
            record = db.prepareStatement("INSERT INTO catalog_record (record_type, id, publisher_id, status,"
                    + " record_version, created_seq, created_at, modified_at, content_hash, document,"
                    + " meta_visibility, data_access, personal_data) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, FALSE)");
            change = db.prepareStatement("INSERT INTO change_log (sequence, record_type, record_id, kind,"
                    + " record_version, changed_at, content_hash) VALUES (?, ?, ?, ?, 1, ?, ?)");
            exists = db.prepareStatement("SELECT 1 FROM catalog_record WHERE record_type = ? AND id = ?");
            counter = db.prepareStatement("UPDATE change_counter SET last_sequence = ? WHERE id = 1");
        }

        void organization(SearchBench.City city) throws Exception {
            exists.setString(1, RecordType.ORGANIZATION.code());
            exists.setString(2, city.id());
            try (ResultSet r = exists.executeQuery()) {
                if (r.next()) {
                    return;
                }
            }
            Organization org = new Organization()
                    .id(city.id())
                    .name(city.ko() != null
                            ? Map.of("ko", city.ko(), "en", city.en())
                            : Map.of("ja", city.ja(), "en", city.en()))
                    .kind(OrganizationKind.MUNICIPALITY)
                    .country(city.country());
            add(RecordType.ORGANIZATION, city.id(), null, RecordMapper.toDocument(org), AccessSettings.open());
            organizations++;
        }

        void dataset(Dataset dataset, AccessSettings settings) throws Exception {
            dataset.setAccess(AccessSettingsMapper.toModel(settings));
            String document = RecordMapper.toDocument(ProfileAssessment.strip(dataset));
            add(RecordType.DATASET, dataset.getId(), dataset.getPublisher(), document, settings);
        }

        private void add(RecordType type, String id, String publisher, String document, AccessSettings settings)
                throws Exception {
            String hash = DocumentCodec.hash(document);
            sequence++;
            OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
            record.setString(1, type.code());
            record.setString(2, id);
            record.setString(3, publisher);
            record.setString(4, RecordStatus.PUBLISHED.code());
            record.setLong(5, sequence);
            record.setObject(6, at);
            record.setObject(7, at);
            record.setString(8, hash);
            record.setString(9, document);
            record.setString(10, settings.metadataVisibility().id());
            record.setString(11, settings.dataAccess().id());
            record.addBatch();
            change.setLong(1, sequence);
            change.setString(2, type.code());
            change.setString(3, id);
            change.setString(4, ChangeKind.CREATED.code());
            change.setObject(5, at);
            change.setString(6, hash);
            change.addBatch();
            if (!settings.sharedWith().isEmpty()) {
                throw new IllegalStateException("shared_with links are not generated by this catalog");
            }
        }

        void commit() throws Exception {
            record.executeBatch();
            change.executeBatch();
            counter.setLong(1, sequence);
            counter.executeUpdate();
            db.commit();
        }
    }
}
