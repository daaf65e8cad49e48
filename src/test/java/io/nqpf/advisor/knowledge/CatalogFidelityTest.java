package io.nqpf.advisor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nqpf.advisor.engine.RuleSources;
import io.nqpf.advisor.profile.ProfileIndicators;
import io.nqpf.advisor.support.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalog is faithful to the source texts and keeps every stable id of {@code rules/ids.yaml}. */
class CatalogFidelityTest {

    /** The shape of {@code rules/ids.yaml}. */
    record StableIds(Ids required, Ids planned) {
        record Ids(List<String> bottlenecks, List<String> countermeasures) {
            List<String> all() {
                return Stream.concat(bottlenecks.stream(), countermeasures.stream()).toList();
            }
        }
    }

    /** Read like the rules: a mistake in ids.yaml fails with its file, line and column in plain words. */
    private static StableIds stableIds() throws IOException {
        Path file = Rules.DIR.resolve("ids.yaml");
        try {
            return YamlDocument.parse(Files.readString(file)).bind("", StableIds.class);
        } catch (YamlDocument.Invalid e) {
            throw new AssertionError(file + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
        }
    }

    @Test
    void everyQuoteStandsVerbatimInItsDocument() {
        assumeTrue(Files.isDirectory(Rules.SOURCE_TEXTS), "citations not verified: no source texts at "
                + Rules.SOURCE_TEXTS.toAbsolutePath().normalize() + " (set ADVISOR_SOURCES_DIR)");
        Catalog catalog = Rules.bundled().catalog();
        int citations = Stream.of(catalog.bottlenecks().values().stream().map(BottleneckEntry::sources),
                catalog.countermeasures().values().stream().map(CountermeasureEntry::sources),
                catalog.cityStages().values().stream().map(CityStageEntry::sources))
                .flatMap(s -> s).mapToInt(List::size).sum();

        CitationCheck.Result result = CitationCheck.check(RuleSources.read(Rules.DIR).yaml(), Rules.SOURCE_TEXTS);

        assertEquals(List.of(), result.problems());
        assertEquals(citations, result.quotesVerified(), "every citation was looked up in its text");
    }

    @Test
    void everyStableIdIsInTheCatalogInBothLanguages() throws IOException {
        StableIds ids = stableIds();
        assertFalse(ids.required().bottlenecks().isEmpty() || ids.required().countermeasures().isEmpty());
        Catalog catalog = Rules.bundled().catalog();
        List<String> missing = new ArrayList<>();
        for (String id : ids.required().bottlenecks()) {
            BottleneckEntry b = catalog.bottlenecks().get(id);
            if (b == null || !b.title().complete() || !b.description().complete()) {
                missing.add(id);
            }
        }
        for (String id : ids.required().countermeasures()) {
            CountermeasureEntry c = catalog.countermeasures().get(id);
            if (c == null || !c.title().complete() || !c.summary().complete() || !c.actions().complete()) {
                missing.add(id);
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void aPlannedIdInTheCatalogIsPromotedToRequired() throws IOException {
        StableIds ids = stableIds();
        Catalog catalog = Rules.bundled().catalog();
        List<String> landed = ids.planned().all().stream()
                .filter(id -> catalog.bottlenecks().containsKey(id) || catalog.countermeasures().containsKey(id))
                .toList();
        assertEquals(List.of(), landed, "in the catalog now: move these from planned to required in rules/ids.yaml");
    }

    @Test
    void everyIndicatorHasALabelInBothLanguages() {
        Catalog catalog = Rules.bundled().catalog();
        List<String> missing = ProfileIndicators.paths().stream()
                .filter(p -> catalog.indicators().get(p) == null || !catalog.indicators().get(p).label().complete())
                .toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void everyThresholdNamesWhereItsFigureComesFrom() {
        Rules.bundled().catalog().thresholds().values().forEach(t -> assertTrue(t.reference().complete(), t.id()));
    }
}
