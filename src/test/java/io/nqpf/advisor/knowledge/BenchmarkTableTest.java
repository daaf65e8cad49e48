package io.nqpf.advisor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.support.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a planner relies on from {@code rules/benchmarks.yaml}: every national series a threshold uses accounts for
 * each year 2010-2024, by a figure or by a stated reason why there is none, and every figure says where it comes
 * from, so that "the national figure of 2019" in a report can be traced to a publication.
 */
class BenchmarkTableTest {

    private static final int FIRST = 2010;
    private static final int LAST = 2024;
    private static final Catalog CATALOG = Rules.bundled().catalog();

    private static Set<String> usedSeries() {
        return CATALOG.thresholds().values().stream().map(ThresholdDef::benchmark).filter(b -> b != null)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everySeriesAThresholdUsesAccountsForEachYearFrom2010To2024ByAFigureOrAReason() {
        List<String> problems = new ArrayList<>();
        for (String id : usedSeries()) {
            Benchmark b = CATALOG.benchmarks().get(id);
            Map<Integer, String> claimed = new TreeMap<>();
            for (Benchmark.Point p : b.values()) {
                if (claimed.put(p.year(), "value") != null) {
                    problems.add(id + " " + p.year() + ": two values");
                }
            }
            for (Benchmark.Gap g : b.gaps()) {
                if (g.reason() == null || g.reason().isBlank()) {
                    problems.add(id + " " + g.from() + ": a gap without its reason");
                }
                if (g.last() < g.from()) {
                    problems.add(id + " " + g.from() + "-" + g.last() + ": a gap that ends before it starts");
                }
                for (int y = g.from(); y <= g.last(); y++) {
                    if (claimed.put(y, "gap") != null) {
                        problems.add(id + " " + y + ": both a value and a gap, or two gaps");
                    }
                }
            }
            for (int y = FIRST; y <= LAST; y++) {
                if (!claimed.containsKey(y)) {
                    problems.add(id + " " + y + ": neither a value nor a gap with its reason");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyValueNamesItsPublicationAndWhereItWasRead() throws IOException {
        Set<String> documents = Rules.bundled().documents().keySet();
        List<String> problems = new ArrayList<>();
        int unaddressed = 0;
        for (Benchmark b : CATALOG.benchmarks().values()) {
            for (Benchmark.Point p : b.values()) {
                String where = b.id() + " " + p.year();
                if (p.source() == null || p.source().isBlank()) {
                    problems.add(where + ": no source");
                }
                if (p.url() == null) {
                    unaddressed++;
                    if (p.note() == null || !p.note().contains("no address")) {
                        problems.add(where + ": no url, and no note saying why");
                    }
                } else if (p.url().startsWith("seed:")) {
                    String file = p.url().substring("seed:".length());
                    if (!documents.contains(file)) {
                        problems.add(where + ": " + file + " is not a source document of sources.yaml");
                    }
                } else if (!p.url().matches("https?://\\S+")) {
                    problems.add(where + ": url " + p.url() + " is not a web address");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertTrue(unaddressed <= 5, unaddressed + " values without an address: re-check them rather than add more");
    }

    @Test
    void aFigureReadInOneOfTheFivePapersIsStatedThere() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Rules.SOURCE_TEXTS),
                "figures from the papers not verified: no source texts at "
                        + Rules.SOURCE_TEXTS.toAbsolutePath().normalize() + " (set ADVISOR_SOURCES_DIR)");
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Benchmark b : CATALOG.benchmarks().values()) {
            for (Benchmark.Point p : b.values()) {
                if (p.url() != null && p.url().startsWith("seed:")) {
                    String file = p.url().substring("seed:".length());
                    checked++;
                    if (!Files.readString(Rules.SOURCE_TEXTS.resolve(file)).contains(Benchmark.format(p.value()))) {
                        problems.add(b.id() + " " + p.year() + ": " + file + " does not state " + Benchmark.format(p.value()));
                    }
                }
            }
        }
        assertTrue(checked > 0, "some figures come from the papers");
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aProfileOfAYearWithAFigureIsJudgedByThatYearAndOtherwiseTheReportSaysWhichYear() {
        ThresholdDef rdLow2019 = threshold("RD_LOW", 2019);
        assertEquals(2019, rdLow2019.benchmarkYear());
        assertEquals(Math.round(0.6 * 2.23 * 100) / 100.0, rdLow2019.numericThreshold(), 1e-9);
        assertFalse(rdLow2019.reference().en().contains("nearest"), rdLow2019.reference().en());

        ThresholdDef fiveG2021 = threshold("FIVE_G_LOW", 2021);
        assertEquals(2021, fiveG2021.benchmarkYear());
        assertEquals(Math.round(0.6 * 10.1 * 100) / 100.0, fiveG2021.numericThreshold(), 1e-9);

        ThresholdDef income2012 = threshold("INCOME_RATIO_HIGH", 2012);
        assertEquals(2014, income2012.benchmarkYear());
        assertTrue(income2012.reference().en().contains("no national figure for 2012, the nearest year 2014 is used"),
                income2012.reference().en());
        assertTrue(income2012.reference().zh().contains("无2012年全国数据，取最近的2014年"), income2012.reference().zh());
    }

    private static ThresholdDef threshold(String id, int year) {
        return CATALOG.thresholdsFor(year).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }
}
