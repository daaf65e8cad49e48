package io.nqpf.advisor.ranking;

import io.nqpf.advisor.engine.facts.Adjustment;
import io.nqpf.advisor.engine.facts.Bottleneck;
import io.nqpf.advisor.engine.facts.Candidate;
import io.nqpf.advisor.knowledge.SequenceEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Scores candidates by {@link ScoreModel} and ranks them: score, then most severe need, then id. Ranking is greedy:
 * a measure whose main bottleneck is already answered by a measure ranked above it loses {@value ScoreModel#DIVERSITY}
 * points for each such measure, so that the top of the list answers different problems. A sequence of the catalog
 * ({@code catalog/sequencing.yaml}) that applies puts its {@code first} measures before its {@code then} ones: a
 * {@code first} measure that answers one of the sequence's standing bottlenecks and is still to be ranked is raised to
 * just above the best {@code then} measure still to be ranked,
 * the points shown under the sequence's reason, so that ranks still follow scores.
 */
public final class Ranker {

    private Ranker() {
    }

    public static List<Ranked> rank(Map<String, Candidate> candidates, Map<String, Bottleneck> bottlenecks) {
        return rank(candidates, bottlenecks, List.of());
    }


    /** The sequences that apply: one of their bottlenecks stands and one of their first measures is a candidate. */
    static List<SequenceEntry> applying(List<SequenceEntry> sequences, Map<String, Candidate> candidates,
            Map<String, Bottleneck> bottlenecks) {
        return sequences.stream().filter(q -> q.whenAny().stream().anyMatch(bottlenecks::containsKey)
                && q.first().stream().anyMatch(candidates::containsKey)).toList();
    }

    public static List<Ranked> rank(Map<String, Candidate> candidates, Map<String, Bottleneck> bottlenecks,
            List<SequenceEntry> sequences) {
        return rank(candidates, bottlenecks, sequences, Integer.MAX_VALUE);
    }

    /**
     * The first {@code limit} of the ranking: the same measures, ranks, scores and breakdowns as the head of the
     * whole ranking, since each pick depends only on the picks above it; the rest is not ranked.
     */
    public static List<Ranked> rank(Map<String, Candidate> candidates, Map<String, Bottleneck> bottlenecks,
            List<SequenceEntry> sequences, int limit) {
        List<SequenceEntry> orders = applying(sequences, candidates, bottlenecks);
        record Scored(Candidate candidate, long tenths, double topNeed, String main, List<Ranked.Factor> factors) {
        }
        List<Scored> scored = new ArrayList<>();
        for (Candidate c : candidates.values()) {
            List<Map.Entry<String, Double>> needsById = c.getAddresses().entrySet().stream()
                    .filter(e -> bottlenecks.containsKey(e.getKey()))
                    .map(e -> Map.entry(e.getKey(), bottlenecks.get(e.getKey()).getSeverity() * e.getValue()))
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .toList();
            List<Double> needs = needsById.stream().map(Map.Entry::getValue).toList();
            String main = needsById.isEmpty() ? null : needsById.get(0).getKey();
            List<Ranked.Factor> factors = new ArrayList<>();
            double top = needs.isEmpty() ? 0 : needs.get(0);
            add(factors, ScoreModel.FACTOR_NEED, ScoreModel.NEED * top, null);
            double rest = needs.stream().skip(1).mapToDouble(Double::doubleValue).sum();
            add(factors, ScoreModel.FACTOR_BREADTH, Math.min(ScoreModel.BREADTH_CAP, ScoreModel.BREADTH * rest), null);
            add(factors, ScoreModel.FACTOR_OPPORTUNITY, ScoreModel.OPPORTUNITY * c.getOpportunity(), null);
            for (Adjustment a : c.getAdjustments()) {
                long t = ScoreModel.tenths(a.points());
                if (t != 0) {
                    factors.add(new Ranked.Factor(a.reason(), t / 10.0, a.kind(), a));
                }
            }
            scored.add(new Scored(c, factors.stream().mapToLong(f -> ScoreModel.tenths(f.points())).sum(), top, main,
                    factors));
        }
        Comparator<Scored> order = Comparator.comparingLong(Scored::tenths).reversed()
                .thenComparing(Comparator.comparingDouble(Scored::topNeed).reversed())
                .thenComparing(s -> s.candidate().getId());
        Map<String, Integer> answered = new java.util.HashMap<>();
        List<Ranked> ranked = new ArrayList<>();
        List<Scored> left = new ArrayList<>(scored);
        while (!left.isEmpty() && ranked.size() < limit) {
            List<Scored> now = new ArrayList<>(left.size());
            for (Scored s : left) {
                int same = s.main() == null ? 0 : answered.getOrDefault(s.main(), 0);
                if (same == 0) {
                    now.add(s);
                    continue;
                }
                double points = -ScoreModel.DIVERSITY * same;
                List<Ranked.Factor> factors = new ArrayList<>(s.factors());
                factors.add(new Ranked.Factor(ScoreModel.FACTOR_DIVERSITY, points, null));
                now.add(new Scored(s.candidate(), s.tenths() + ScoreModel.tenths(points), s.topNeed(), s.main(), factors));
            }
            for (SequenceEntry o : orders) {
                java.util.OptionalLong bet = now.stream().filter(s -> o.then().contains(s.candidate().getId()))
                        .mapToLong(Scored::tenths).max();
                if (bet.isPresent()) {
                    long floor = bet.getAsLong() + 1;
                    now = now.stream().map(s -> {
                        if (!o.first().contains(s.candidate().getId()) || s.tenths() <= 0 || s.tenths() >= floor
                                || s.candidate().getAddresses().keySet().stream()
                                        .noneMatch(id -> o.whenAny().contains(id) && bottlenecks.containsKey(id))) {
                            return s;
                        }
                        List<Ranked.Factor> factors = new ArrayList<>(s.factors());
                        factors.add(new Ranked.Factor(o.reason(), (floor - s.tenths()) / 10.0,
                                Adjustment.Kind.PREREQUISITE));
                        return new Scored(s.candidate(), floor, s.topNeed(), s.main(), factors);
                    }).toList();
                }
            }
            // the order is total (ids are unique): the least element is the head of the sorted list
            Scored best = java.util.Collections.min(now, order);
            left.removeIf(s -> s.candidate() == best.candidate());
            List<Ranked.Factor> factors = new ArrayList<>(best.factors());
            long max = ScoreModel.tenths(ScoreModel.MAX);
            long bounded = Math.max(0, Math.min(max, best.tenths()));
            if (bounded != best.tenths()) {
                factors.add(new Ranked.Factor(ScoreModel.FACTOR_BOUNDS, (bounded - best.tenths()) / 10.0, null));
            }
            if (bounded > 0) {
                ranked.add(new Ranked(ranked.size() + 1, best.candidate(), bounded / 10.0, List.copyOf(factors)));
                if (best.main() != null) {
                    answered.merge(best.main(), 1, Integer::sum);
                }
            }
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
