package io.nqpf.advisor.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import io.nqpf.advisor.profile.ProfileIndicators;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the catalog ({@code catalog/*.yaml}) and thresholds ({@code thresholds.yaml}) of a rules directory and
 * checks them: every text in both languages, ids unique and well-formed, every threshold on a real indicator
 * with a comparison that suits its type, and a reference saying where the figure comes from.
 */
public final class CatalogLoader {

    private static final Pattern BOTTLENECK_ID = Pattern.compile("B-[A-Z0-9]+(-[A-Z0-9]+)*");
    private static final Pattern COUNTERMEASURE_ID = Pattern.compile("C-[A-Z0-9]+(-[A-Z0-9]+)*");
    private static final Pattern THRESHOLD_ID = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern CITY_STAGE_ID = Pattern.compile("[A-Z][A-Z_]*");

    /** The sections of one catalog YAML file, each optional; their entries are bound one by one. */
    record CatalogFile(List<JsonNode> bottlenecks, List<JsonNode> countermeasures, List<JsonNode> indicators,
            Map<String, JsonNode> factors, List<JsonNode> thresholds, List<JsonNode> benchmarks,
            List<JsonNode> cityStages, List<JsonNode> dictionary, List<JsonNode> sequences) {
    }

    /**
     * A loaded catalog, or the problems that prevent it.
     *
     * @param brokenIds ids named by entries that did not load: rules that use them are not in error themselves
     * @param allRead   false when some file or section could not be read at all, so that any id may be defined there
     */
    public record Result(Catalog catalog, List<CatalogProblem> problems, Set<String> brokenIds, boolean allRead) {

        /** Whether an id that is not in the catalog would be there if the files' own problems were fixed. */
        public boolean mayDefine(String id) {
            return !allRead || brokenIds.contains(id);
        }
    }

    private final List<CatalogProblem> problems = new ArrayList<>();
    private final Map<String, BottleneckEntry> bottlenecks = new LinkedHashMap<>();
    private final Map<String, CountermeasureEntry> countermeasures = new LinkedHashMap<>();
    private final Map<String, IndicatorEntry> indicators = new LinkedHashMap<>();
    private final Map<String, I18n> factors = new LinkedHashMap<>();
    private final Map<String, ThresholdDef> thresholds = new LinkedHashMap<>();
    private final Set<String> brokenIds = new LinkedHashSet<>();
    private boolean allRead = true;
    /** The file being read and where the entry being checked stands, to say on which line a problem stands. */
    private YamlDocument document;
    private YamlDocument.Position entryAt = new YamlDocument.Position(0, 0);
    private final Map<String, Benchmark> benchmarks = new LinkedHashMap<>();
    private final Map<String, CityStageEntry> cityStages = new LinkedHashMap<>();
    private final Map<String, DictionaryEntry> dictionary = new LinkedHashMap<>();
    private final Map<String, SequenceEntry> sequences = new LinkedHashMap<>();
    /** Where each sequence stands, to check its ids once every file is read. */
    private final Map<String, Map.Entry<String, YamlDocument.Position>> sequencesAt = new LinkedHashMap<>();
    /** Thresholds that name a benchmark, with their file and place, checked once every file is read. */
    private final Map<ThresholdDef, Map.Entry<String, YamlDocument.Position>> benchmarked = new LinkedHashMap<>();

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
        loader.checkBenchmarkNames();
        loader.checkSequences();
        // In the order of the files: Map.copyOf and Set.copyOf iterate in an order that changes with every JVM, and
        // the thresholds' order is the order evidence is inserted in, which rules and texts follow.
        Catalog catalog = new Catalog(ordered(loader.bottlenecks), ordered(loader.countermeasures),
                ordered(loader.indicators), ordered(loader.factors), ordered(loader.thresholds),
                ordered(loader.benchmarks), ordered(loader.cityStages), ordered(loader.dictionary),
                List.copyOf(loader.sequences.values()));
        return new Result(catalog, List.copyOf(loader.problems),
                Collections.unmodifiableSet(new LinkedHashSet<>(loader.brokenIds)), loader.allRead);
    }

    /** An unmodifiable copy that keeps the insertion order. */
    private static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private void read(String file, String content) {
        CatalogFile parsed;
        try {
            document = YamlDocument.parse(content);
            parsed = document.root().isMissingNode() ? null : document.bind("", CatalogFile.class);
        } catch (YamlDocument.Invalid e) {
            problems.add(new CatalogProblem(file, e.line(), e.column(), e.getMessage()));
            allRead = false;
            return;
        }
        if (parsed == null) {
            return;
        }
        for (int i = 0; i < size(parsed.bottlenecks()); i++) {
            BottleneckEntry b = entry(file, "bottlenecks", i, "id", BottleneckEntry.class);
            if (b != null && check(file, b.id(), BOTTLENECK_ID, "bottleneck")
                    && unique(file, b.id(), bottlenecks.containsKey(b.id()))) {
                texts(file, b.id(), Map.of("title", b.title(), "description", b.description()));
                citations(file, b.id(), b.sources());
                bottlenecks.put(b.id(), b);
            }
        }
        for (int i = 0; i < size(parsed.countermeasures()); i++) {
            CountermeasureEntry c = entry(file, "countermeasures", i, "id", CountermeasureEntry.class);
            if (c != null && check(file, c.id(), COUNTERMEASURE_ID, "countermeasure")
                    && unique(file, c.id(), countermeasures.containsKey(c.id()))) {
                texts(file, c.id(), Map.of("title", c.title(), "summary", c.summary(), "description", c.description()));
                if (c.actions() == null || !c.actions().complete()) {
                    problem(file, c.id() + ": actions must list the same number of items in zh-CN and en");
                }
                citations(file, c.id(), c.sources());
                countermeasures.put(c.id(), c);
            }
        }
        for (int i = 0; i < size(parsed.indicators()); i++) {
            IndicatorEntry ind = entry(file, "indicators", i, "path", IndicatorEntry.class);
            if (ind == null) {
                continue;
            }
            if (!ProfileIndicators.exists(ind.path())) {
                problem(file, "indicator " + ind.path() + " is not a field of the region profile");
            } else if (unique(file, ind.path(), indicators.containsKey(ind.path()))) {
                texts(file, ind.path(), Map.of("label", ind.label()));
                indicators.put(ind.path(), ind);
            }
        }
        for (int i = 0; i < size(parsed.dictionary()); i++) {
            DictionaryEntry d = entry(file, "dictionary", i, "path", DictionaryEntry.class);
            if (d != null && dictionaryEntry(file, d) && unique(file, d.path(), dictionary.containsKey(d.path()))) {
                dictionary.put(d.path(), d);
            }
        }
        if (parsed.factors() != null) {
            for (String key : parsed.factors().keySet()) {
                String pointer = YamlDocument.child("/factors", key);
                entryAt = document.at(pointer);
                I18n text = bound(file, pointer, key, I18n.class);
                if (text != null && unique(file, key, factors.containsKey(key))) {
                    texts(file, key, Map.of("text", text));
                    factors.put(key, text);
                }
            }
        }
        for (int i = 0; i < size(parsed.cityStages()); i++) {
            CityStageEntry c = entry(file, "cityStages", i, "id", CityStageEntry.class);
            if (c != null && check(file, c.id(), CITY_STAGE_ID, "city stage")
                    && unique(file, c.id(), cityStages.containsKey(c.id()))) {
                texts(file, c.id(), Map.of("title", c.title(), "description", c.description()));
                citations(file, c.id(), c.sources());
                cityStages.put(c.id(), c);
            }
        }
        for (int i = 0; i < size(parsed.benchmarks()); i++) {
            Benchmark b = entry(file, "benchmarks", i, "id", Benchmark.class);
            if (b != null && unique(file, b.id(), benchmarks.containsKey(b.id())) && benchmark(file, b)) {
                benchmarks.put(b.id(), b);
            }
        }
        for (int i = 0; i < size(parsed.sequences()); i++) {
            SequenceEntry q = entry(file, "sequences", i, "id", SequenceEntry.class);
            if (q != null && unique(file, q.id(), sequences.containsKey(q.id()))) {
                sequences.put(q.id(), q);
                sequencesAt.put(q.id(), Map.entry(file, entryAt));
            }
        }
        for (int i = 0; i < size(parsed.thresholds()); i++) {
            ThresholdDef.Authored authored = entry(file, "thresholds", i, "id", ThresholdDef.Authored.class);
            ThresholdDef t = authored == null ? null : authored.definition();
            if (t != null && check(file, t.id(), THRESHOLD_ID, "threshold")
                    && unique(file, t.id(), thresholds.containsKey(t.id()))) {
                if (threshold(file, t)) {
                    thresholds.put(t.id(), t);
                } else {
                    broken(t.id());
                }
            }
        }
    }

    /** Entry {@code index} of a section, located at its id (or its start when it has none); null when it is broken. */
    private <T> T entry(String file, String section, int index, String idKey, Class<T> type) {
        String pointer = YamlDocument.child(YamlDocument.child("", section), index);
        String idPointer = YamlDocument.child(pointer, idKey);
        JsonNode id = document.root().at(idPointer);
        entryAt = document.at(id.isMissingNode() ? pointer : idPointer);
        // an entry without its id might be the one any rule names
        allRead &= id.isTextual();
        return bound(file, pointer, id.asText(null), type);
    }

    private <T> T bound(String file, String pointer, String id, Class<T> type) {
        try {
            return document.bind(pointer, type);
        } catch (YamlDocument.Invalid e) {
            problems.add(new CatalogProblem(file, e.line(), e.column(), e.getMessage()));
            broken(id);
            return null;
        }
    }

    private void broken(String id) {
        if (id != null) {
            brokenIds.add(id);
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
            benchmarked.put(t, Map.entry(file, entryAt));
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

    /** A dictionary entry names a profile field and says, in both languages, what it is, where and how to get it. */
    private boolean dictionaryEntry(String file, DictionaryEntry d) {
        if (d.path() == null || !ProfileIndicators.exists(d.path())) {
            return problem(file, "dictionary entry " + d.path() + " is not a field of the region profile");
        }
        if (d.officialName() == null || d.officialName().isBlank()) {
            return problem(file, d.path() + ": officialName (the statistic's official Chinese name) is missing");
        }
        Map<String, I18n> texts = new LinkedHashMap<>();
        texts.put("definition", d.definition());
        texts.put("source", d.source());
        texts.put("formula", d.formula());
        if (d.note() != null) {
            texts.put("note", d.note());
        }
        int before = problems.size();
        texts(file, d.path(), texts);
        return problems.size() == before;
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
            if (p.url() != null && !OfficialSource.allows(p.url())) {
                return problem(file, b.id() + ": the value of " + p.year() + " gives the address " + p.url()
                        + ", which is not the issuing body's own site: give an address under gov.cn (stats.gov.cn, "
                        + "most.gov.cn, nhc.gov.cn, miit.gov.cn, cnipa.gov.cn, cac.gov.cn, mof.gov.cn …) or seed:<file>, "
                        + "or cite the publication by issuer, title and date (published) without an address");
            }
            if (p.url() == null && (p.published() == null || p.published().isBlank())) {
                return problem(file, b.id() + ": the value of " + p.year()
                        + " has no address, so it needs published (when its publication appeared)");
            }
            if (p.note() != null && OfficialSource.ADDRESS.matcher(p.note()).find()) {
                return problem(file, b.id() + ": the note of " + p.year() + " carries a web address: addresses go in "
                        + "url, and only the issuing body's own");
            }
        }
        return true;
    }

    /** After every file: each benchmark a threshold names exists; a threshold naming none is dropped. */
    private void checkBenchmarkNames() {
        benchmarked.forEach((t, where) -> {
            if (!benchmarks.containsKey(t.benchmark())) {
                entryAt = where.getValue();
                problem(where.getKey(), t.id() + ": unknown benchmark '" + t.benchmark() + "': not in benchmarks.yaml");
                thresholds.remove(t.id());
                broken(t.id());
            }
        });
    }

    /** After every file: a sequence names bottlenecks, countermeasures and factor texts that exist. */
    private void checkSequences() {
        sequences.values().removeIf(q -> {
            var where = sequencesAt.get(q.id());
            entryAt = where.getValue();
            // an id of an entry that did not load is not reported again here, as the DRL checks do
            List<String> unknown = new ArrayList<>();
            q.whenAny().stream().filter(id -> !bottlenecks.containsKey(id)).forEach(unknown::add);
            java.util.stream.Stream.concat(q.first().stream(), q.then().stream())
                    .filter(id -> !countermeasures.containsKey(id)).forEach(unknown::add);
            java.util.stream.Stream.of(q.text(), q.reason()).filter(k -> k == null || !factors.containsKey(k))
                    .forEach(k -> unknown.add(String.valueOf(k)));
            if (!allRead || unknown.stream().anyMatch(brokenIds::contains)) {
                return !unknown.isEmpty();
            }
            if (q.whenAny().isEmpty() || q.first().isEmpty() || q.then().isEmpty()) {
                return !problem(where.getKey(), q.id() + ": a sequence needs whenAny, first and then");
            }
            return !unknown.isEmpty() && !problem(where.getKey(), q.id() + ": unknown ids or factor keys " + unknown);
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
            broken(id);
            return problem(file, kind + " id '" + id + "' must match " + pattern.pattern());
        }
        return true;
    }

    private boolean unique(String file, String id, boolean seen) {
        return !seen || problem(file, id + " is defined twice");
    }

    private boolean problem(String file, String message) {
        problems.add(new CatalogProblem(file, entryAt.line(), entryAt.column(), message));
        return false;
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
