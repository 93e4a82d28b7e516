package org.twincatalog.catalog.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.twincatalog.access.AccessControlFailure;
import org.twincatalog.access.AccessLevel;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.catalog.record.Violations;

/** Maps the contract's {@code access} object to the policy's {@link AccessSettings} and back. */
public final class AccessSettingsMapper {
    private AccessSettingsMapper() {}

    /**
     * The settings of {@code model}; open (public/public) when absent. Invalid settings (data
     * more open than metadata, a bad organization id) are added to {@code v} under {@code
     * pointer}, and open settings are answered so validation can go on.
     */
    public static AccessSettings fromModel(
            org.twincatalog.api.v1.model.AccessSettings model, Violations v, String pointer) {
        if (model == null) {
            return AccessSettings.open();
        }
        AccessLevel meta = level(model.getMetadataVisibility());
        AccessLevel data = level(model.getDataAccess());
        List<String> shared = Objects.requireNonNullElse(model.getSharedWith(), List.of());
        for (int i = 0; i < shared.size(); i++) {
            v.id(pointer + "/sharedWith/" + i, shared.get(i));
        }
        try {
            return new AccessSettings(
                    meta, data, Boolean.TRUE.equals(model.getPersonalData()), new LinkedHashSet<>(shared));
        } catch (AccessControlFailure.ValidationFailed e) {
            v.add(pointer + "/dataAccess", e.getMessage());
            return AccessSettings.open();
        }
    }

    /** The contract's form, with every default filled in. */
    public static org.twincatalog.api.v1.model.AccessSettings toModel(AccessSettings settings) {
        return new org.twincatalog.api.v1.model.AccessSettings()
                .metadataVisibility(org.twincatalog.api.v1.model.AccessLevel.fromValue(
                        settings.metadataVisibility().id()))
                .dataAccess(org.twincatalog.api.v1.model.AccessLevel.fromValue(
                        settings.dataAccess().id()))
                .personalData(settings.personalData())
                .sharedWith(
                        new ArrayList<>(settings.sharedWith().stream().sorted().toList()));
    }

    private static AccessLevel level(org.twincatalog.api.v1.model.AccessLevel level) {
        return level == null ? AccessLevel.PUBLIC : AccessLevel.parse(level.toString());
    }
}
