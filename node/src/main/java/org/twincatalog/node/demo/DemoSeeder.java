package org.twincatalog.node.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.twincatalog.access.Caller;
import org.twincatalog.access.OrgKind;
import org.twincatalog.api.v1.model.DataService;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Organization;
import org.twincatalog.catalog.CallerContext;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.catalog.dataservice.DataServiceService;
import org.twincatalog.catalog.dataset.DatasetService;
import org.twincatalog.catalog.organization.OrganizationService;
import org.twincatalog.catalog.record.RecordStore;
import org.twincatalog.hosting.packages.PackageService;

/**
 * Seeds an empty catalog with demo organizations, datasets and services (written for this
 * project, not copied data) and hosted PLATEAU packages (real samples, zipped into the jar at
 * build time from {@code testdata/plateau}) when {@code tc.demo.seed=true}. They go through the
 * same services as API writes, so they are validated and land in the change log. {@code tc.demo.set} picks
 * another set than the default one (e.g. {@code federation/city-gangnam}: the files under
 * {@code demo/federation/city-gangnam/}), so that each node of a demo federation has its own.
 */
@ApplicationScoped
public class DemoSeeder {
    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);

    private final OrganizationService organizations;
    private final DatasetService datasets;
    private final DataServiceService services;
    private final PackageService packages;
    private final ObjectMapper json;
    private final boolean enabled;
    private final CallerContext callers;
    private final RecordStore store;
    private final String prefix;

    public DemoSeeder(
            OrganizationService organizations,
            DatasetService datasets,
            DataServiceService services,
            PackageService packages,
            ObjectMapper json,
            @ConfigProperty(name = "tc.demo.seed", defaultValue = "false") boolean enabled,
            CallerContext callers,
            RecordStore store,
            @ConfigProperty(name = "tc.demo.set") java.util.Optional<String> set) {
        this.prefix = set.map(s -> "demo/" + s.replaceAll("^/+|/+$", "") + "/").orElse("demo/");
        this.callers = callers;
        this.store = store;
        this.organizations = organizations;
        this.datasets = datasets;
        this.services = services;
        this.packages = packages;
        this.json = json;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled && organizations.countPublished() == 0) {
            seed();
        }
    }

    /** Registers every demo record; answers how many. */
    public int seed() {
        // Records that exist already (by id) are left as they are, so seeding can be repeated.
        List<Organization> orgs = missing(
                read(prefix + "organizations.json", Organization[].class),
                RecordType.ORGANIZATION,
                Organization::getId);
        orgs.forEach(o -> asPublisherOf(o.getId(), () -> organizations.create(o)));
        List<Dataset> sets =
                missing(read(prefix + "datasets.json", Dataset[].class), RecordType.DATASET, Dataset::getId);
        sets.forEach(d -> asPublisherOf(d.getPublisher(), () -> datasets.create(d)));
        List<DataService> svcs =
                missing(read(prefix + "services.json", DataService[].class), RecordType.SERVICE, DataService::getId);
        svcs.forEach(s -> asPublisherOf(s.getPublisher(), () -> services.create(s)));
        List<DemoPackage> hosted =
                missing(read(prefix + "packages.json", DemoPackage[].class), RecordType.DATASET, DemoPackage::id);
        hosted.forEach(p -> asPublisherOf(p.publisher(), () -> register(p)));
        int total = orgs.size() + sets.size() + svcs.size() + hosted.size();
        LOG.infof(
                "Seeded %d demo organizations, %d datasets, %d services and %d hosted PLATEAU packages",
                orgs.size(), sets.size(), svcs.size(), hosted.size());
        return total;
    }

    /** Registers a package from the zip the build put into the jar, as its publisher would. */
    private Dataset register(DemoPackage p) {
        if (!p.packageName().matches("[A-Za-z0-9._-]+")) {
            throw new IllegalStateException("bad demo package name " + p.packageName());
        }
        String resource = "demo/plateau/" + p.packageName() + ".zip";
        try (InputStream zip = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (zip == null) {
                throw new IllegalStateException("missing demo resource " + resource + " (zipped by the build)");
            }
            return packages.register(
                    new PackageService.Registration(
                            p.publisher(),
                            p.accessRights(),
                            null,
                            p.license(),
                            p.id(),
                            p.packageName() + ".zip",
                            p.description()),
                    zip);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read demo resource " + resource, e);
        }
    }

    /** Seeding writes like a publisher of the record's organization would, through the same policy. */
    private <T> T asPublisherOf(String organization, Supplier<T> write) {
        Caller seeder = Caller.user("demo-seeder", organization, OrgKind.CITY, Set.of(Caller.PUBLISHER));
        return callers.runAs(seeder, write);
    }

    private <T> List<T> missing(List<T> records, RecordType type, java.util.function.Function<T, String> id) {
        return records.stream()
                .filter(r -> store.find(type, id.apply(r)).isEmpty())
                .toList();
    }

    private <T> List<T> read(String resource, Class<T[]> type) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing demo resource " + resource);
            }
            return List.of(json.readValue(in, type));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read demo resource " + resource, e);
        }
    }
}
