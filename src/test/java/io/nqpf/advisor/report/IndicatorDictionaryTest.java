package io.nqpf.advisor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.knowledge.Benchmark;
import io.nqpf.advisor.knowledge.CatalogLoader;
import io.nqpf.advisor.knowledge.CatalogProblem;
import io.nqpf.advisor.knowledge.DictionaryEntry;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.knowledge.ThresholdDef;
import io.nqpf.advisor.profile.ProfileIndicators;
import io.nqpf.advisor.support.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The data dictionary answers a planner's "where do I get each of these numbers?" for every field of the profile,
 * and docs/indicators.md is exactly what the data renders. After changing the YAML, rewrite the page with
 * {@code -Dindicators.update=true}.
 */
class IndicatorDictionaryTest {

    static final Path PAGE = Path.of("docs", "indicators.md");

    @Test
    void everyProfileIndicatorHasAnOfficialNameDefinitionSourceAndFormulaInBothLanguages() {
        Map<String, DictionaryEntry> dictionary = Rules.bundled().catalog().dictionary();
        List<String> missing = ProfileIndicators.all().keySet().stream().filter(p -> !dictionary.containsKey(p)).toList();
        assertEquals(List.of(), missing, "profile fields without a dictionary entry in rules/catalog/dictionary.yaml");
        for (Language lang : Language.values()) {
            for (IndicatorDictionary.Entry e : IndicatorDictionary.entries(Rules.bundled(), lang)) {
                for (String text : new String[] {e.label(), e.officialName(), e.definition(), e.source(), e.formula()}) {
                    assertNotNull(text, e.indicator());
                    assertFalse(text.isBlank(), e.indicator());
                }
                assertFalse(e.label().equals(e.indicator()), e.indicator() + " has no label in indicators.yaml");
            }
        }
    }

    @Test
    void theCommittedPageIsWhatTheDataRenders() throws Exception {
        String rendered = IndicatorDictionary.markdown(Rules.bundled());
        if (Boolean.getBoolean("indicators.update")) {
            Files.writeString(PAGE, rendered);
        }
        assertEquals(Files.readString(PAGE), rendered, "docs/indicators.md differs from the data; if the change is "
                + "intended run -Dtest=IndicatorDictionaryTest -Dindicators.update=true and commit the page");
    }

    @Test
    void definitionsThatDifferFromOfficialStatisticsAreStated() {
        Map<String, IndicatorDictionary.Entry> en = IndicatorDictionary.entries(Rules.bundled(), Language.EN).stream()
                .collect(Collectors.toMap(IndicatorDictionary.Entry::indicator, e -> e));
        assertTrue(en.get("talent.agedSharePct").note().contains("60+"), "65+ vs 60+");
        assertTrue(en.get("publicServices.elderlyCareBedsPer1000Aged").formula().contains("60+"), "beds per 60+");
        assertTrue(en.get("economy.unemploymentRatePct").note().contains("registered"), "surveyed vs registered");
        assertTrue(en.get("fiscal.govDebtRatioPct").note().contains("total fiscal capacity"), "debt-ratio denominator");
        IndicatorDictionary.Entry size = IndicatorDictionary.entries(Rules.bundled(), Language.ZH_CN).stream()
                .filter(e -> e.indicator().equals("sizeClass")).findFirst().orElseThrow();
        assertTrue(size.source().contains("国发〔2014〕51号") && size.note().contains("城区常住人口"), size.note());
    }

    @Test
    void benchmarkSeriesAndTheRulesUsingAnIndicatorComeFromTheRuleset() {
        Ruleset ruleset = Rules.bundled();
        IndicatorDictionary.Entry rd = IndicatorDictionary.entries(ruleset, Language.EN).stream()
                .filter(e -> e.indicator().equals("innovation.rdIntensityPct")).findFirst().orElseThrow();
        Benchmark series = ruleset.catalog().benchmarks().get("RD_INTENSITY");
        IndicatorDictionary.BenchmarkUse use = rd.benchmarks().stream().filter(b -> b.series().equals("RD_INTENSITY"))
                .findFirst().orElseThrow();
        assertEquals(series.values().size(), use.values().size());
        assertTrue(use.values().containsAll(series.values()));
        List<String> onRd = ruleset.catalog().thresholds().values().stream()
                .filter(t -> "RD_INTENSITY".equals(t.benchmark())).map(ThresholdDef::id).sorted().toList();
        assertEquals(onRd, use.thresholds().stream().map(IndicatorDictionary.ThresholdUse::threshold).toList());
        assertTrue(rd.usedBy().contains("STAGE"), "the stage rules read R&D intensity: " + rd.usedBy());
        assertTrue(rd.usedBy().stream().anyMatch(id -> id.startsWith("B-")), rd.usedBy().toString());
        IndicatorDictionary.Entry pension = IndicatorDictionary.entries(ruleset, Language.EN).stream()
                .filter(e -> e.indicator().equals("urbanRural.pensionIntegrated")).findFirst().orElseThrow();
        assertEquals(List.of(), pension.usedBy(), "deprecated field used by no rule");
    }

    @Test
    void aDictionaryMistakeIsReportedAtItsEntry() {
        String yaml = """
                dictionary:
                  - path: "talent.agedSharePct"
                    officialName: "65岁及以上人口占比"
                    definition: {zh-CN: "定义", en: "definition"}
                    source: {zh-CN: "来源", en: "source"}
                    formula: {zh-CN: "公式"}
                  - path: "talent.agedShare"
                    officialName: "x"
                    definition: {zh-CN: "定义", en: "definition"}
                    source: {zh-CN: "来源", en: "source"}
                    formula: {zh-CN: "公式", en: "formula"}
                  - path: "talent.urbanizationRatePct"
                    officialName: "常住人口城镇化率"
                    definition: {zh-CN: "定义", en: "definition"}
                    source: {zh-CN: "来源", en: "source"}
                    formula: {zh-CN: "公式", en: "formula"}
                    unit: "%"
                """;
        List<CatalogProblem> problems = CatalogLoader.load(Map.of("catalog/dictionary.yaml", yaml)).problems();
        assertEquals(List.of(
                new CatalogProblem("catalog/dictionary.yaml", 2, 11, "talent.agedSharePct: formula needs both zh-CN and en"),
                new CatalogProblem("catalog/dictionary.yaml", 7, 11,
                        "dictionary entry talent.agedShare is not a field of the region profile")),
                problems.subList(0, 2));
        assertEquals(3, problems.size());
        assertEquals(17, problems.get(2).line());
        assertTrue(problems.get(2).message().startsWith("unknown key 'unit'"), problems.get(2).message());
    }
}
