package org.twincatalog.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.twincatalog.api.v1.model.Dataset;
import org.twincatalog.api.v1.model.Organization;
import org.twincatalog.api.v1.model.Spatial;

class PlaceNamesTest {
    private static final Organization SEOUL = org("seoul", null, "11000", "서울특별시", "Seoul");
    private static final Organization MAPO = org("seoul-mapo", "seoul", "11440", "마포구", "Mapo-gu");
    private static final Organization TOKYO = org("tokyo-23", null, "13100", "도쿄도 23구", "Tokyo 23 wards");
    private final PlaceNames places = new PlaceNames(List.of(SEOUL, MAPO, TOKYO));

    @Test
    void aDistrictsDataset_carriesTheDistrictsAndItsParentsNames_byLanguage() {
        Map<String, String> names = places.of(new Dataset().publisher("seoul-mapo"));

        assertThat(names).containsEntry("ko", "마포구 서울특별시").containsEntry("en", "Mapo-gu Seoul");
    }

    @Test
    void theOrganizationsOfItsAdministrativeAreas_addTheirNames() {
        Dataset dataset = new Dataset().publisher("molit").spatial(new Spatial().adminAreas(List.of("13100", "99999")));

        assertThat(places.of(dataset)).containsEntry("en", "Tokyo 23 wards").containsEntry("ko", "도쿄도 23구");
    }

    @Test
    void anUnknownPublisher_andACycleOfParents_endWithoutError() {
        Organization a = org("a", "b", null, "가", "A");
        Organization b = org("b", "a", null, "나", "B");

        assertThat(places.of(new Dataset().publisher("nobody"))).isEmpty();
        assertThat(new PlaceNames(List.of(a, b)).of(new Dataset().publisher("a")))
                .containsEntry("en", "A B");
    }

    @Test
    void aRenamedOrganization_affectsItselfAndEveryOrganizationBelowIt() {
        assertThat(places.affectedBy(List.of("seoul"))).containsExactlyInAnyOrder("seoul", "seoul-mapo");
        assertThat(places.affectedBy(List.of("tokyo-23"))).containsExactly("tokyo-23");
    }

    private static Organization org(String id, String parent, String area, String ko, String en) {
        return new Organization()
                .id(id)
                .parent(parent)
                .areaCode(area)
                .name(new java.util.LinkedHashMap<>(Map.of("ko", ko)))
                .putNameItem("en", en);
    }
}
