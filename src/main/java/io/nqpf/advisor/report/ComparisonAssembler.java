package io.nqpf.advisor.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.engine.facts.Bottleneck;
import io.nqpf.advisor.knowledge.Benchmark;
import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.knowledge.ThresholdDef;
import io.nqpf.advisor.profile.ProfileIndicators;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.profile.ValueYears;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compares two reports of the same ruleset: what was resolved, what is new, what moved, and why. An indicator given
 * on one side only is an observation change, never a cause: the two profiles are also evaluated with the same
 * indicators given (each completed with the other's values of the indicators it lacks), so that only values that
 * really changed make a bottleneck resolved or new, or move its severity. A bottleneck that only the newly given
 * data show became observable; one that only missing data hide is no longer observable. One that cleared or appeared
 * while none of its values changed, because the national figure its threshold is set from moved (a 2020 census value
 * kept in a 2023 profile is judged by 2023's figure), is a benchmark shift: neither resolved nor new.
 */
public final class ComparisonAssembler {

    private ComparisonAssembler() {
    }

    public static ComparisonReport compare(RegionProfile beforeProfile, Report before, RegionProfile afterProfile,
            Report after, Ruleset ruleset, Language lang) {
        return compare(beforeProfile, before, null, afterProfile, after, null, ruleset, lang);
    }

    /**
     * The same, with the bottlenecks {@code ruleset} found for each profile when the caller has them at hand (null
     * when not): a side that gains no indicator from the other is its own completed profile, so its bottlenecks are
     * taken as they are instead of evaluating it again.
     */
    public static ComparisonReport compare(RegionProfile beforeProfile, Report before, Map<String, Bottleneck> beforeFound,
            RegionProfile afterProfile, Report after, Map<String, Bottleneck> afterFound, Ruleset ruleset,
            Language lang) {
        Catalog catalog = ruleset.catalog();
        Map<String, Object> valuesBefore = ProfileIndicators.values(beforeProfile);
        Map<String, Object> valuesAfter = ProfileIndicators.values(afterProfile);
        Set<String> changed = new LinkedHashSet<>();
        Set<String> gained = new LinkedHashSet<>();
        Set<String> lost = new LinkedHashSet<>();
        for (String path : ProfileIndicators.paths()) {
            Object x = valuesBefore.get(path);
            Object y = valuesAfter.get(path);
            if (x == null && y != null) {
                gained.add(path);
            } else if (x != null && y == null) {
                lost.add(path);
            } else if (!Objects.equals(number(x), number(y))) {
                changed.add(path);
            }
        }
        // both sides with the same indicators given: before completed with what after newly gives, after with what
        // it no longer gives
        Map<String, Bottleneck> sameBefore = gained.isEmpty() && beforeFound != null ? beforeFound
                : completed(beforeProfile, afterProfile, gained, ruleset);
        Map<String, Bottleneck> sameAfter = lost.isEmpty() && afterFound != null ? afterFound
                : completed(afterProfile, beforeProfile, lost, ruleset);

        Map<String, Report.BottleneckView> b = index(before.bottlenecks(), Report.BottleneckView::id);
        Map<String, Report.BottleneckView> a = index(after.bottlenecks(), Report.BottleneckView::id);
        Map<String, Set<String>> affects = new LinkedHashMap<>();

        List<ComparisonReport.BottleneckChange> resolved = new ArrayList<>();
        List<ComparisonReport.BottleneckChange> introduced = new ArrayList<>();
        List<ComparisonReport.BottleneckChange> persisting = new ArrayList<>();
        List<ComparisonReport.BottleneckChange> becameObservable = new ArrayList<>();
        List<ComparisonReport.BottleneckChange> noLongerObservable = new ArrayList<>();
        List<ComparisonReport.BenchmarkShift> shifts = new ArrayList<>();
        for (var e : b.values()) {
            Report.BottleneckView now = a.get(e.id());
            List<String> causes = causes(changed, e, now);
            if (now == null && sameAfter.containsKey(e.id())) {
                noLongerObservable.add(new ComparisonReport.BottleneckChange(e.id(), e.title(), e.severity(), null, null,
                        causes(lost, e, null)));
                continue;
            }
            if (now == null && causes.isEmpty()) {
                List<ComparisonReport.BenchmarkShift> moved = shifts(e, CLEARED, afterProfile, catalog);
                if (!moved.isEmpty()) {
                    shifts.addAll(moved);
                    continue;
                }
            }
            causes.forEach(c -> affects.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(e.id()));
            if (now == null) {
                resolved.add(new ComparisonReport.BottleneckChange(e.id(), e.title(), e.severity(), null, null, causes));
            } else {
                Bottleneck x = sameBefore.get(e.id());
                Bottleneck y = sameAfter.get(e.id());
                double delta = x != null && y != null ? round3(round3(y.getSeverity()) - round3(x.getSeverity()))
                        : round3(now.severity() - e.severity());
                persisting.add(new ComparisonReport.BottleneckChange(e.id(), e.title(), e.severity(), now.severity(),
                        delta, causes));
            }
        }
        for (var e : a.values()) {
            if (b.containsKey(e.id())) {
                continue;
            }
            if (sameBefore.containsKey(e.id())) {
                becameObservable.add(new ComparisonReport.BottleneckChange(e.id(), e.title(), null, e.severity(), null,
                        causes(gained, null, e)));
                continue;
            }
            List<String> causes = causes(changed, null, e);
            if (causes.isEmpty()) {
                List<ComparisonReport.BenchmarkShift> moved = shifts(e, APPEARED, beforeProfile, catalog);
                if (!moved.isEmpty()) {
                    shifts.addAll(moved);
                    continue;
                }
            }
            causes.forEach(c -> affects.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(e.id()));
            introduced.add(new ComparisonReport.BottleneckChange(e.id(), e.title(), null, e.severity(), null, causes));
        }

        Map<String, Report.RecommendationView> rb = index(before.recommendations(), Report.RecommendationView::id);
        Map<String, Report.RecommendationView> ra = index(after.recommendations(), Report.RecommendationView::id);
        List<ComparisonReport.RankMove> moves = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>(rb.keySet());
        ids.addAll(ra.keySet());
        for (String id : ids) {
            var x = rb.get(id);
            var y = ra.get(id);
            Integer rankBefore = x == null ? null : x.rank();
            Integer rankAfter = y == null ? null : y.rank();
            if (!Objects.equals(rankBefore, rankAfter)) {
                Integer move = rankBefore != null && rankAfter != null ? rankBefore - rankAfter : null;
                moves.add(new ComparisonReport.RankMove(id, catalog.countermeasures().get(id).title().in(lang), rankBefore,
                        rankAfter, x == null ? null : x.score(), y == null ? null : y.score(), move));
            }
        }

        List<ComparisonReport.IndicatorChange> indicators = changed.stream()
                .map(p -> new ComparisonReport.IndicatorChange(p, catalog.indicatorLabel(p, lang), valuesBefore.get(p),
                        valuesAfter.get(p), List.copyOf(affects.getOrDefault(p, Set.of()))))
                .toList();
        return new ComparisonReport(lang.tag(), before.ruleset(), before.region(), after.region(),
                new ComparisonReport.StageChange(before.smartSpecialization().stage(), after.smartSpecialization().stage()),
                resolved, introduced, persisting, moves, indicators,
                observations(gained, valuesAfter, after, catalog, lang),
                observations(lost, valuesBefore, before, catalog, lang), becameObservable, noLongerObservable, shifts,
                new ComparisonReport.StageChange(cityStage(before), cityStage(after)));
    }

    static final String CLEARED = "CLEARED";
    static final String APPEARED = "APPEARED";

    private static String cityStage(Report report) {
        var ss = report.smartSpecialization();
        return ss == null || ss.cityIndustryStage() == null ? null : ss.cityIndustryStage().stage();
    }

    /**
     * The evidence of a bottleneck found on one side whose threshold, set from a national figure, is another on the
     * other side (the other profile's year for that value, else its {@code asOf}): a bottleneck none of whose values
     * changed yet that cleared or appeared moved with its benchmark. Empty when no benchmark moved.
     *
     * @param other the profile of the side where the bottleneck is not found
     */
    private static List<ComparisonReport.BenchmarkShift> shifts(Report.BottleneckView found, String shift,
            RegionProfile other, Catalog catalog) {
        List<ComparisonReport.BenchmarkShift> out = new ArrayList<>();
        for (Report.EvidenceView e : found.evidence()) {
            if (e.benchmarkYear() == null || e.valueYear() == null) {
                continue;
            }
            ThresholdDef here = catalog.thresholdsFor(e.valueYear()).stream()
                    .filter(t -> t.indicator().equals(e.indicator()) && t.benchmark() != null
                            && t.comparison().symbol().equals(e.comparison())
                            && Objects.equals(number(t.thresholdValue()), number(e.threshold())))
                    .findFirst().orElse(null);
            if (here == null) {
                continue;
            }
            int otherYear = ValueYears.of(other, e.indicator());
            ThresholdDef there = catalog.thresholdsFor(otherYear).stream().filter(t -> t.id().equals(here.id()))
                    .findFirst().orElse(null);
            if (there == null || Objects.equals(there.benchmarkYear(), here.benchmarkYear())) {
                continue;
            }
            Benchmark series = catalog.benchmarks().get(here.benchmark());
            ComparisonReport.National then = national(series, here.benchmarkYear());
            ComparisonReport.National now = national(series, there.benchmarkYear());
            boolean cleared = CLEARED.equals(shift);
            out.add(new ComparisonReport.BenchmarkShift(found.id(), found.title(), shift, e.indicator(), e.value(),
                    e.valueYear(), cleared ? then : now, cleared ? now : then));
        }
        return out;
    }

    private static ComparisonReport.National national(Benchmark series, int year) {
        return new ComparisonReport.National(year,
                series == null ? null : series.atOrBefore(year).map(Benchmark.Point::value).orElse(null));
    }

    /** The indicators given on one side only, each with its value there and the bottlenecks there that rest on it. */
    private static List<ComparisonReport.ObservationChange> observations(Set<String> paths, Map<String, Object> values,
            Report side, Catalog catalog, Language lang) {
        return paths.stream().map(p -> new ComparisonReport.ObservationChange(p, catalog.indicatorLabel(p, lang),
                values.get(p), side.bottlenecks().stream()
                        .filter(v -> v.evidence().stream().anyMatch(e -> e.indicator().equals(p)))
                        .map(Report.BottleneckView::id).toList()))
                .toList();
    }

    /**
     * The bottlenecks of {@code profile} completed with the {@code other} profile's values of {@code paths}.
     * Completed profiles are only evaluated, never shown, so they are not validated (completing one industry share
     * may break the sum of the three); only their bottlenecks are read, which the engine gives without a session when
     * it can (Evaluator.bottlenecks).
     */
    private static Map<String, Bottleneck> completed(RegionProfile profile, RegionProfile other, Set<String> paths,
            Ruleset ruleset) {
        ObjectNode tree = ProfileReader.mapper().valueToTree(profile);
        JsonNode from = ProfileReader.mapper().valueToTree(other);
        for (String path : paths) {
            String[] parts = path.split("\\.");
            ObjectNode parent = tree;
            JsonNode source = from;
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode child = parent.get(parts[i]);
                parent = child instanceof ObjectNode o ? o : parent.putObject(parts[i]);
                source = source.path(parts[i]);
            }
            parent.set(parts[parts.length - 1], source.path(parts[parts.length - 1]));
        }
        try {
            RegionProfile completed = ProfileReader.mapper().treeToValue(tree, RegionProfile.class);
            return Evaluator.bottlenecks(completed, ruleset);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a profile completed from two valid profiles must read", e);
        }
    }

    /** Indicators of {@code among} in the evidence of a bottleneck before and after. */
    private static List<String> causes(Set<String> among, Report.BottleneckView before, Report.BottleneckView after) {
        Set<String> evidence = new LinkedHashSet<>();
        for (Report.BottleneckView v : new Report.BottleneckView[] {before, after}) {
            if (v != null) {
                v.evidence().forEach(e -> evidence.add(e.indicator()));
            }
        }
        if (before != null && after == null) {
            before.clearsWhen().forEach(c -> evidence.add(c.indicator()));
        }
        return evidence.stream().filter(among::contains).toList();
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static Object number(Object value) {
        return value instanceof Number n ? (Object) n.doubleValue() : value;
    }

    private static <T> Map<String, T> index(List<T> list, Function<T, String> id) {
        return list.stream().collect(Collectors.toMap(id, Function.identity(), (x, y) -> x, LinkedHashMap::new));
    }
}
