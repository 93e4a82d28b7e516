package org.twincatalog.catalog.access;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.twincatalog.access.agreement.Agreement;
import org.twincatalog.access.agreement.AgreementPart;
import org.twincatalog.api.v1.model.PartState;

/** Maps the library's agreements to the contract's models. */
final class AgreementMapper {
    private AgreementMapper() {}

    static org.twincatalog.api.v1.model.Agreement toModel(Agreement a) {
        return new org.twincatalog.api.v1.model.Agreement()
                .id(a.id())
                .kind(org.twincatalog.api.v1.model.Agreement.KindEnum.fromValue(CatalogAccess.lower(a.kind())))
                .consumerOrganization(a.consumerOrganization())
                .requestedBy(a.requestedBy())
                .purpose(a.purpose())
                .legalBasis(a.legalBasis())
                .validFrom(time(a.period().from()))
                .validUntil(time(a.period().until()))
                .parts(a.parts().stream().map(AgreementMapper::toModel).toList())
                .created(time(a.createdAt()))
                .version(a.version());
    }

    private static org.twincatalog.api.v1.model.AgreementPart toModel(AgreementPart p) {
        return new org.twincatalog.api.v1.model.AgreementPart()
                .ownerOrganization(p.ownerOrganization())
                .datasets(p.datasetIds())
                .state(PartState.fromValue(CatalogAccess.lower(p.state())))
                .decidedBy(p.decidedBy())
                .decidedAt(time(p.decidedAt()))
                .note(p.note());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
