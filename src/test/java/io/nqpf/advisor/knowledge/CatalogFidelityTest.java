package io.nqpf.advisor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.nqpf.advisor.profile.ProfileIndicators;
import io.nqpf.advisor.support.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalog is faithful to the documents and keeps every stable id of {@code rules/ids.yaml}. */
class CatalogFidelityTest {

    private static final Path SHARED = Path.of("..", "shared");
    private static final Map<String, String> SEEDS = new HashMap<>();

    private static String seed(String document) {
        return SEEDS.computeIfAbsent(document, d -> {
            try {
                return Files.readString(SHARED.resolve("seeds").resolve(d));
            } catch (IOException e) {
                return null;
            }
        });
    }

    /** The shape of {@code rules/ids.yaml}. */
    record StableIds(Ids required, Ids planned) {
        record Ids(List<String> bottlenecks, List<String> countermeasures) {
            List<String> all() {
                return Stream.concat(bottlenecks.stream(), countermeasures.stream()).toList();
            }
        }
    }

    private static StableIds stableIds() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readValue(Rules.DIR.resolve("ids.yaml").toFile(), StableIds.class);
    }

    @Test
    void everyQuoteStandsVerbatimInItsDocument() {
        Catalog catalog = Rules.bundled().catalog();
        List<String> wrong = new ArrayList<>();
        List<Citation> all = new ArrayList<>();
        catalog.bottlenecks().values().forEach(b -> all.addAll(b.sources()));
        catalog.countermeasures().values().forEach(c -> all.addAll(c.sources()));
        for (Citation c : all) {
            String text = seed(c.document());
            if (text == null) {
                wrong.add(c.document() + ": no such document");
            } else if (!text.contains(c.quote())) {
                wrong.add(c.document() + " " + c.section() + ": quote not found verbatim: " + c.quote());
            } else if (c.quote().codePointCount(0, c.quote().length()) < 4) {
                wrong.add(c.document() + ": quote too short to identify a passage: " + c.quote());
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(all.size() >= 64, "every entry cites at least one passage");
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
