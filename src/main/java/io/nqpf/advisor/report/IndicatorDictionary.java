package io.nqpf.advisor.report;

import io.nqpf.advisor.engine.RuleInfo;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.knowledge.Benchmark;
import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.DictionaryEntry;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.knowledge.ThresholdDef;
import io.nqpf.advisor.profile.ProfileIndicators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The data dictionary of a ruleset in one language: for every indicator of the region profile, its label and unit
 * ({@code catalog/indicators.yaml}), what it is in official statistics ({@code catalog/dictionary.yaml}), the national
 * series its thresholds are set from ({@code benchmarks.yaml}) and the bottlenecks and stage rules that use it.
 */
public final class IndicatorDictionary {

    /** In {@code usedBy}: the smart-specialization stage rules. */
    public static final String STAGE = "STAGE";

    @Schema(name = "IndicatorDefinition", description = "One indicator of the region profile: what it is in official "
            + "statistics, where to find it and how to compute it")
    public record Entry(
            @Schema(description = "JSON path of the field in the region profile", example = "innovation.rdIntensityPct")
            String indicator,
            @Schema(description = "The label reports give it, in the answer's language") String label,
            @Schema(description = "The statistic's official Chinese name", example = "研究与试验发展（R&D）经费投入强度")
            String officialName,
            String definition,
            @Schema(description = "Where a planning office usually finds the figure: yearbook table, communiqué, "
                    + "census table") String source,
            @Schema(description = "Unit appended to values; absent for booleans and categories", nullable = true)
            String unit,
            String formula,
            @Schema(description = "Where the field's definition differs from the official statistic, or how to "
                    + "avoid a common mistake; absent when nothing needs saying", nullable = true) String note,
            @Schema(description = "The national series the thresholds on this indicator are set from, each value "
                    + "with its year and source; empty when its thresholds are fixed figures") List<BenchmarkUse> benchmarks,
            @Schema(description = "Ids of the bottlenecks whose diagnosis rules use the indicator, and STAGE when a "
                    + "smart-specialization stage rule uses it") List<String> usedBy) {
    }

    @Schema(name = "IndicatorBenchmark", description = "A national series (benchmarks.yaml) and how thresholds use it")
    public record BenchmarkUse(
            @Schema(example = "RD_INTENSITY") String series,
            String label,
            String unit,
            @Schema(description = "Revisions and definitions of the series (English)", nullable = true) String note,
            @Schema(description = "Thresholds set from the series: threshold = factor × national value of the "
                    + "value's year (or the nearest earlier year with a figure)") List<ThresholdUse> thresholds,
            @Schema(description = "The national figure by year, each with its publication") List<Benchmark.Point> values) {
    }

    @Schema(name = "IndicatorThresholdUse")
    public record ThresholdUse(@Schema(example = "RD_LOW") String threshold,
            @Schema(enumeration = {"<", ">", "<=", ">="}) String comparison,
            @Schema(example = "0.6") double factor) {
    }

    private IndicatorDictionary() {
    }

    /** Every indicator of the region profile, in the order of the profile's fields. */
    public static List<Entry> entries(Ruleset ruleset, Language lang) {
        Map<String, TreeSet<String>> usedBy = usedBy(ruleset);
        List<Entry> entries = new ArrayList<>();
        for (String path : ProfileIndicators.all().keySet()) {
            entries.add(entry(ruleset.catalog(), path, usedBy.getOrDefault(path, new TreeSet<>()), lang));
        }
        return entries;
    }

    private static Entry entry(Catalog catalog, String path, TreeSet<String> usedBy, Language lang) {
        DictionaryEntry d = catalog.dictionary().get(path);
        String unit = catalog.indicatorUnit(path, lang).trim();
        Map<String, List<ThresholdUse>> bySeries = new TreeMap<>();
        catalog.thresholds().values().stream()
                .filter(t -> t.indicator().equals(path) && t.benchmark() != null
                        && catalog.benchmarks().containsKey(t.benchmark()))
                .sorted(java.util.Comparator.comparing(ThresholdDef::id))
                .forEach(t -> bySeries.computeIfAbsent(t.benchmark(), k -> new ArrayList<>()).add(new ThresholdUse(
                        t.id(), t.comparison().symbol(), t.factor() == null ? 1.0 : t.factor())));
        List<BenchmarkUse> benchmarks = bySeries.entrySet().stream().map(e -> {
            Benchmark b = catalog.benchmarks().get(e.getKey());
            return new BenchmarkUse(b.id(), b.label().in(lang), b.unit(), b.note(), List.copyOf(e.getValue()),
                    b.values().stream().sorted(java.util.Comparator.comparingInt(Benchmark.Point::year)).toList());
        }).toList();
        return new Entry(path, catalog.indicatorLabel(path, lang), d == null ? null : d.officialName(),
                d == null ? null : d.definition().in(lang), d == null ? null : d.source().in(lang),
                unit.isEmpty() ? null : unit, d == null ? null : d.formula().in(lang),
                d == null || d.note() == null ? null : d.note().in(lang), benchmarks, List.copyOf(usedBy));
    }

    /**
     * The dictionary as a Markdown page in both languages ({@code docs/indicators.md}); IndicatorDictionaryTest keeps the
     * committed page equal to it.
     */
    public static String markdown(Ruleset ruleset) {
        List<Entry> zh = entries(ruleset, Language.ZH_CN);
        List<Entry> en = entries(ruleset, Language.EN);
        StringBuilder md = new StringBuilder();
        md.append("# Data dictionary of the region profile\n\n")
                .append("Generated from `rules/catalog/dictionary.yaml` (official name, definition, source, formula, note), ")
                .append("`rules/catalog/indicators.yaml` (label, unit), `rules/benchmarks.yaml` and `rules/thresholds.yaml` ")
                .append("(national series) and the rules (used by). Do not edit by hand: change the YAML and run\n\n")
                .append("```\nQUARKUS_HTTP_TEST_PORT=0 ./mvnw -B test -Dtest=IndicatorDictionaryTest -Dindicators.update=true\n```\n\n")
                .append("The service serves the same data at `GET /api/v1/indicators?lang=zh-CN|en`. `usedBy` lists the ")
                .append("bottlenecks whose diagnosis rules use the indicator, and `STAGE` for the smart-specialization ")
                .append("stage rules. Publications are named as where figures are published; the texts are ours.\n\n")
                .append("A profile may say which year each value describes and where it comes from, beside its groups: ")
                .append("`asOf` `{\"talent.agedSharePct\": 2020}` and `sources` `{\"talent\": \"第七次全国人口普查公报\"}`, ")
                .append("by the JSON path of a field or of a whole group. A value without a year is of the profile's ")
                .append("`year`. A threshold set from a national series takes the figure of the value's own year, or of ")
                .append("the nearest earlier year with one (none before the series' first figure), so that a 2020 census ")
                .append("value in a 2023 profile is judged by the 2020 figure.\n\n")
                .append("| Indicator | 名称 | Label | Used by |\n|---|---|---|---|\n");
        for (int i = 0; i < zh.size(); i++) {
            md.append("| [`").append(zh.get(i).indicator()).append("`](#").append(anchor(zh.get(i).indicator()))
                    .append(") | ").append(cell(zh.get(i).label())).append(" | ").append(cell(en.get(i).label()))
                    .append(" | ").append(String.join(", ", zh.get(i).usedBy())).append(" |\n");
        }
        for (int i = 0; i < zh.size(); i++) {
            Entry z = zh.get(i);
            Entry e = en.get(i);
            md.append("\n## ").append(z.indicator()).append("\n\n")
                    .append("| | 中文 (zh-CN) | English (en) |\n|---|---|---|\n")
                    .append(row("Label", z.label(), e.label()))
                    .append(row("Official name", z.officialName(), ""))
                    .append(row("Definition", z.definition(), e.definition()))
                    .append(row("Source", z.source(), e.source()))
                    .append(row("Unit", z.unit(), e.unit()))
                    .append(row("Formula", z.formula(), e.formula()));
            if (z.note() != null) {
                md.append(row("Note", z.note(), e.note()));
            }
            md.append(row("Used by", z.usedBy().isEmpty() ? "—" : String.join(", ", z.usedBy()), ""));
            for (int b = 0; b < z.benchmarks().size(); b++) {
                BenchmarkUse bz = z.benchmarks().get(b);
                BenchmarkUse be = e.benchmarks().get(b);
                md.append("\nNational series `").append(bz.series()).append("`: ").append(bz.label()).append(" / ")
                        .append(be.label()).append(". Thresholds: ");
                md.append(String.join("; ", bz.thresholds().stream().map(t -> "`" + t.threshold() + "` value "
                        + t.comparison() + " " + Benchmark.format(t.factor()) + " × national").toList())).append(".");
                if (bz.note() != null) {
                    md.append(" ").append(bz.note());
                }
                md.append("\n\n| Year | Value | Source | Published |\n|---|---|---|---|\n");
                for (Benchmark.Point p : bz.values()) {
                    md.append("| ").append(p.year()).append(" | ").append(Benchmark.format(p.value())).append(bz.unit())
                            .append(" | ").append(cell(p.url() != null && !p.url().startsWith("seed:")
                                    ? "[" + p.source() + "](" + p.url() + ")" : p.source()))
                            .append(" | ").append(p.published() == null ? "" : p.published()).append(" |\n");
                }
            }
        }
        return md.toString();
    }

    private static String row(String name, String zh, String en) {
        return "| " + name + " | " + cell(zh) + " | " + cell(en) + " |\n";
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    /** The anchor GitHub gives a heading of an indicator path. */
    private static String anchor(String path) {
        return path.toLowerCase(java.util.Locale.ROOT).replace(".", "");
    }

    /** Indicator to the bottlenecks (and STAGE) whose diagnosis or stage rules name a threshold on it. */
    static Map<String, TreeSet<String>> usedBy(Ruleset ruleset) {
        Catalog catalog = ruleset.catalog();
        Map<String, TreeSet<String>> usedBy = new LinkedHashMap<>();
        for (RuleInfo rule : ruleset.rules()) {
            if (!rule.diagnoses()) {
                continue;
            }
            List<String> targets = "STAGE".equals(rule.kind()) ? List.of(STAGE)
                    : rule.ids().stream().filter(catalog.bottlenecks()::containsKey).toList();
            rule.ids().stream().map(catalog.thresholds()::get).filter(java.util.Objects::nonNull)
                    .map(ThresholdDef::indicator)
                    .forEach(i -> usedBy.computeIfAbsent(i, k -> new TreeSet<>()).addAll(targets));
        }
        return usedBy;
    }
}
