package io.nqpf.advisor.report;

import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.ProfileIndicators;
import io.nqpf.advisor.profile.RegionProfile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Compares two reports of the same ruleset: what was resolved, what is new, what moved, and why. */
public final class ComparisonAssembler {

    private ComparisonAssembler() {
    }

    public static ComparisonReport compare(RegionProfile beforeProfile, Report before, RegionProfile afterProfile, Report after,
            Catalog catalog, Language lang) {
        Map<String, Object> valuesBefore = ProfileIndicators.values(beforeProfile);
        Map<String, Object> valuesAfter = ProfileIndicators.values(afterProfile);
        Set<String> changed = new LinkedHashSet<>();
        for (String path : ProfileIndicators.paths()) {
            if (!Objects.equals(number(valuesBefore.get(path)), number(valuesAfter.get(path)))) {
                changed.add(path);
            }
        }
        Map<String, Report.BottleneckView> b = index(before.bottlenecks(), Report.BottleneckView::id);
        Map<String, Report.BottleneckView> a = index(after.bottlenecks(), Report.BottleneckView::id);
        Map<String, Set<String>> affects = new LinkedHashMap<>();

        List<ComparisonReport.BottleneckChange> resolved = new ArrayList<>();
        List<ComparisonReport.BottleneckChange> introduced = new ArrayList<>();
        List<ComparisonReport.BottleneckChange> persisting = new ArrayList<>();
        for (var e : b.values()) {
            Report.BottleneckView now = a.get(e.id());
            List<String> causes = causes(changed, e, now);
            causes.forEach(c -> affects.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(e.id()));
            if (now == null) {
                resolved.add(new ComparisonReport.BottleneckChange(e.id(), e.title(), e.severity(), null, null, causes));
            } else {
                double delta = Math.round((now.severity() - e.severity()) * 1000) / 1000.0;
                persisting.add(new ComparisonReport.BottleneckChange(e.id(), e.title(), e.severity(), now.severity(),
                        delta, causes));
            }
        }
        for (var e : a.values()) {
            if (!b.containsKey(e.id())) {
                List<String> causes = causes(changed, null, e);
                causes.forEach(c -> affects.computeIfAbsent(c, k -> new LinkedHashSet<>()).add(e.id()));
                introduced.add(new ComparisonReport.BottleneckChange(e.id(), e.title(), null, e.severity(), null, causes));
            }
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
                resolved, introduced, persisting, moves, indicators);
    }

    /** Changed indicators among the evidence of a bottleneck before and after. */
    private static List<String> causes(Set<String> changed, Report.BottleneckView before, Report.BottleneckView after) {
        Set<String> evidence = new LinkedHashSet<>();
        for (Report.BottleneckView v : new Report.BottleneckView[] {before, after}) {
            if (v != null) {
                v.evidence().forEach(e -> evidence.add(e.indicator()));
            }
        }
        if (before != null && after == null) {
            before.clearsWhen().forEach(c -> evidence.add(c.indicator()));
        }
        return evidence.stream().filter(changed::contains).toList();
    }

    private static Object number(Object value) {
        return value instanceof Number n ? (Object) n.doubleValue() : value;
    }

    private static <T> Map<String, T> index(List<T> list, Function<T, String> id) {
        return list.stream().collect(Collectors.toMap(id, Function.identity(), (x, y) -> x, LinkedHashMap::new));
    }
}
