package io.nqpf.advisor.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.nqpf.advisor.profile.ProfileIndicators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the catalog ({@code catalog/*.yaml}) and thresholds ({@code thresholds.yaml}) of a rules directory and
 * checks them: every text in both languages, ids unique and well-formed, every threshold on a real indicator
 * with a comparison that suits its type, and a reference saying where the figure comes from.
 */
public final class CatalogLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final Pattern BOTTLENECK_ID = Pattern.compile("B-[A-Z0-9]+(-[A-Z0-9]+)*");
    private static final Pattern COUNTERMEASURE_ID = Pattern.compile("C-[A-Z0-9]+(-[A-Z0-9]+)*");
    private static final Pattern THRESHOLD_ID = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** The shape of one catalog YAML file; every section is optional. */
    record CatalogFile(List<BottleneckEntry> bottlenecks, List<CountermeasureEntry> countermeasures,
            List<IndicatorEntry> indicators, Map<String, I18n> factors, List<ThresholdDef> thresholds,
            List<Benchmark> benchmarks) {
    }

    /** A loaded catalog, or the problems that prevent it. */
    public record Result(Catalog catalog, List<CatalogProblem> problems) {
    }

    private final List<CatalogProblem> problems = new ArrayList<>();
    private final Map<String, BottleneckEntry> bottlenecks = new LinkedHashMap<>();
    private final Map<String, CountermeasureEntry> countermeasures = new LinkedHashMap<>();
    private final Map<String, IndicatorEntry> indicators = new LinkedHashMap<>();
    private final Map<String, I18n> factors = new LinkedHashMap<>();
    private final Map<String, ThresholdDef> thresholds = new LinkedHashMap<>();
    private final Map<String, Benchmark> benchmarks = new LinkedHashMap<>();
    /** Thresholds that name a benchmark, with their file, checked once every file is read. */
    private final Map<ThresholdDef, String> benchmarked = new LinkedHashMap<>();
    /** The file being read and the entry being checked, to say on which line a problem stands. */
    private String[] lines = new String[0];
    private String entry;

    private CatalogLoader() {
    }

    /** @param files relative path to content, for the YAML files of a rules directory */
    public static Result load(Map<String, String> files) {
        CatalogLoader loader = new CatalogLoader();
        files.forEach((file, content) -> {
            if (!file.equals(CitationCheck.SOURCES)) {
                loader.read(file, content);
            }
        });
        loader.checkBenchmarkNames(files);
        Catalog catalog = new Catalog(Map.copyOf(loader.bottlenecks), Map.copyOf(loader.countermeasures),
                Map.copyOf(loader.indicators), Map.copyOf(loader.factors), Map.copyOf(loader.thresholds),
                Map.copyOf(loader.benchmarks));
        return new Result(catalog, List.copyOf(loader.problems));
    }

    private void read(String file, String content) {
        lines = content.split("\n", -1);
        entry = null;
        CatalogFile parsed;
        try {
            parsed = YAML.readValue(content, CatalogFile.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(new CatalogProblem(file, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    e.getOriginalMessage()));
            return;
        }
        if (parsed == null) {
            return;
        }
        for (BottleneckEntry b : nonNull(parsed.bottlenecks())) {
            entry = b.id();
            if (check(file, b.id(), BOTTLENECK_ID, "bottleneck") && unique(file, b.id(), bottlenecks.containsKey(b.id()))) {
                texts(file, b.id(), Map.of("title", b.title(), "description", b.description()));
                citations(file, b.id(), b.sources());
                bottlenecks.put(b.id(), b);
            }
        }
        for (CountermeasureEntry c : nonNull(parsed.countermeasures())) {
            entry = c.id();
            if (check(file, c.id(), COUNTERMEASURE_ID, "countermeasure")
                    && unique(file, c.id(), countermeasures.containsKey(c.id()))) {
                texts(file, c.id(), Map.of("title", c.title(), "summary", c.summary(), "description", c.description()));
                if (c.actions() == null || !c.actions().complete()) {
                    problem(file, c.id() + ": actions must list the same number of items in zh-CN and en");
                }
                citations(file, c.id(), c.sources());
                countermeasures.put(c.id(), c);
            }
        }
        for (IndicatorEntry i : nonNull(parsed.indicators())) {
            entry = i.path();
            if (!ProfileIndicators.exists(i.path())) {
                problem(file, "indicator " + i.path() + " is not a field of the region profile");
            } else if (unique(file, i.path(), indicators.containsKey(i.path()))) {
                texts(file, i.path(), Map.of("label", i.label()));
                indicators.put(i.path(), i);
            }
        }
        if (parsed.factors() != null) {
            parsed.factors().forEach((key, text) -> {
                entry = key;
                if (unique(file, key, factors.containsKey(key))) {
                    texts(file, key, Map.of("text", text));
                    factors.put(key, text);
                }
            });
        }
        for (Benchmark b : nonNull(parsed.benchmarks())) {
            entry = b.id();
            if (unique(file, b.id(), benchmarks.containsKey(b.id())) && benchmark(file, b)) {
                benchmarks.put(b.id(), b);
            }
        }
        for (ThresholdDef t : nonNull(parsed.thresholds())) {
            entry = t.id();
            if (check(file, t.id(), THRESHOLD_ID, "threshold") && unique(file, t.id(), thresholds.containsKey(t.id()))
                    && threshold(file, t)) {
                thresholds.put(t.id(), t);
            }
        }
    }

    private boolean threshold(String file, ThresholdDef t) {
        var indicator = ProfileIndicators.all().get(t.indicator());
        if (indicator == null) {
            return problem(file, t.id() + ": indicator " + t.indicator() + " is not a field of the region profile");
        }
        if (t.benchmark() != null) {
            if (t.comparison() == null || !t.comparison().numeric()) {
                return problem(file, t.id() + ": a threshold on a benchmark needs a numeric comparison (<, >, <=, >=)");
            }
            if (t.threshold() != null && !t.threshold().isNull()) {
                return problem(file, t.id() + ": give either threshold or benchmark (with factor), not both");
            }
            benchmarked.put(t, file);
        } else if (t.comparison() == null || t.threshold() == null || t.threshold().isNull()) {
            return problem(file, t.id() + ": needs comparison and threshold (or a benchmark)");
        }
        if (t.benchmark() == null && (t.comparison().numeric() != indicator.numeric()
                || (t.comparison().numeric() && !t.threshold().isNumber()))) {
            return problem(file, t.id() + ": comparison " + t.comparison().symbol() + " " + t.threshold()
                    + " does not suit indicator " + t.indicator() + " of type " + indicator.type().getSimpleName());
        }
        if (t.reference() == null || !t.reference().complete()) {
            return problem(file, t.id() + ": reference (where the threshold comes from) needs zh-CN and en");
        }
        if (t.weight() != null && (t.weight() < 0 || t.weight() > 1)) {
            return problem(file, t.id() + ": weight must lie in 0..1");
        }
        return true;
    }

    private boolean benchmark(String file, Benchmark b) {
        if (b.label() == null || !b.label().complete()) {
            return problem(file, b.id() + ": label needs zh-CN and en");
        }
        if (b.values() == null || b.values().isEmpty()) {
            return problem(file, b.id() + ": needs at least one value by year");
        }
        for (Benchmark.Point p : b.values()) {
            if (p.source() == null || p.source().isBlank()) {
                return problem(file, b.id() + ": the value of " + p.year() + " needs its source");
            }
        }
        return true;
    }

    /** After every file: each benchmark a threshold names exists. */
    private void checkBenchmarkNames(Map<String, String> files) {
        benchmarked.forEach((t, file) -> {
            if (!benchmarks.containsKey(t.benchmark())) {
                entry = t.id();
                lines = files.get(file).split("\n", -1);
                problem(file, t.id() + ": unknown benchmark '" + t.benchmark() + "': not in benchmarks.yaml");
                thresholds.remove(t.id());
            }
        });
    }

    private void citations(String file, String id, List<Citation> sources) {
        if (sources == null || sources.isEmpty()) {
            problem(file, id + ": needs at least one source citation");
            return;
        }
        for (Citation c : sources) {
            if (c.document() == null || c.section() == null || c.quote() == null || c.quote().isBlank()) {
                problem(file, id + ": a citation needs document, section and quote");
            }
        }
    }

    private void texts(String file, String id, Map<String, I18n> texts) {
        texts.forEach((field, text) -> {
            if (text == null || !text.complete()) {
                problem(file, id + ": " + field + " needs both zh-CN and en");
            }
        });
    }

    private boolean check(String file, String id, Pattern pattern, String kind) {
        if (id == null || !pattern.matcher(id).matches()) {
            return problem(file, kind + " id '" + id + "' must match " + pattern.pattern());
        }
        return true;
    }

    private boolean unique(String file, String id, boolean seen) {
        return !seen || problem(file, id + " is defined twice");
    }

    private boolean problem(String file, String message) {
        int line = 0;
        int column = 0;
        if (entry != null) {
            Pattern at = Pattern.compile("(?:^|[\\s\"'])(" + Pattern.quote(entry) + ")(?:[\"':\\s]|$)");
            for (int i = 0; i < lines.length && line == 0; i++) {
                Matcher m = at.matcher(lines[i]);
                if (m.find()) {
                    line = i + 1;
                    column = m.start(1) + 1;
                }
            }
        }
        problems.add(new CatalogProblem(file, line, column, message));
        return false;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
