package org.twincatalog.access.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.twincatalog.access.AccessLevel;
import org.twincatalog.access.AccessSettings;
import org.twincatalog.access.Action;
import org.twincatalog.access.Caller;
import org.twincatalog.access.Decision;
import org.twincatalog.access.OrganizationAction;
import org.twincatalog.access.ProtectedDataset;
import org.twincatalog.access.PublicationState;

/** Every cell of {@code policy/matrix.txt}: persona x access level x action. */
class PolicyMatrixTest {

    private static final String DATASET = "gangnam-3d-buildings";
    private static final Instant NOW = Instant.parse("2026-05-01T09:00:00Z");

    /** tokyo-23 holds an active agreement with a purpose on the matrix dataset; nobody else holds any. */
    private static final GrantLookup GRANTS = (org, dataset, at) -> org.equals("tokyo-23") && dataset.equals(DATASET)
            ? Optional.of(new Grant(
                    "agr-1",
                    org,
                    dataset,
                    "flood simulation",
                    at.minus(1, ChronoUnit.DAYS),
                    at.plus(1, ChronoUnit.DAYS)))
            : Optional.empty();

    private final DefaultPolicyDecisionPoint pdp =
            new DefaultPolicyDecisionPoint(GRANTS, Clock.fixed(NOW, ZoneOffset.UTC));

    @TestFactory
    List<DynamicTest> everyCellOfTheMatrix() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        Fixture fixture = Fixture.load();
        for (Row row : fixture.rows) {
            for (int i = 0; i < fixture.personas.size(); i++) {
                String persona = fixture.personas.get(i);
                String expected = row.cells.get(i);
                tests.add(DynamicTest.dynamicTest(
                        row.label + " | " + persona + " -> " + expected,
                        () -> assertCell(row, Personas.get(persona), expected)));
            }
        }
        return tests;
    }

    @Test
    void matrix_coversEveryPersonaActionAndLevel() throws IOException {
        Fixture fixture = Fixture.load();
        assertThat(fixture.personas).containsExactlyInAnyOrderElementsOf(Personas.BY_NAME.keySet());
        assertThat(fixture.rows).allSatisfy(row -> assertThat(row.cells).hasSize(fixture.personas.size()));
        List<String> datasetActions = fixture.rows.stream()
                .filter(r -> r.section.equals("dataset"))
                .map(r -> r.fields[0])
                .toList();
        assertThat(datasetActions)
                .containsAll(Arrays.stream(Action.values()).map(Action::id).toList());
        List<String> levels = fixture.rows.stream()
                .filter(r -> r.fields[0].equals("access-data"))
                .map(r -> r.fields[2])
                .toList();
        assertThat(levels)
                .containsAll(
                        Arrays.stream(AccessLevel.values()).map(AccessLevel::id).toList());
        List<String> orgActions = fixture.rows.stream()
                .filter(r -> r.section.equals("organization"))
                .map(r -> r.fields[0])
                .toList();
        assertThat(orgActions)
                .containsAll(Arrays.stream(OrganizationAction.values())
                        .map(OrganizationAction::id)
                        .toList());
    }

    private void assertCell(Row row, Caller caller, String expected) {
        Decision decision =
                row.section.equals("dataset") ? datasetDecision(row, caller) : organizationDecision(row, caller);
        assertThat(code(decision))
                .as(decision.rule().id() + ": " + decision.reason())
                .isEqualTo(expected);
        if (decision.effect() == Decision.Effect.DENY && row.fields[0].equals("access-data")) {
            assertThat(decision.accessHint())
                    .as("a denied data access says how to get access")
                    .isPresent();
        } else {
            assertThat(decision.accessHint()).isEmpty();
        }
    }

    private Decision datasetDecision(Row row, Caller caller) {
        String[] f = row.fields;
        AccessSettings settings = new AccessSettings(
                AccessLevel.parse(f[1]), AccessLevel.parse(f[2]), f[3].equals("yes"), Set.of("busan"));
        ProtectedDataset dataset = new ProtectedDataset(
                DATASET, Personas.OWNER, PublicationState.valueOf(f[4].toUpperCase(java.util.Locale.ROOT)), settings);
        return pdp.decide(caller, Action.parse(f[0]), dataset);
    }

    private Decision organizationDecision(Row row, Caller caller) {
        OrganizationAction action = OrganizationAction.valueOf(
                row.fields[0].toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        String organization = row.fields[1].equals("own") ? caller.organization() : row.fields[1];
        return pdp.decide(caller, action, organization);
    }

    private static String code(Decision decision) {
        return switch (decision.effect()) {
            case PERMIT -> "P";
            case DENY -> "D";
            case NOT_FOUND -> "N";
        };
    }

    private record Row(String section, String label, String[] fields, List<String> cells) {}

    private record Fixture(List<String> personas, List<Row> rows) {
        static Fixture load() throws IOException {
            try (InputStream in = PolicyMatrixTest.class.getResourceAsStream("/policy/matrix.txt")) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                List<String> personas = null;
                List<Row> rows = new ArrayList<>();
                String section = null;
                for (String line : text.split("\n")) {
                    String trimmed = line.strip();
                    if (trimmed.startsWith("[")) {
                        section = trimmed.substring(1, trimmed.length() - 1);
                    } else if (trimmed.startsWith("# action")) {
                        List<String> header = columns(trimmed.substring(trimmed.indexOf('|') + 1));
                        if (personas != null && !personas.equals(header)) {
                            throw new IllegalStateException("persona columns differ between sections");
                        }
                        personas = header;
                    } else if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                        String[] halves = trimmed.split("\\|");
                        rows.add(new Row(
                                section,
                                halves[0].strip().replaceAll("\\s+", " "),
                                halves[0].strip().split("\\s+"),
                                columns(halves[1])));
                    }
                }
                return new Fixture(personas, rows);
            }
        }

        private static List<String> columns(String text) {
            return List.of(text.strip().split("\\s+"));
        }
    }
}
