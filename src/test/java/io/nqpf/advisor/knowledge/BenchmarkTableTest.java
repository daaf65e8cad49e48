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
    void everyValueNamesItsPublicationAndLinksOnlyToTheIssuingBodysOwnSite() {
        Set<String> documents = Rules.bundled().documents().keySet();
        List<String> problems = new ArrayList<>();
        for (Benchmark b : CATALOG.benchmarks().values()) {
            for (Benchmark.Point p : b.values()) {
                String where = b.id() + " " + p.year();
                if (p.source() == null || p.source().isBlank()) {
                    problems.add(where + ": no source");
                }
                if (p.url() == null) {
                    if (p.published() == null || !p.published().matches("\\d{4}(-\\d{2}(-\\d{2})?)?")) {
                        problems.add(where + ": no address, and no publication date (published) to cite it by");
                    }
                } else if (p.url().startsWith("seed:")) {
                    String file = p.url().substring("seed:".length());
                    if (!documents.contains(file)) {
                        problems.add(where + ": " + file + " is not a source document of sources.yaml");
                    }
                } else if (!OfficialSource.allows(p.url())) {
                    problems.add(where + ": " + p.url() + " is not the issuing body's own site");
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** No file of the rules (which the data dictionary and the reports serve) carries an address off the allow-list. */
    @Test
    void noRulesFileLinksAnywhereButToAnIssuingBody() throws IOException {
        java.util.regex.Pattern address = java.util.regex.Pattern.compile("https?://[^\\s\"'）)]+");
        List<String> problems = new ArrayList<>();
        try (var files = Files.walk(Rules.DIR)) {
            for (var f : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".drl")).sorted().toList()) {
                var m = address.matcher(Files.readString(f));
                while (m.find()) {
                    if (!OfficialSource.allows(m.group())) {
                        problems.add(f + ": " + m.group());
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " addresses off the issuing bodies' sites:\n"
                + String.join("\n", problems));
    }

    @Test
    void theAllowListTakesTheIssuingBodiesAndRefusesCopiesAndLookAlikes() {
        for (String ok : List.of("https://www.stats.gov.cn/sj/zxfb/202402/t20240228_1947915.html",
                "http://www.gov.cn/zhengce/content/2019-03/26/content_5377046.htm", "https://www.most.gov.cn/x.html",
                "https://tjj.qinghai.gov.cn/nj/2014/html/2303.htm", "https://www.cnnic.net.cn/n4/2024/0322/c88-10964.html",
                "seed:004_6c1a7d1aea31aeba.txt")) {
            assertTrue(OfficialSource.allows(ok), ok);
        }
        for (String bad : List.of("http://m.xbqs.cn/20/11984.html", "https://stats.gov.cn.example.com/a",
                "https://www.gov.cn@evil.com/", "https://evilgov.cn/a", "ftp://www.stats.gov.cn/a",
                "https://www.stats.gov.cn:8443/a", "seed:", "javascript:alert(1)")) {
            assertFalse(OfficialSource.allows(bad), bad);
        }
    }

    @Test
    void theLoaderRefusesAnAddressOffTheAllowListAtItsLine() {
        String yaml = """
                benchmarks:
                  - id: X
                    label: {zh-CN: "x", en: "x"}
                    unit: "%"
                    values:
                      - {year: 2020, value: 1.0, source: "国家统计局", url: "http://m.xbqs.cn/20/11984.html"}
                """;
        var result = CatalogLoader.load(Map.of("benchmarks.yaml", yaml));
        assertTrue(result.problems().stream().anyMatch(p -> p.message().contains("not the issuing body's own site")
                && p.line() > 1), result.problems().toString());
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
    void aValueIsJudgedByTheFigureOfItsYearOrTheNearestEarlierOneAndByNoneBeforeTheSeriesBegan() {
        ThresholdDef rdLow2019 = threshold("RD_LOW", 2019).orElseThrow();
        assertEquals(2019, rdLow2019.benchmarkYear());
        assertEquals(Math.round(0.6 * 2.23 * 100) / 100.0, rdLow2019.numericThreshold(), 1e-9);
        assertFalse(rdLow2019.reference().en().contains("nearest"), rdLow2019.reference().en());

        // rural internet: no December survey in 2019; 2018's figure, never 2020's 55.9 (a year later, 17 points higher)
        ThresholdDef rural2019 = threshold("RURAL_INTERNET_LOW", 2019).orElseThrow();
        assertEquals(2018, rural2019.benchmarkYear());
        assertTrue(rural2019.reference().en().contains("no national figure for 2019, the nearest earlier year 2018 is used"),
                rural2019.reference().en());
        assertTrue(rural2019.reference().zh().contains("无2019年全国数据，取此前最近的2018年"), rural2019.reference().zh());

        // 5G: judged by its own year from 2019; before 2019 there was no 5G network, so no benchmark at all
        assertEquals(2019, threshold("FIVE_G_LOW", 2019).orElseThrow().benchmarkYear());
        assertEquals(Math.round(0.6 * 10.1 * 100) / 100.0, threshold("FIVE_G_LOW", 2021).orElseThrow().numericThreshold(),
                1e-9);
        assertTrue(threshold("FIVE_G_LOW", 2015).isEmpty(), "5G did not exist in 2015");

        // the income ratio is comparable from 2014 only: no later figure stands in for 2012
        assertTrue(threshold("INCOME_RATIO_HIGH", 2012).isEmpty());

        // energy intensity and fiscal self-sufficiency are year series, not one figure for every year
        assertEquals(2016, threshold("ENERGY_INTENSITY_HIGH", 2016).orElseThrow().benchmarkYear());
        assertTrue(threshold("ENERGY_INTENSITY_HIGH", 2016).orElseThrow().numericThreshold()
                > threshold("ENERGY_INTENSITY_HIGH", 2023).orElseThrow().numericThreshold());
        assertEquals(2020, threshold("FISCAL_WEAK", 2020).orElseThrow().benchmarkYear());
        assertEquals(2023, threshold("FISCAL_WEAK", 2030).orElseThrow().benchmarkYear());
    }

    /** KNOWLEDGE §7: a plain national mean is where a median city sits; thresholds on one keep a margin. */
    @Test
    void thresholdsOnPlainNationalMeansKeepAMargin() {
        for (String id : List.of("ENERGY_INTENSITY_HIGH", "ELDERLY_CARE_BEDS_LOW", "RURAL_INTERNET_LOW", "FISCAL_WEAK")) {
            ThresholdDef t = CATALOG.thresholds().get(id);
            double factor = t.factor() == null ? 1.0 : t.factor();
            boolean margin = t.comparison().low() ? factor <= 0.9 : factor >= 1.1;
            assertTrue(margin, id + " sits at the plain national mean (factor " + factor + ")");
            assertTrue(t.comparison() == Comparison.LESS || t.comparison() == Comparison.GREATER, id);
        }
    }

    private static java.util.Optional<ThresholdDef> threshold(String id, int year) {
        return CATALOG.thresholdsFor(year).stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
