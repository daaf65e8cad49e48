package io.nqpf.advisor.assessments;

import com.fasterxml.jackson.databind.JsonNode;
import io.nqpf.advisor.knowledge.BottleneckEntry;
import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.InvalidProfileException;
import io.nqpf.advisor.profile.ProfileIndicators;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.report.ComparisonReport;
import io.nqpf.advisor.service.RecommendationService;
import io.nqpf.advisor.service.RulesetService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The problem list (问题清单) of a region: every bottleneck of its saved assessments, each year counting its latest
 * saved assessment. Severities, levels and measures are those of the saved reports, as answered then. The state says
 * what became of each bottleneck in the latest year; why one that is gone is gone is the comparison's answer
 * ({@link ComparisonAssembler} through {@link RecommendationService#compare}): the last year it was found against the
 * latest year, with the active ruleset, so that a bottleneck only hidden by missing values is not observable rather
 * than resolved, and one cleared while none of its values changed was cleared by the benchmark's move.
 */
@ApplicationScoped
public class ProblemList {

    public static final String OPEN = "OPEN";
    public static final String PERSISTING = "PERSISTING";
    public static final String RESOLVED = "RESOLVED";
    public static final String BENCHMARK_SHIFT = "BENCHMARK_SHIFT";
    public static final String NOT_OBSERVABLE = "NOT_OBSERVABLE";

    private final AssessmentRepository repository;
    private final AssessmentService assessments;
    private final RecommendationService recommendations;
    private final RulesetService rulesets;

    public ProblemList(AssessmentRepository repository, AssessmentService assessments,
            RecommendationService recommendations, RulesetService rulesets) {
        this.repository = repository;
        this.assessments = assessments;
        this.recommendations = recommendations;
        this.rulesets = rulesets;
    }

    private static final class Track {
        final String id;
        String title;
        final Map<String, Double> severity = new LinkedHashMap<>();
        final Map<String, String> level = new LinkedHashMap<>();
        final Map<String, List<AssessmentViews.MeasureItem>> measures = new LinkedHashMap<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        final Map<Integer, JsonNode> evidence = new HashMap<>();

        Track(String id) {
            this.id = id;
        }
    }

    public AssessmentViews.RegionProblems of(String regionId, Language language) {
        List<AssessmentRepository.Row> rows = repository.latestPerYear(regionId);
        if (rows.isEmpty()) {
            throw new AssessmentNotFoundException.NoRegionAssessments(regionId);
        }
        Catalog catalog = rulesets.active().catalog();
        Map<String, Track> tracks = new LinkedHashMap<>();
        List<Integer> years = new ArrayList<>();
        Map<String, String> ids = new LinkedHashMap<>();
        Map<Integer, AssessmentRepository.Row> byYear = new HashMap<>();
        for (AssessmentRepository.Row row : rows) {
            years.add(row.year());
            ids.put(String.valueOf(row.year()), row.id());
            byYear.put(row.year(), row);
            JsonNode report = assessments.tree(row.report());
            String year = String.valueOf(row.year());
            for (JsonNode b : report.path("bottlenecks")) {
                Track t = tracks.computeIfAbsent(b.path("id").asText(), Track::new);
                t.title = b.path("title").asText(t.title);
                t.severity.put(year, b.path("severity").asDouble());
                t.level.put(year, b.path("level").asText(null));
                t.first = Math.min(t.first, row.year());
                t.last = Math.max(t.last, row.year());
                t.evidence.put(row.year(), b.path("evidence"));
                List<AssessmentViews.MeasureItem> measures = new ArrayList<>();
                for (JsonNode m : report.path("recommendations")) {
                    for (JsonNode addressed : m.path("addresses")) {
                        if (addressed.asText().equals(t.id)) {
                            measures.add(new AssessmentViews.MeasureItem(m.path("id").asText(),
                                    m.path("title").asText(null), m.path("rank").asInt(), m.path("score").asDouble()));
                        }
                    }
                }
                t.measures.put(year, measures);
            }
        }
        int latest = years.get(years.size() - 1);
        Integer previous = years.size() > 1 ? years.get(years.size() - 2) : null;
        Map<Integer, ComparisonReport> comparisons = new HashMap<>();
        List<AssessmentViews.ProblemItem> problems = new ArrayList<>();
        for (Track t : tracks.values()) {
            BottleneckEntry entry = catalog.bottlenecks().get(t.id);
            String title = entry == null ? t.title : entry.title().in(language);
            String state;
            List<AssessmentViews.ValueChange> resolvedBy = List.of();
            if (t.last == latest) {
                state = previous != null && t.severity.containsKey(String.valueOf(previous)) ? PERSISTING : OPEN;
            } else {
                AssessmentRepository.Row then = byYear.get(t.last);
                AssessmentRepository.Row now = byYear.get(latest);
                Outcome outcome = outcome(t, then, now, comparisons, catalog, language);
                state = outcome.state();
                resolvedBy = outcome.values();
            }
            problems.add(new AssessmentViews.ProblemItem(t.id, title, t.first, t.last, state, t.severity, t.level,
                    resolvedBy, t.measures));
        }
        problems.sort(java.util.Comparator.comparing((AssessmentViews.ProblemItem p) -> order(p.state()))
                .thenComparing(p -> -p.severityByYear().getOrDefault(String.valueOf(p.lastSeen()), 0.0))
                .thenComparing(AssessmentViews.ProblemItem::id));
        return new AssessmentViews.RegionProblems(regionId, byYear.get(latest).regionName(), years, ids, problems);
    }

    private record Outcome(String state, List<AssessmentViews.ValueChange> values) {
    }

    /** Why a bottleneck found the year {@code then} is not found the latest year {@code now}. */
    private Outcome outcome(Track t, AssessmentRepository.Row then, AssessmentRepository.Row now,
            Map<Integer, ComparisonReport> comparisons, Catalog catalog, Language language) {
        RegionProfile before;
        RegionProfile after;
        try {
            before = assessments.profile(then);
            after = assessments.profile(now);
        } catch (InvalidProfileException e) {
            // a profile saved under an older schema no longer reads: judge from the saved evidence alone
            return fromEvidence(t, then, now, catalog, language, null, null);
        }
        Map<String, Object> valuesBefore = ProfileIndicators.values(before);
        Map<String, Object> valuesAfter = ProfileIndicators.values(after);
        ComparisonReport cmp = comparisons.computeIfAbsent(then.year(),
                y -> recommendations.compare(before, after, language));
        for (ComparisonReport.BottleneckChange c : cmp.noLongerObservable()) {
            if (c.id().equals(t.id)) {
                return new Outcome(NOT_OBSERVABLE, changes(c.causedBy(), valuesBefore, valuesAfter, then, now, catalog,
                        language));
            }
        }
        // the comparison tells a bottleneck that cleared only because its national benchmark moved
        List<String> shifted = cmp.benchmarkShift().stream().filter(s -> s.id().equals(t.id))
                .map(ComparisonReport.BenchmarkShift::indicator).distinct().toList();
        if (!shifted.isEmpty()) {
            return new Outcome(BENCHMARK_SHIFT, changes(shifted, valuesBefore, valuesAfter, then, now, catalog, language));
        }
        for (ComparisonReport.BottleneckChange c : cmp.resolved()) {
            if (c.id().equals(t.id)) {
                if (!c.causedBy().isEmpty()) {
                    return new Outcome(RESOLVED, changes(c.causedBy(), valuesBefore, valuesAfter, then, now, catalog,
                            language));
                }
                // none of the values it rests on changed, yet it cleared, and no benchmark moved: as the evidence says
                return new Outcome(BENCHMARK_SHIFT, changes(indicators(t.evidence.get(then.year())), valuesBefore,
                        valuesAfter, then, now, catalog, language));
            }
        }
        // the active ruleset does not find it in the earlier profile (the rules changed since): the saved evidence
        return fromEvidence(t, then, now, catalog, language, valuesBefore, valuesAfter);
    }

    private Outcome fromEvidence(Track t, AssessmentRepository.Row then, AssessmentRepository.Row now, Catalog catalog,
            Language language, Map<String, Object> valuesBefore, Map<String, Object> valuesAfter) {
        Map<String, Object> before = valuesBefore != null ? valuesBefore : values(assessments.tree(then.profile()));
        Map<String, Object> after = valuesAfter != null ? valuesAfter : values(assessments.tree(now.profile()));
        List<String> evidence = indicators(t.evidence.get(then.year()));
        List<String> missing = evidence.stream().filter(p -> after.get(p) == null).toList();
        if (!missing.isEmpty()) {
            return new Outcome(NOT_OBSERVABLE, changes(missing, before, after, then, now, catalog, language));
        }
        List<String> changed = evidence.stream().filter(p -> !same(before.get(p), after.get(p))).toList();
        return changed.isEmpty()
                ? new Outcome(BENCHMARK_SHIFT, changes(evidence, before, after, then, now, catalog, language))
                : new Outcome(RESOLVED, changes(changed, before, after, then, now, catalog, language));
    }

    private static List<String> indicators(JsonNode evidence) {
        Set<String> out = new LinkedHashSet<>();
        if (evidence != null) {
            evidence.forEach(e -> out.add(e.path("indicator").asText()));
        }
        out.remove("");
        return List.copyOf(out);
    }

    private static List<AssessmentViews.ValueChange> changes(List<String> paths, Map<String, Object> before,
            Map<String, Object> after, AssessmentRepository.Row then, AssessmentRepository.Row now, Catalog catalog,
            Language language) {
        return paths.stream().map(p -> new AssessmentViews.ValueChange(p, label(catalog, p, language), before.get(p),
                after.get(p), then.year(), now.year())).toList();
    }

    private static String label(Catalog catalog, String path, Language language) {
        try {
            return catalog.indicatorLabel(path, language);
        } catch (RuntimeException e) {
            return path;
        }
    }

    /** Indicator values of a stored profile tree by JSON path (for a profile that no longer reads). */
    private static Map<String, Object> values(JsonNode profile) {
        Map<String, Object> out = new TreeMap<>();
        profile.fields().forEachRemaining(group -> group.getValue().fields().forEachRemaining(f -> {
            JsonNode v = f.getValue();
            if (!v.isNull() && !v.isContainerNode() && ProfileIndicators.exists(group.getKey() + "." + f.getKey())) {
                out.put(group.getKey() + "." + f.getKey(), v.isNumber() ? v.numberValue() : v.isBoolean()
                        ? v.booleanValue() : v.asText());
            }
        }));
        return out;
    }

    private static boolean same(Object x, Object y) {
        if (x instanceof Number a && y instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        return Objects.equals(x, y);
    }

    private static int order(String state) {
        return switch (state) {
            case PERSISTING -> 0;
            case OPEN -> 1;
            case NOT_OBSERVABLE -> 2;
            case BENCHMARK_SHIFT -> 3;
            default -> 4;
        };
    }
}
