package io.nqpf.advisor.ranking;

import io.nqpf.advisor.engine.Evaluation;
import io.nqpf.advisor.engine.facts.Bottleneck;
import io.nqpf.advisor.engine.facts.Evidence;
import io.nqpf.advisor.engine.facts.Findings;
import io.nqpf.advisor.engine.facts.Stage;
import io.nqpf.advisor.knowledge.Comparison;
import io.nqpf.advisor.knowledge.ThresholdDef;
import io.nqpf.advisor.profile.ProfileIndicators;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code clearsWhen} of a bottleneck: the fewest indicator changes after which no rule that found it still
 * fires. Each finding is a rule match; moving one of its evidence values back to the threshold breaks it. A greedy
 * cover picks the indicator that breaks the most findings, preferring values a region can change and, among
 * those, the one closest to its threshold.
 */
public final class Counterfactuals {

    /**
     * Set {@code indicator} to {@code target} (from {@code current}); {@code actionable} false for typology;
     * {@code balancing} true for a change that only keeps the three industry shares summing to 100.
     */
    public record Change(String indicator, Object current, Object target, boolean actionable, boolean balancing) {
    }

    static final List<String> SHARES = List.of("economy.tertiarySharePct", "economy.primarySharePct",
            "economy.secondarySharePct");

    private Counterfactuals() {
    }

    /**
     * @param values the profile's known values by path, to keep industry shares consistent: when a change moves
     *               one of the three shares and all three are known, an unchanged share takes up the difference
     */
    public static List<Change> clearsWhen(Bottleneck bottleneck, Map<String, Object> values) {
        List<List<Evidence>> open = new ArrayList<>(bottleneck.getFindings());
        Map<String, Change> changes = new LinkedHashMap<>();
        while (!open.isEmpty()) {
            // per indicator of the open findings, in order of first appearance: what the greedy cover compares
            Map<String, Pick> byIndicator = new LinkedHashMap<>();
            for (int i = 0; i < open.size(); i++) {
                for (Evidence e : open.get(i)) {
                    Pick p = byIndicator.computeIfAbsent(e.getIndicator(), k -> new Pick(k, e.threshold().isActionable()));
                    p.excess = Math.max(p.excess, e.getExcess());
                    if (p.lastFinding != i) {
                        p.lastFinding = i;
                        p.covered++;
                    }
                }
            }
            Pick pick = null;
            for (Pick p : byIndicator.values()) {
                if (pick == null || p.before(pick)) {
                    pick = p;
                }
            }
            String best = pick.path;
            changes.put(best, change(best, allOn(bottleneck, best)));
            open = open.stream().filter(f -> f.stream().noneMatch(e -> e.getIndicator().equals(best))).toList();
        }
        balanceShares(changes, values);
        return List.copyOf(changes.values());
    }

    private static void balanceShares(Map<String, Change> changes, Map<String, Object> values) {
        if (SHARES.stream().noneMatch(changes::containsKey) || !SHARES.stream().allMatch(values::containsKey)) {
            return;
        }
        double delta = 0;
        for (String share : SHARES) {
            Change c = changes.get(share);
            if (c != null && c.target() instanceof Number t) {
                delta += t.doubleValue() - ((Number) values.get(share)).doubleValue();
            }
        }
        for (String share : SHARES) {
            double current = ((Number) values.get(share)).doubleValue();
            double target = Math.round((current - delta) * 100) / 100.0;
            if (!changes.containsKey(share) && target >= 0 && target <= 100) {
                changes.put(share, new Change(share, current, target, true, true));
                return;
            }
        }
    }

    /** An indicator of the open findings as the greedy cover weighs it. */
    private static final class Pick {
        final String path;
        final boolean actionable;
        /** The open findings that rest on it. */
        long covered;
        /** The largest excess of its evidence in them. */
        double excess = Double.NEGATIVE_INFINITY;
        int lastFinding = -1;

        Pick(String path, boolean actionable) {
            this.path = path;
            this.actionable = actionable;
        }

        /** Actionable first, then the most findings broken, then the closest to its threshold, then by path. */
        boolean before(Pick other) {
            if (actionable != other.actionable) {
                return actionable;
            }
            if (covered != other.covered) {
                return covered > other.covered;
            }
            int byExcess = Double.compare(excess, other.excess);
            return byExcess != 0 ? byExcess < 0 : path.compareTo(other.path) < 0;
        }
    }

    private static List<Evidence> allOn(Bottleneck b, String path) {
        return b.getFindings().stream().flatMap(List::stream).filter(e -> e.getIndicator().equals(path)).toList();
    }

    /** The nearest value not past the threshold: the threshold itself, one step beyond it for <= and >=. */
    private static double clearing(Evidence e) {
        ThresholdDef t = e.threshold();
        double step = switch (t.comparison()) {
            case AT_MOST -> 0.1;
            case AT_LEAST -> -0.1;
            default -> 0;
        };
        return Math.round((t.numericThreshold() + step) * 100) / 100.0;
    }

    /** The value that takes every evidence on this indicator back to (not past) its threshold. */
    private static Change change(String path, List<Evidence> evidence) {
        Evidence first = evidence.get(0);
        ThresholdDef t = first.threshold();
        Object target;
        if (t.comparison().numeric() && t.comparison().low()) {
            target = evidence.stream().filter(e -> e.threshold().comparison().low())
                    .mapToDouble(Counterfactuals::clearing).max().orElseThrow();
        } else if (t.comparison().numeric()) {
            target = evidence.stream().filter(e -> e.threshold().comparison().numeric() && !e.threshold().comparison().low())
                    .mapToDouble(Counterfactuals::clearing).min().orElseThrow();
        } else if (t.comparison() == Comparison.NOT_EQUAL) {
            target = t.thresholdValue();
        } else if (t.thresholdValue() instanceof Boolean b) {
            target = !b;
        } else {
            target = null;
        }
        var indicator = ProfileIndicators.all().get(path);
        if (target instanceof Double d && indicator != null && indicator.integral()) {
            target = (long) (t.comparison().low() ? Math.ceil(d) : Math.floor(d));
        }
        return new Change(path, first.getValue(), target, t.isActionable() && target != null, false);
    }

    /**
     * What one missing indicator could change on its own, from the what-if matches that rest on it.
     *
     * @param leverage       how much the answer could change: each bottleneck it could reveal alone counts the least
     *                       severity that bottleneck would have (its value just past the threshold, the other evidence
     *                       as observed); deciding the stage counts {@link #STAGE_WEIGHT}; a bottleneck or stage it could
     *                       reveal only together with other missing indicators counts the same divided by how many
     *                       indicators are missing
     * @param revealsAlone   bottlenecks that this value alone, with the other observed values as they are, could reveal
     * @param decidesStage   whether this value alone could decide the smart-specialization stage
     * @param partlyObserved rules (by bottleneck) that want this value and whose other condition is already observed
     */
    public record Leverage(String indicator, double leverage, List<String> revealsAlone, boolean decidesStage,
            List<Partial> partlyObserved) {
    }

    /** A rule for {@code bottleneck} whose {@code observed} indicators are past their thresholds and which waits on {@code missing}. */
    public record Partial(String bottleneck, List<String> observed, List<String> missing) {
    }

    /** What deciding the stage weighs in {@link Leverage#leverage()}: like a bottleneck of medium severity. */
    public static final double STAGE_WEIGHT = 0.5;

    public static Leverage leverage(Evaluation.DataGap gap) {
        Map<String, Double> alone = new LinkedHashMap<>();
        Map<String, Double> together = new LinkedHashMap<>();
        List<Partial> partial = new ArrayList<>();
        for (Findings.Hit hit : gap.hits()) {
            if (!gap.couldReveal().contains(hit.target())) {
                continue;
            }
            TreeSet<String> missing = indicators(hit, Evidence.Basis.MISSING);
            TreeSet<String> observed = indicators(hit, Evidence.Basis.OBSERVED);
            boolean stage = isStage(hit.target());
            String key = stage ? STAGE : hit.target();
            double weight = stage ? STAGE_WEIGHT : leastSeverity(hit);
            if (missing.size() == 1) {
                alone.merge(key, weight, Math::max);
            } else {
                together.merge(key, weight / missing.size(), Math::max);
            }
            Partial p = new Partial(hit.target(), List.copyOf(observed), List.copyOf(missing));
            if (!stage && !observed.isEmpty() && !partial.contains(p)) {
                partial.add(p);
            }
        }
        together.keySet().removeAll(alone.keySet());
        double total = alone.values().stream().mapToDouble(Double::doubleValue).sum()
                + together.values().stream().mapToDouble(Double::doubleValue).sum();
        List<String> reveals = alone.keySet().stream().filter(k -> !k.equals(STAGE)).sorted().toList();
        partial.sort(Comparator.comparing(Partial::bottleneck).thenComparing(p -> String.join(",", p.observed())));
        return new Leverage(gap.indicator(), Math.round(total * 100) / 100.0, reveals, alone.containsKey(STAGE),
                List.copyOf(partial));
    }

    private static final String STAGE = "STAGE";

    private static TreeSet<String> indicators(Findings.Hit hit, Evidence.Basis basis) {
        TreeSet<String> paths = new TreeSet<>();
        hit.evidence().stream().filter(e -> e.basis() == basis).forEach(e -> paths.add(e.getIndicator()));
        return paths;
    }

    /** The severity the finding would have with every missing value just past its threshold (excess 0). */
    private static double leastSeverity(Findings.Hit hit) {
        double mean = hit.evidence().stream()
                .mapToDouble(e -> e.basis() == Evidence.Basis.OBSERVED ? e.getExcess() : 0).average().orElse(0);
        return Bottleneck.BASE_SEVERITY + (1 - Bottleneck.BASE_SEVERITY) * mean;
    }

    private static boolean isStage(String target) {
        for (Stage s : Stage.values()) {
            if (s.name().equals(target)) {
                return true;
            }
        }
        return false;
    }
}
