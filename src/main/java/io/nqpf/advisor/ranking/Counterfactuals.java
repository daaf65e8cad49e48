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
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
        List<List<Evidence>> findings = bottleneck.getFindings();
        boolean[] cleared = new boolean[findings.size()];
        int open = findings.size();
        Map<String, Change> changes = new LinkedHashMap<>();
        Map<String, Pick> byIndicator = new LinkedHashMap<>();
        while (open > 0) {
            // per indicator of the open findings, in order of first appearance: what the greedy cover compares
            byIndicator.clear();
            for (int i = 0; i < cleared.length; i++) {
                if (cleared[i]) {
                    continue;
                }
                for (Evidence e : findings.get(i)) {
                    Pick p = byIndicator.get(e.getIndicator());
                    if (p == null) {
                        p = new Pick(e.getIndicator(), e.threshold().isActionable());
                        byIndicator.put(p.path, p);
                    }
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
            changes.put(best, change(best, allOn(findings, best)));
            for (int i = 0; i < cleared.length; i++) {
                if (!cleared[i] && on(findings.get(i), best)) {
                    cleared[i] = true;
                    open--;
                }
            }
        }
        balanceShares(changes, values);
        return List.copyOf(changes.values());
    }

    private static boolean on(List<Evidence> finding, String path) {
        for (Evidence e : finding) {
            if (e.getIndicator().equals(path)) {
                return true;
            }
        }
        return false;
    }

    private static void balanceShares(Map<String, Change> changes, Map<String, Object> values) {
        boolean moved = false;
        for (String share : SHARES) {
            if (!values.containsKey(share)) {
                return;
            }
            moved |= changes.containsKey(share);
        }
        if (!moved) {
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

    /** The evidence on this indicator of every finding, in order. */
    private static List<Evidence> allOn(List<List<Evidence>> findings, String path) {
        List<Evidence> on = new ArrayList<>(4);
        for (List<Evidence> finding : findings) {
            for (Evidence e : finding) {
                if (e.getIndicator().equals(path)) {
                    on.add(e);
                }
            }
        }
        return on;
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
            // the highest clearing value of the low thresholds (the first evidence is one of them)
            double max = clearing(first);
            for (int i = 1; i < evidence.size(); i++) {
                Evidence e = evidence.get(i);
                if (e.threshold().comparison().low()) {
                    max = Math.max(max, clearing(e));
                }
            }
            target = max;
        } else if (t.comparison().numeric()) {
            // the lowest clearing value of the numeric high thresholds (the first evidence is one of them)
            double min = clearing(first);
            for (int i = 1; i < evidence.size(); i++) {
                Comparison c = evidence.get(i).threshold().comparison();
                if (c.numeric() && !c.low()) {
                    min = Math.min(min, clearing(evidence.get(i)));
                }
            }
            target = min;
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
            List<Evidence> evidence = hit.evidence();
            int missing = distinct(evidence, Evidence.Basis.MISSING);
            boolean stage = STAGES.contains(hit.target());
            String key = stage ? STAGE : hit.target();
            double weight = stage ? STAGE_WEIGHT : leastSeverity(hit);
            if (missing == 1) {
                alone.merge(key, weight, Math::max);
            } else {
                together.merge(key, weight / missing, Math::max);
            }
            if (!stage && distinct(evidence, Evidence.Basis.OBSERVED) > 0) {
                Partial p = new Partial(hit.target(), indicators(evidence, Evidence.Basis.OBSERVED),
                        indicators(evidence, Evidence.Basis.MISSING));
                if (!partial.contains(p)) {
                    partial.add(p);
                }
            }
        }
        together.keySet().removeAll(alone.keySet());
        double total = sum(alone) + sum(together);
        List<String> reveals = new ArrayList<>(alone.size());
        for (String k : alone.keySet()) {
            if (!k.equals(STAGE)) {
                reveals.add(k);
            }
        }
        reveals.sort(null);
        if (partial.size() > 1) {
            partial.sort(Comparator.comparing(Partial::bottleneck).thenComparing(p -> String.join(",", p.observed())));
        }
        return new Leverage(gap.indicator(), Math.round(total * 100) / 100.0, List.copyOf(reveals),
                alone.containsKey(STAGE), List.copyOf(partial));
    }

    private static final String STAGE = "STAGE";

    /** The names of the stages, the targets of the stage rules' what-if matches. */
    private static final Set<String> STAGES = Arrays.stream(Stage.values()).map(Stage::name)
            .collect(Collectors.toUnmodifiableSet());

    /**
     * The sum of the values as a {@link java.util.stream.DoubleStream} sums them (with compensation): the stream only
     * for two values or more, since it gives none as 0 and one as it is.
     */
    private static double sum(Map<String, Double> weights) {
        return switch (weights.size()) {
            case 0 -> 0;
            case 1 -> weights.values().iterator().next();
            default -> weights.values().stream().mapToDouble(Double::doubleValue).sum();
        };
    }

    /** How many distinct indicators the evidence of this basis names. */
    private static int distinct(List<Evidence> evidence, Evidence.Basis basis) {
        int count = 0;
        for (int i = 0; i < evidence.size(); i++) {
            if (evidence.get(i).basis() == basis && !seenBefore(evidence, i)) {
                count++;
            }
        }
        return count;
    }

    /** Whether evidence of the same basis before {@code i} names the same indicator. */
    private static boolean seenBefore(List<Evidence> evidence, int i) {
        Evidence at = evidence.get(i);
        for (int j = 0; j < i; j++) {
            Evidence e = evidence.get(j);
            if (e.basis() == at.basis() && e.getIndicator().equals(at.getIndicator())) {
                return true;
            }
        }
        return false;
    }

    /** The distinct indicators of the evidence of this basis, sorted. */
    private static List<String> indicators(List<Evidence> evidence, Evidence.Basis basis) {
        List<String> paths = new ArrayList<>(evidence.size());
        for (int i = 0; i < evidence.size(); i++) {
            if (evidence.get(i).basis() == basis && !seenBefore(evidence, i)) {
                paths.add(evidence.get(i).getIndicator());
            }
        }
        paths.sort(null);
        return List.copyOf(paths);
    }

    /** The severity the finding would have with every missing value just past its threshold (excess 0). */
    private static double leastSeverity(Findings.Hit hit) {
        List<Evidence> evidence = hit.evidence();
        // the mean as a DoubleStream averages (with a compensated sum), which for at most one value other than 0 is
        // that value over the count: the stream only for two values or more
        int nonZero = 0;
        double value = 0;
        for (Evidence e : evidence) {
            if (e.basis() == Evidence.Basis.OBSERVED && e.getExcess() != 0) {
                nonZero++;
                value = e.getExcess();
            }
        }
        double mean = evidence.isEmpty() ? 0 : nonZero <= 1 ? value / evidence.size()
                : evidence.stream().mapToDouble(e -> e.basis() == Evidence.Basis.OBSERVED ? e.getExcess() : 0)
                        .average().orElse(0);
        return Bottleneck.BASE_SEVERITY + (1 - Bottleneck.BASE_SEVERITY) * mean;
    }
}
