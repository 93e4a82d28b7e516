package org.twincatalog.catalog.dataservice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.access.Action;
import org.twincatalog.api.v1.model.DataService;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.catalog.access.AccessSettingsMapper;
import org.twincatalog.catalog.access.CatalogAccess;
import org.twincatalog.catalog.organization.OrganizationService;
import org.twincatalog.catalog.record.Mirrors;
import org.twincatalog.catalog.record.Page;
import org.twincatalog.catalog.record.RecordEntity;
import org.twincatalog.catalog.record.RecordFilter;
import org.twincatalog.catalog.record.RecordIds;
import org.twincatalog.catalog.record.RecordMapper;
import org.twincatalog.catalog.record.RecordStore;
import org.twincatalog.catalog.record.Violations;

/** Registers, updates and withdraws data services (dcat:DataService). */
@ApplicationScoped
public class DataServiceService {
    static final String SERVES = "servesDataset";

    private final RecordStore store;
    private final OrganizationService organizations;
    private final CatalogAccess access;

    public DataServiceService(RecordStore store, OrganizationService organizations, CatalogAccess access) {
        this.store = store;
        this.organizations = organizations;
        this.access = access;
    }

    @Transactional
    public DataService create(DataService service) {
        Violations v = Violations.of(service);
        RecordIds.checkChosen(v, service.getId(), service.getPublisher());
        if (service.getId() == null) {
            service.setId(UUID.randomUUID().toString());
        }
        validate(service, v);
        access.requireCreate(RecordType.SERVICE, service.getId(), service.getPublisher(), settings(service));
        RecordEntity record = store.create(
                RecordType.SERVICE, service.getId(), service.getPublisher(), RecordMapper.toDocument(service));
        store.replaceLinks(RecordType.SERVICE, service.getId(), SERVES, served(service));
        return toModel(written(Action.CREATE, service, record));
    }

    @Transactional
    public DataService update(String id, DataService service, Long expectedVersion) {
        Violations v = Violations.of(service);
        if (service.getId() != null && !service.getId().equals(id)) {
            v.add("/id", "the body's id '" + service.getId() + "' differs from the URL's '" + id + "'");
        }
        service.setId(id);
        RecordEntity current = writable(id, Action.UPDATE);
        RecordIds.checkMove(v, id, current.publisherId, service.getPublisher());
        validate(service, v);
        if (!Objects.equals(current.publisherId, service.getPublisher())) {
            access.requireCreate(RecordType.SERVICE, id, service.getPublisher(), settings(service));
        }
        RecordEntity record = store.update(
                RecordType.SERVICE, id, expectedVersion, service.getPublisher(), RecordMapper.toDocument(service));
        store.replaceLinks(RecordType.SERVICE, id, SERVES, served(service));
        return toModel(written(Action.UPDATE, service, record));
    }

    @Transactional
    public void withdraw(String id, Long expectedVersion) {
        writable(id, Action.WITHDRAW);
        access.recordWrite(Action.WITHDRAW, store.withdraw(RecordType.SERVICE, id, expectedVersion));
        store.replaceLinks(RecordType.SERVICE, id, SERVES, List.of());
    }

    /** The service if the caller may see it; its endpoint only if the caller may access its data. */
    public DataService get(String id) {
        RecordEntity record = access.readable(RecordType.SERVICE, id);
        DataService service = toModel(record);
        if (!access.mayAccessData(record)) {
            service.setEndpointUrl(null);
        }
        return service;
    }

    public Page<DataService> list(String publisher, String servesDataset, long afterSeq, int limit) {
        RecordFilter filter = new RecordFilter(publisher, false, servesDataset == null ? null : SERVES, servesDataset);
        Page<RecordEntity> page = store.page(RecordType.SERVICE, filter, access.visibility(), afterSeq, limit);
        access.recordQuery("list-services", "services", page.items().size());
        return new Page<>(page.items().stream().map(this::shown).toList(), page.total(), page.next());
    }

    /** The published services the caller may see (for the DCAT export). */
    public List<DataService> allPublished() {
        List<DataService> shown = store.allPublished(RecordType.SERVICE, access.visibility()).stream()
                .map(this::shown)
                .toList();
        access.recordQuery("export-services", "services", shown.size());
        return shown;
    }

    /** How many published services the caller may see. */
    public long countPublished() {
        return store.countPublished(RecordType.SERVICE, access.visibility());
    }

    /** The current service, if the caller may see it and perform {@code action} on it, and it is no mirror. */
    private RecordEntity writable(String id, Action action) {
        RecordEntity record = access.readable(RecordType.SERVICE, id);
        access.require(action, record, null);
        Mirrors.requireLocal(record);
        return record;
    }

    private RecordEntity written(Action action, DataService service, RecordEntity record) {
        access.apply(record, settings(service));
        access.recordWrite(action, record);
        return record;
    }

    private static AccessSettings settings(DataService service) {
        return AccessSettingsMapper.fromModel(service.getAccess(), new Violations(), "/access");
    }

    private DataService shown(RecordEntity record) {
        DataService service = toModel(record);
        if (!access.showsData(record)) {
            service.setEndpointUrl(null);
        }
        return service;
    }

    private void validate(DataService s, Violations v) {
        v.id("/id", s.getId());
        v.langMap("/title", s.getTitle(), true);
        v.langMap("/description", s.getDescription(), false);
        v.keywords("/keywords", s.getKeywords());
        v.required("/publisher", s.getPublisher());
        v.id("/publisher", s.getPublisher());
        if (s.getPublisher() != null
                && Violations.ID.matcher(s.getPublisher()).matches()
                && !organizations.exists(s.getPublisher())) {
            v.add("/publisher", "no organization with id '" + s.getPublisher() + "' is registered");
        }
        Mirrors.rejectOrigin(v, s.getOrigin());
        v.required("/endpointUrl", s.getEndpointUrl());
        v.absoluteUri("/endpointUrl", s.getEndpointUrl());
        v.absoluteUri("/endpointDescription", s.getEndpointDescription());
        v.absoluteUris("/conformsTo", s.getConformsTo());
        v.absoluteUris("/themes", s.getThemes());
        v.absoluteUri("/license", s.getLicense());
        List<String> served = served(s);
        for (int i = 0; i < served.size(); i++) {
            String id = served.get(i);
            // a dataset the caller may not see is as missing as one that does not exist
            boolean published = id != null
                    && store.find(RecordType.DATASET, id)
                            .filter(r -> !r.withdrawn() && access.showsMetadata(r))
                            .isPresent();
            if (!published) {
                v.add("/servesDatasets/" + i, "no published dataset with id '" + id + "'");
            }
        }
        s.setAccess(AccessSettingsMapper.toModel(AccessSettingsMapper.fromModel(s.getAccess(), v, "/access")));
        v.throwIfAny("data service");
    }

    private static List<String> served(DataService s) {
        return Objects.requireNonNullElse(s.getServesDatasets(), List.of());
    }

    static DataService toModel(RecordEntity record) {
        return RecordMapper.toModel(record, DataService.class);
    }
}
