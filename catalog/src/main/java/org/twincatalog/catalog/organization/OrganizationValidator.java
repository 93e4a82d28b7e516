package org.twincatalog.catalog.organization;

import java.util.regex.Pattern;
import org.twincatalog.api.v1.model.Organization;
import org.twincatalog.api.v1.model.OrganizationKind;
import org.twincatalog.catalog.record.Violations;

/** The rules an organization's description must follow. */
final class OrganizationValidator {
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
    private static final Pattern AREA_CODE = Pattern.compile("^[0-9]{5}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private OrganizationValidator() {}

    static Violations check(Organization org) {
        Violations v = Violations.of(org);
        v.required("/id", org.getId());
        v.id("/id", org.getId());
        v.langMap("/name", org.getName(), true);
        v.required("/kind", org.getKind());
        v.required("/country", org.getCountry());
        if (org.getCountry() != null && !COUNTRY.matcher(org.getCountry()).matches()) {
            v.add("/country", "'" + org.getCountry() + "' is not an ISO 3166-1 alpha-2 code such as KR or JP");
        }
        if (org.getAreaCode() != null && !AREA_CODE.matcher(org.getAreaCode()).matches()) {
            v.add("/areaCode", "'" + org.getAreaCode() + "' is not a 5-digit administrative area code");
        }
        boolean local =
                org.getKind() == OrganizationKind.MUNICIPALITY || org.getKind() == OrganizationKind.METROPOLITAN;
        if (local && org.getAreaCode() == null) {
            v.add("/areaCode", "a " + org.getKind() + " needs its administrative area code");
        }
        v.id("/parent", org.getParent());
        v.absoluteUri("/homepage", org.getHomepage());
        if (org.getEmail() != null && !EMAIL.matcher(org.getEmail()).matches()) {
            v.add("/email", "'" + org.getEmail() + "' is not an e-mail address");
        }
        return v;
    }
}
