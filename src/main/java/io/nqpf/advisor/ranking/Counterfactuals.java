package io.nqpf.advisor.ranking;

import io.nqpf.advisor.engine.facts.Bottleneck;
import io.nqpf.advisor.engine.facts.Evidence;
import io.nqpf.advisor.knowledge.Comparison;
import io.nqpf.advisor.knowledge.ThresholdDef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code clearsWhen} of a bottleneck: the fewest indicator changes after which no rule that found it still
 * fires. Each finding is a rule match; moving one of its evidence values back to the threshold breaks it. A greedy
 * cover picks the indicator that breaks the most findings, preferring values a region can change and, among
 * those, the one closest to its threshold.
 */
public final class Counterfactuals {

    /** Set {@code indicator} to {@code target} (from {@code current}); {@code actionable} false for typology. */
    public record Change(String indicator, Object current, Object target, boolean actionable) {
    }

    private Counterfactuals() {
    }

    public static List<Change> clearsWhen(Bottleneck bottleneck) {
        List<List<Evidence>> open = new ArrayList<>(bottleneck.findings());
        Map<String, Change> changes = new LinkedHashMap<>();
        while (!open.isEmpty()) {
            Map<String, List<Evidence>> byIndicator = new LinkedHashMap<>();
            for (List<Evidence> finding : open) {
                for (Evidence e : finding) {
                    byIndicator.computeIfAbsent(e.getIndicator(), k -> new ArrayList<>()).add(e);
                }
            }
            final List<List<Evidence>> current = open;
            String best = byIndicator.keySet().stream().min(Comparator
                    .comparing((String path) -> !byIndicator.get(path).get(0).threshold().isActionable())
                    .thenComparing(path -> -covered(current, path))
                    .thenComparingDouble(path -> byIndicator.get(path).stream().mapToDouble(Evidence::getExcess).max().orElse(1))
                    .thenComparing(path -> path)).orElseThrow();
            changes.put(best, change(best, allOn(bottleneck, best)));
            open = open.stream().filter(f -> f.stream().noneMatch(e -> e.getIndicator().equals(best))).toList();
        }
        return List.copyOf(changes.values());
    }

    private static long covered(List<List<Evidence>> open, String path) {
        return open.stream().filter(f -> f.stream().anyMatch(e -> e.getIndicator().equals(path))).count();
    }

    private static List<Evidence> allOn(Bottleneck b, String path) {
        return b.findings().stream().flatMap(List::stream).filter(e -> e.getIndicator().equals(path)).toList();
    }

    /** The value that takes every evidence on this indicator back to (not past) its threshold. */
    private static Change change(String path, List<Evidence> evidence) {
        Evidence first = evidence.get(0);
        ThresholdDef t = first.threshold();
        Object target;
        if (t.comparison() == Comparison.LESS) {
            target = evidence.stream().filter(e -> e.threshold().comparison() == Comparison.LESS)
                    .mapToDouble(e -> e.threshold().numericThreshold()).max().orElseThrow();
        } else if (t.comparison() == Comparison.GREATER) {
            target = evidence.stream().filter(e -> e.threshold().comparison() == Comparison.GREATER)
                    .mapToDouble(e -> e.threshold().numericThreshold()).min().orElseThrow();
        } else if (t.comparison() == Comparison.NOT_EQUAL) {
            target = t.thresholdValue();
        } else if (t.thresholdValue() instanceof Boolean b) {
            target = !b;
        } else {
            target = null;
        }
        return new Change(path, first.getValue(), target, t.isActionable() && target != null);
    }
}
