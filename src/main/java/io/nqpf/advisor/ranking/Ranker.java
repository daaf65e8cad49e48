package io.nqpf.advisor.ranking;

import io.nqpf.advisor.engine.facts.Adjustment;
import io.nqpf.advisor.engine.facts.Bottleneck;
import io.nqpf.advisor.engine.facts.Candidate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Scores candidates by {@link ScoreModel} and ranks them: score, then most severe need, then id. */
public final class Ranker {

    private Ranker() {
    }

    public static List<Ranked> rank(Map<String, Candidate> candidates, Map<String, Bottleneck> bottlenecks) {
        record Scored(Candidate candidate, long tenths, double topNeed, List<Ranked.Factor> factors) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Candidate c : candidates.values()) {
            List<Double> needs = c.getAddresses().entrySet().stream()
                    .filter(e -> bottlenecks.containsKey(e.getKey()))
                    .map(e -> bottlenecks.get(e.getKey()).getSeverity() * e.getValue())
                    .sorted(Comparator.reverseOrder()).toList();
            List<Ranked.Factor> factors = new ArrayList<>();
            double top = needs.isEmpty() ? 0 : needs.get(0);
            add(factors, ScoreModel.FACTOR_NEED, ScoreModel.NEED * top, null);
            double rest = needs.stream().skip(1).mapToDouble(Double::doubleValue).sum();
            add(factors, ScoreModel.FACTOR_BREADTH, Math.min(ScoreModel.BREADTH_CAP, ScoreModel.BREADTH * rest), null);
            add(factors, ScoreModel.FACTOR_OPPORTUNITY, ScoreModel.OPPORTUNITY * c.getOpportunity(), null);
            for (Adjustment a : c.getAdjustments()) {
                add(factors, a.reason(), a.points(), a.kind());
            }
            long sum = factors.stream().mapToLong(f -> ScoreModel.tenths(f.points())).sum();
            long max = ScoreModel.tenths(ScoreModel.MAX);
            long bounded = Math.max(0, Math.min(max, sum));
            if (bounded != sum) {
                factors.add(new Ranked.Factor(ScoreModel.FACTOR_BOUNDS, (bounded - sum) / 10.0, null));
            }
            if (bounded > 0) {
                scored.add(new Scored(c, bounded, top, factors));
            }
        }
        scored.sort(Comparator.comparingLong(Scored::tenths).reversed()
                .thenComparing(Comparator.comparingDouble(Scored::topNeed).reversed())
                .thenComparing(s -> s.candidate().getId()));
        List<Ranked> ranked = new ArrayList<>();
        for (Scored s : scored) {
            ranked.add(new Ranked(ranked.size() + 1, s.candidate(), s.tenths() / 10.0, List.copyOf(s.factors())));
        }
        return ranked;
    }

    private static void add(List<Ranked.Factor> factors, String key, double points, Adjustment.Kind kind) {
        long t = ScoreModel.tenths(points);
        if (t != 0) {
            factors.add(new Ranked.Factor(key, t / 10.0, kind));
        }
    }
}
