package io.nqpf.advisor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.profile.ProfileIndicators;
import io.nqpf.advisor.support.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalog is faithful to the documents and complete against the knowledge map. */
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
    void everyKnowledgeMapIdIsInTheCatalogInBothLanguages() throws IOException {
        String map = Files.readString(SHARED.resolve("KNOWLEDGE.md"));
        Matcher m = Pattern.compile("(?m)^\\| ([BC]-[A-Z0-9-]+) \\|").matcher(map);
        TreeSet<String> ids = new TreeSet<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        assertEquals(64, ids.size(), "KNOWLEDGE.md lists 26 bottlenecks and 38 countermeasures");
        Catalog catalog = Rules.bundled().catalog();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            if (id.startsWith("B-")) {
                BottleneckEntry b = catalog.bottlenecks().get(id);
                if (b == null || !b.title().complete() || !b.description().complete()) {
                    missing.add(id);
                }
            } else {
                CountermeasureEntry c = catalog.countermeasures().get(id);
                if (c == null || !c.title().complete() || !c.summary().complete() || !c.actions().complete()) {
                    missing.add(id);
                }
            }
        }
        assertEquals(List.of(), missing);
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
