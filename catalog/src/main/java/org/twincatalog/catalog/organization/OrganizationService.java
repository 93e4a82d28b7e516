package org.twincatalog.catalog.organization;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Objects;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.access.Action;
import org.twincatalog.api.v1.model.Organization;
import org.twincatalog.catalog.RecordType;
import org.twincatalog.catalog.access.CatalogAccess;
import org.twincatalog.catalog.record.Page;
import org.twincatalog.catalog.record.RecordEntity;
import org.twincatalog.catalog.record.RecordFilter;
import org.twincatalog.catalog.record.RecordIds;
import org.twincatalog.catalog.record.RecordMapper;
import org.twincatalog.catalog.record.RecordStore;
import org.twincatalog.catalog.record.Violations;

/** Registers and describes the organizations that publish records. */
@ApplicationScoped
public class OrganizationService {
    private final RecordStore store;
    private final CatalogAccess access;

    public OrganizationService(RecordStore store, CatalogAccess access) {
        this.store = store;
        this.access = access;
    }

    @Transactional
    public Organization create(Organization org) {
        Violations v = OrganizationValidator.check(org);
        RecordIds.checkOrganizationId(v, org.getId());
        checkParent(org, v);
        v.throwIfAny("organization");
        // An organization's record is its own: its publishers register and describe it.
        access.requireCreate(RecordType.ORGANIZATION, org.getId(), org.getId(), AccessSettings.open());
        RecordEntity created = store.create(RecordType.ORGANIZATION, org.getId(), null, RecordMapper.toDocument(org));
        access.recordWrite(Action.CREATE, created);
        return toModel(created);
    }

    @Transactional
    public Organization update(String id, Organization org, Long expectedVersion) {
        if (org.getId() == null) {
            org.setId(id);
        }
        Violations v = OrganizationValidator.check(org);
        if (!Objects.equals(id, org.getId())) {
            v.add("/id", "the body's id '" + org.getId() + "' differs from the URL's '" + id + "'");
        }
        checkParent(org, v);
        v.throwIfAny("organization");
        access.require(Action.UPDATE, access.readable(RecordType.ORGANIZATION, id), null);
        RecordEntity updated =
                store.update(RecordType.ORGANIZATION, id, expectedVersion, null, RecordMapper.toDocument(org));
        access.recordWrite(Action.UPDATE, updated);
        return toModel(updated);
    }

    public Organization get(String id) {
        return toModel(store.getPublished(RecordType.ORGANIZATION, id));
    }

    public long countPublished() {
        return store.countPublished(RecordType.ORGANIZATION);
    }

    /** Whether a published organization with this id exists. */
    public boolean exists(String id) {
        return store.find(RecordType.ORGANIZATION, id)
                .filter(r -> !r.withdrawn())
                .isPresent();
    }

    public Page<Organization> list(long afterSeq, int limit) {
        Page<RecordEntity> page = store.page(RecordType.ORGANIZATION, RecordFilter.published(), afterSeq, limit);
        return new Page<>(
                page.items().stream().map(OrganizationService::toModel).toList(), page.total(), page.next());
    }

    private void checkParent(Organization org, Violations v) {
        if (org.getParent() != null && Violations.ID.matcher(org.getParent()).matches() && !exists(org.getParent())) {
            v.add("/parent", "no organization with id '" + org.getParent() + "'");
        }
        if (org.getParent() != null && org.getParent().equals(org.getId())) {
            v.add("/parent", "an organization cannot be its own parent");
        }
    }

    static Organization toModel(RecordEntity record) {
        return RecordMapper.toModel(record, Organization.class);
    }
}
