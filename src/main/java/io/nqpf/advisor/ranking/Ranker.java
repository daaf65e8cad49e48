package io.nqpf.advisor.ranking;

import io.nqpf.advisor.engine.facts.Adjustment;
import io.nqpf.advisor.engine.facts.Bottleneck;
import io.nqpf.advisor.engine.facts.Candidate;
import io.nqpf.advisor.knowledge.SequenceEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
        List<SequenceEntry> applying = new ArrayList<>(sequences.size());
        for (SequenceEntry q : sequences) {
            if (anyIn(q.whenAny(), bottlenecks) && anyIn(q.first(), candidates)) {
                applying.add(q);
            }
        }
        return applying;
    }

    private static boolean anyIn(List<String> ids, Map<String, ?> map) {
        for (String id : ids) {
            if (map.containsKey(id)) {
                return true;
            }
        }
        return false;
    }

    public static List<Ranked> rank(Map<String, Candidate> candidates, Map<String, Bottleneck> bottlenecks,
            List<SequenceEntry> sequences) {
        return rank(candidates, bottlenecks, sequences, Integer.MAX_VALUE);
    }

    /**
     * A candidate as the greedy ranking weighs it: what it scores on its own, once, and what it scores at the pick
     * under way ({@code now}: less the diversity points, raised by the sequences).
     */
    private static final class Scored {
        final Candidate candidate;
        final long tenths;
        final double topNeed;
        final String main;
        final List<Ranked.Factor> factors;
        /** Per applying sequence: one of its {@code then} measures. */
        final boolean[] then;
        /** Per applying sequence: one of its {@code first} measures that answers one of its standing bottlenecks. */
        final boolean[] raisable;
        long now;
        boolean left = true;

        Scored(Candidate candidate, long tenths, double topNeed, String main, List<Ranked.Factor> factors,
                boolean[] then, boolean[] raisable) {
            this.candidate = candidate;
            this.tenths = tenths;
            this.topNeed = topNeed;
            this.main = main;
            this.factors = factors;
            this.then = then;
            this.raisable = raisable;
        }

        /** Higher score first, then the most severe need, then by id: a total order, ids being unique. */
        boolean before(Scored other) {
            if (now != other.now) {
                return now > other.now;
            }
            int byNeed = Double.compare(topNeed, other.topNeed);
            return byNeed != 0 ? byNeed > 0 : candidate.getId().compareTo(other.candidate.getId()) < 0;
        }
    }

    /**
     * The first {@code limit} of the ranking: the same measures, ranks, scores and breakdowns as the head of the
     * whole ranking, since each pick depends only on the picks above it; the rest is not ranked. Each candidate is
     * scored once; a pick only updates the points that change with the picks above it.
     */
    public static List<Ranked> rank(Map<String, Candidate> candidates, Map<String, Bottleneck> bottlenecks,
            List<SequenceEntry> sequences, int limit) {
        List<SequenceEntry> orders = applying(sequences, candidates, bottlenecks);
        Scored[] scored = new Scored[candidates.size()];
        int count = 0;
        for (Candidate c : candidates.values()) {
            scored[count++] = score(c, bottlenecks, orders);
        }
        Map<String, Integer> answered = new HashMap<>();
        long[] floors = new long[orders.size()];
        boolean[] betting = new boolean[orders.size()];
        List<Ranked> ranked = new ArrayList<>(Math.min(limit, count));
        int left = count;
        while (left > 0 && ranked.size() < limit) {
            for (Scored s : scored) {
                if (s.left) {
                    s.now = s.tenths + ScoreModel.tenths(diversity(s, answered));
                }
            }
            for (int o = 0; o < floors.length; o++) {
                // the best then measure still to be ranked, as raised by the sequences before this one
                betting[o] = false;
                long bet = 0;
                for (Scored s : scored) {
                    if (s.left && s.then[o] && (!betting[o] || s.now > bet)) {
                        bet = s.now;
                        betting[o] = true;
                    }
                }
                if (betting[o]) {
                    floors[o] = bet + 1;
                    for (Scored s : scored) {
                        if (s.left && s.raisable[o] && s.now > 0 && s.now < floors[o]) {
                            s.now = floors[o];
                        }
                    }
                }
            }
            Scored best = null;
            for (Scored s : scored) {
                if (s.left && (best == null || s.before(best))) {
                    best = s;
                }
            }
            best.left = false;
            left--;
            // the breakdown of the pick: its own factors, the diversity points and the raises that made best.now
            List<Ranked.Factor> factors = new ArrayList<>(best.factors.size() + 3);
            factors.addAll(best.factors);
            double points = diversity(best, answered);
            long tenths = best.tenths;
            if (points != 0) {
                factors.add(new Ranked.Factor(ScoreModel.FACTOR_DIVERSITY, points, null));
                tenths += ScoreModel.tenths(points);
            }
            for (int o = 0; o < floors.length; o++) {
                if (betting[o] && best.raisable[o] && tenths > 0 && tenths < floors[o]) {
                    factors.add(new Ranked.Factor(orders.get(o).reason(), (floors[o] - tenths) / 10.0,
                            Adjustment.Kind.PREREQUISITE));
                    tenths = floors[o];
                }
            }
            long max = ScoreModel.tenths(ScoreModel.MAX);
            long bounded = Math.max(0, Math.min(max, tenths));
            if (bounded != tenths) {
                factors.add(new Ranked.Factor(ScoreModel.FACTOR_BOUNDS, (bounded - tenths) / 10.0, null));
            }
            if (bounded > 0) {
                ranked.add(new Ranked(ranked.size() + 1, best.candidate, bounded / 10.0, List.copyOf(factors)));
                if (best.main != null) {
                    answered.merge(best.main, 1, Integer::sum);
                }
            }
        }
        return ranked;
    }

    /** The diversity points of a candidate: minus {@link ScoreModel#DIVERSITY} per pick with its main bottleneck. */
    private static double diversity(Scored s, Map<String, Integer> answered) {
        int same = s.main == null ? 0 : answered.getOrDefault(s.main, 0);
        return same == 0 ? 0 : -ScoreModel.DIVERSITY * same;
    }

    /** A candidate's own factors: need, breadth, opportunity and the adjustments of the rules. */
    private static Scored score(Candidate c, Map<String, Bottleneck> bottlenecks, List<SequenceEntry> orders) {
        Map<String, Double> addresses = c.getAddresses();
        // severity × centrality of each standing bottleneck it addresses, highest first, then by id
        String[] ids = new String[addresses.size()];
        double[] needs = new double[addresses.size()];
        int n = 0;
        for (Map.Entry<String, Double> e : addresses.entrySet()) {
            Bottleneck b = bottlenecks.get(e.getKey());
            if (b == null) {
                continue;
            }
            String id = e.getKey();
            double need = b.getSeverity() * e.getValue();
            int at = n++;
            while (at > 0 && (Double.compare(need, needs[at - 1]) > 0
                    || Double.compare(need, needs[at - 1]) == 0 && id.compareTo(ids[at - 1]) < 0)) {
                ids[at] = ids[at - 1];
                needs[at] = needs[at - 1];
                at--;
            }
            ids[at] = id;
            needs[at] = need;
        }
        List<Ranked.Factor> factors = new ArrayList<>(3 + c.getAdjustments().size());
        double top = n == 0 ? 0 : needs[0];
        add(factors, ScoreModel.FACTOR_NEED, ScoreModel.NEED * top, null);
        add(factors, ScoreModel.FACTOR_BREADTH, Math.min(ScoreModel.BREADTH_CAP, ScoreModel.BREADTH * rest(needs, n)),
                null);
        add(factors, ScoreModel.FACTOR_OPPORTUNITY, ScoreModel.OPPORTUNITY * c.getOpportunity(), null);
        for (Adjustment a : c.getAdjustments()) {
            long t = ScoreModel.tenths(a.points());
            if (t != 0) {
                factors.add(new Ranked.Factor(a.reason(), t / 10.0, a.kind(), a));
            }
        }
        long tenths = 0;
        for (Ranked.Factor f : factors) {
            tenths += ScoreModel.tenths(f.points());
        }
        boolean[] then = new boolean[orders.size()];
        boolean[] raisable = new boolean[orders.size()];
        for (int o = 0; o < then.length; o++) {
            SequenceEntry q = orders.get(o);
            then[o] = q.then().contains(c.getId());
            raisable[o] = q.first().contains(c.getId()) && answersStanding(addresses, q.whenAny(), bottlenecks);
        }
        return new Scored(c, tenths, top, n == 0 ? null : ids[0], factors, then, raisable);
    }

    /** Whether it addresses one of these bottlenecks that stands. */
    private static boolean answersStanding(Map<String, Double> addresses, List<String> ids,
            Map<String, Bottleneck> bottlenecks) {
        for (String id : addresses.keySet()) {
            if (ids.contains(id) && bottlenecks.containsKey(id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sum of the needs after the first, as a {@link java.util.stream.DoubleStream} sums them (with compensation):
     * the stream only when there are two or more, since it gives one value back as it is.
     */
    private static double rest(double[] needs, int n) {
        return n <= 1 ? 0 : n == 2 ? needs[1] : Arrays.stream(needs, 1, n).sum();
    }

    private static void add(List<Ranked.Factor> factors, String key, double points, Adjustment.Kind kind) {
        long t = ScoreModel.tenths(points);
        if (t != 0) {
            factors.add(new Ranked.Factor(key, t / 10.0, kind));
        }
    }
}
