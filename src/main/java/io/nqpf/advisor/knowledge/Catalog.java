package io.nqpf.advisor.knowledge;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Everything a ruleset knows besides its DRL: the texts and citations of every bottleneck and countermeasure,
 * indicator labels, factor labels, and the thresholds that turn indicator values into evidence.
 */
public record Catalog(Map<String, BottleneckEntry> bottlenecks, Map<String, CountermeasureEntry> countermeasures,
        Map<String, IndicatorEntry> indicators, Map<String, I18n> factors, Map<String, ThresholdDef> thresholds,
        Map<String, Benchmark> benchmarks, Map<String, CityStageEntry> cityStages,
        Map<Integer, List<ThresholdDef>> thresholdsByYear, Map<String, DictionaryEntry> dictionary,
        List<SequenceEntry> sequences) {

    /** The years a profile may describe (RegionProfile.year): their thresholds are resolved once, with the catalog. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    public Catalog(Map<String, BottleneckEntry> bottlenecks, Map<String, CountermeasureEntry> countermeasures,
            Map<String, IndicatorEntry> indicators, Map<String, I18n> factors, Map<String, ThresholdDef> thresholds,
            Map<String, Benchmark> benchmarks, Map<String, CityStageEntry> cityStages,
            Map<String, DictionaryEntry> dictionary, List<SequenceEntry> sequences) {
        this(bottlenecks, countermeasures, indicators, factors, thresholds, benchmarks, cityStages,
                IntStream.rangeClosed(FIRST_YEAR, LAST_YEAR).boxed().collect(Collectors.toUnmodifiableMap(
                        year -> year, year -> resolve(thresholds, benchmarks, year))), dictionary, sequences);
    }

    /**
     * The thresholds as they apply to values of that year: benchmarks take that year's national figure or the nearest
     * earlier one; a threshold whose series has no figure that early is left out.
     */
    public List<ThresholdDef> thresholdsFor(int year) {
        List<ThresholdDef> resolved = thresholdsByYear.get(year);
        return resolved != null ? resolved : resolve(thresholds, benchmarks, year);
    }

    private static List<ThresholdDef> resolve(Map<String, ThresholdDef> thresholds, Map<String, Benchmark> benchmarks,
            int year) {
        return thresholds.values().stream()
                .map(t -> t.forYear(year, t.benchmark() == null ? null : benchmarks.get(t.benchmark())))
                .filter(java.util.Objects::nonNull).toList();
    }

    /** The label of an indicator in a language, falling back to its JSON path. */
    public String indicatorLabel(String path, Language language) {
        IndicatorEntry entry = indicators.get(path);
        return entry == null || entry.label() == null ? path : entry.label().in(language);
    }

    public String indicatorUnit(String path, Language language) {
        IndicatorEntry entry = indicators.get(path);
        return entry == null || entry.unit() == null ? "" : entry.unit().in(language);
    }

    /** The label of a score factor or reason key, falling back to the key itself. */
    public String factor(String key, Language language) {
        I18n text = factors.get(key);
        return text == null ? key : text.in(language);
    }
}
