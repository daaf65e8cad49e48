package io.nqpf.advisor.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nqpf.advisor.engine.Evaluation;
import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.engine.facts.Adjustment;
import io.nqpf.advisor.engine.facts.Bottleneck;
import io.nqpf.advisor.engine.facts.Candidate;
import io.nqpf.advisor.engine.facts.Evidence;
import io.nqpf.advisor.engine.facts.Findings;
import io.nqpf.advisor.engine.facts.Stage;
import io.nqpf.advisor.knowledge.Comparison;
import io.nqpf.advisor.knowledge.SequenceEntry;
import io.nqpf.advisor.knowledge.ThresholdDef;
import io.nqpf.advisor.profile.ProfileIndicators;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.support.Rules;
import jakarta.validation.Validation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The ranking, {@code clearsWhen} and the leverage of data gaps give what the first, straightforward algorithms gave
 * (issue 20 made them cheaper; {@link Reference} keeps the old ones), on generated profiles of every density and on
 * sequences of measures made up from each profile's own candidates and bottlenecks, several at a time.
 */
public class RankingEquivalenceTest {

    private static final Ruleset RULES = Rules.bundled();
    private static final ProfileReader READER = new ProfileReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    /** A generated profile with a share of its indicators taken out again, from dense to sparse. */
    private static Evaluation evaluation(long seed) {
        Random random = new Random(seed);
        ObjectNode tree = ReportPropertiesTest.generate(random);
        double drop = random.nextDouble() * 0.9;
        for (var section : tree) {
            if (section instanceof ObjectNode node) {
                List<String> gone = new ArrayList<>();
                node.fieldNames().forEachRemaining(n -> {
                    if (random.nextDouble() < drop) {
                        gone.add(n);
                    }
                });
                node.remove(gone);
            }
        }
        RegionProfile profile = READER.read(tree, RegionProfile.class);
        return Evaluator.evaluate(profile, RULES, true);
    }

    @Property(tries = 250)
    void rankingIsTheReferenceRanking(@ForAll("seeds") long seed) {
        Evaluation ev = evaluation(seed);
        Map<String, Candidate> candidates = ev.findings().candidates();
        Map<String, Bottleneck> found = ev.findings().bottlenecks();
        List<SequenceEntry> catalog = RULES.catalog().sequences();
        assertEquals(Reference.rank(candidates, found, catalog, Integer.MAX_VALUE),
                Ranker.rank(candidates, found, catalog, Integer.MAX_VALUE));
        assertEquals(Reference.rank(candidates, found, catalog, 12), Ranker.rank(candidates, found, catalog, 12));
        // made-up sequences over this profile's own measures and bottlenecks, so that several apply at a time
        Random random = new Random(seed ^ 0x5EED);
        List<String> ids = new ArrayList<>(candidates.keySet());
        List<String> bottlenecks = new ArrayList<>(found.keySet());
        bottlenecks.add("B-NOT-FOUND");
        for (int round = 0; round < 4 && !ids.isEmpty(); round++) {
            List<SequenceEntry> sequences = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int q = 0; q < count; q++) {
                sequences.add(new SequenceEntry("Q" + q, some(bottlenecks, random), some(ids, random),
                        some(ids, random), "sequence.text", "sequence.reason." + q));
            }
            for (int limit : new int[] {1, 3, 12, Integer.MAX_VALUE}) {
                assertEquals(Reference.rank(candidates, found, sequences, limit),
                        Ranker.rank(candidates, found, sequences, limit), sequences.toString());
            }
        }
    }

    @Property(tries = 250)
    void clearsWhenAndLeverageAreTheReferenceOnes(@ForAll("seeds") long seed) {
        Evaluation ev = evaluation(seed);
        for (Bottleneck b : ev.findings().bottlenecks().values()) {
            assertEquals(Reference.clearsWhen(b, ev.values()), Counterfactuals.clearsWhen(b, ev.values()), b.getId());
        }
        for (Evaluation.DataGap gap : ev.dataGaps().values()) {
            assertEquals(Reference.leverage(gap), Counterfactuals.leverage(gap), gap.indicator());
        }
    }

    @Property(tries = 20)
    void theGeneratedProfilesReachWhatIsCompared(@ForAll("seeds") long seed) {
        // the properties above compare something: rankings with sequences, clearsWhen and leverage
        int[] seen = new int[3];
        Random random = new Random(seed);
        for (int i = 0; i < 20; i++) {
            Evaluation ev = evaluation(random.nextLong());
            seen[0] += ev.findings().candidates().size();
            seen[1] += ev.findings().bottlenecks().size();
            seen[2] += ev.dataGaps().size();
        }
        assertTrue(seen[0] > 0 && seen[1] > 0 && seen[2] > 0, java.util.Arrays.toString(seen));
    }

    private static List<String> some(List<String> from, Random random) {
        List<String> some = new ArrayList<>();
        for (String id : from) {
            if (random.nextInt(from.size()) < 3) {
                some.add(id);
            }
        }
        return some;
    }

    /** The algorithms as they were before issue 20, straightforward and slow: the reference. */
    static final class Reference {

        static List<Ranked> rank(Map<String, Candidate> candidates, Map<String, Bottleneck> bottlenecks,
                List<SequenceEntry> sequences, int limit) {
            List<SequenceEntry> orders = sequences.stream().filter(q -> q.whenAny().stream()
                    .anyMatch(bottlenecks::containsKey) && q.first().stream().anyMatch(candidates::containsKey)).toList();
            record Scored(Candidate candidate, long tenths, double topNeed, String main, List<Ranked.Factor> factors) {
            }
            List<Scored> scored = new ArrayList<>();
            for (Candidate c : candidates.values()) {
                List<Map.Entry<String, Double>> needsById = c.getAddresses().entrySet().stream()
                        .filter(e -> bottlenecks.containsKey(e.getKey()))
                        .map(e -> Map.entry(e.getKey(), bottlenecks.get(e.getKey()).getSeverity() * e.getValue()))
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                        .toList();
                List<Double> needs = needsById.stream().map(Map.Entry::getValue).toList();
                String main = needsById.isEmpty() ? null : needsById.get(0).getKey();
                List<Ranked.Factor> factors = new ArrayList<>();
                double top = needs.isEmpty() ? 0 : needs.get(0);
                add(factors, ScoreModel.FACTOR_NEED, ScoreModel.NEED * top);
                double rest = needs.stream().skip(1).mapToDouble(Double::doubleValue).sum();
                add(factors, ScoreModel.FACTOR_BREADTH, Math.min(ScoreModel.BREADTH_CAP, ScoreModel.BREADTH * rest));
                add(factors, ScoreModel.FACTOR_OPPORTUNITY, ScoreModel.OPPORTUNITY * c.getOpportunity());
                for (Adjustment a : c.getAdjustments()) {
                    long t = ScoreModel.tenths(a.points());
                    if (t != 0) {
                        factors.add(new Ranked.Factor(a.reason(), t / 10.0, a.kind(), a));
                    }
                }
                scored.add(new Scored(c, factors.stream().mapToLong(f -> ScoreModel.tenths(f.points())).sum(), top,
                        main, factors));
            }
            Comparator<Scored> order = Comparator.comparingLong(Scored::tenths).reversed()
                    .thenComparing(Comparator.comparingDouble(Scored::topNeed).reversed())
                    .thenComparing(s -> s.candidate().getId());
            Map<String, Integer> answered = new HashMap<>();
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
                    now.add(new Scored(s.candidate(), s.tenths() + ScoreModel.tenths(points), s.topNeed(), s.main(),
                            factors));
                }
                for (SequenceEntry o : orders) {
                    OptionalLong bet = now.stream().filter(s -> o.then().contains(s.candidate().getId()))
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
                Scored best = Collections.min(now, order);
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

        private static void add(List<Ranked.Factor> factors, String key, double points) {
            long t = ScoreModel.tenths(points);
            if (t != 0) {
                factors.add(new Ranked.Factor(key, t / 10.0, null));
            }
        }

        static List<Counterfactuals.Change> clearsWhen(Bottleneck bottleneck, Map<String, Object> values) {
            List<List<Evidence>> open = new ArrayList<>(bottleneck.getFindings());
            Map<String, Counterfactuals.Change> changes = new LinkedHashMap<>();
            while (!open.isEmpty()) {
                // the indicator of the open findings the greedy cover picks, each weighed anew
                record Pick(String path, boolean actionable, long covered, double excess) {
                }
                Map<String, List<Evidence>> byIndicator = new LinkedHashMap<>();
                for (List<Evidence> finding : open) {
                    for (Evidence e : finding) {
                        byIndicator.computeIfAbsent(e.getIndicator(), k -> new ArrayList<>()).add(e);
                    }
                }
                List<List<Evidence>> openNow = open;
                Pick pick = byIndicator.entrySet().stream().map(en -> new Pick(en.getKey(),
                                en.getValue().get(0).threshold().isActionable(),
                                openNow.stream().filter(f -> f.stream().anyMatch(e -> e.getIndicator().equals(en.getKey())))
                                        .count(),
                                en.getValue().stream().mapToDouble(Evidence::getExcess).max().orElseThrow()))
                        .min(Comparator.comparing((Pick p) -> !p.actionable())
                                .thenComparing(Comparator.comparingLong(Pick::covered).reversed())
                                .thenComparingDouble(Pick::excess).thenComparing(Pick::path))
                        .orElseThrow();
                String best = pick.path();
                changes.put(best, change(best, bottleneck.getFindings().stream().flatMap(List::stream)
                        .filter(e -> e.getIndicator().equals(best)).toList()));
                open = open.stream().filter(f -> f.stream().noneMatch(e -> e.getIndicator().equals(best))).toList();
            }
            List<String> shares = Counterfactuals.SHARES;
            if (shares.stream().anyMatch(changes::containsKey) && shares.stream().allMatch(values::containsKey)) {
                double delta = 0;
                for (String share : shares) {
                    Counterfactuals.Change c = changes.get(share);
                    if (c != null && c.target() instanceof Number t) {
                        delta += t.doubleValue() - ((Number) values.get(share)).doubleValue();
                    }
                }
                for (String share : shares) {
                    double current = ((Number) values.get(share)).doubleValue();
                    double target = Math.round((current - delta) * 100) / 100.0;
                    if (!changes.containsKey(share) && target >= 0 && target <= 100) {
                        changes.put(share, new Counterfactuals.Change(share, current, target, true, true));
                        break;
                    }
                }
            }
            return List.copyOf(changes.values());
        }

        private static double clearing(Evidence e) {
            ThresholdDef t = e.threshold();
            double step = t.comparison() == Comparison.AT_MOST ? 0.1 : t.comparison() == Comparison.AT_LEAST ? -0.1 : 0;
            return Math.round((t.numericThreshold() + step) * 100) / 100.0;
        }

        private static Counterfactuals.Change change(String path, List<Evidence> evidence) {
            Evidence first = evidence.get(0);
            ThresholdDef t = first.threshold();
            Object target;
            if (t.comparison().numeric() && t.comparison().low()) {
                target = evidence.stream().filter(e -> e.threshold().comparison().low())
                        .mapToDouble(Reference::clearing).max().orElseThrow();
            } else if (t.comparison().numeric()) {
                target = evidence.stream()
                        .filter(e -> e.threshold().comparison().numeric() && !e.threshold().comparison().low())
                        .mapToDouble(Reference::clearing).min().orElseThrow();
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
            return new Counterfactuals.Change(path, first.getValue(), target, t.isActionable() && target != null, false);
        }

        static Counterfactuals.Leverage leverage(Evaluation.DataGap gap) {
            Map<String, Double> alone = new LinkedHashMap<>();
            Map<String, Double> together = new LinkedHashMap<>();
            List<Counterfactuals.Partial> partial = new ArrayList<>();
            for (Findings.Hit hit : gap.hits()) {
                if (!gap.couldReveal().contains(hit.target())) {
                    continue;
                }
                TreeSet<String> missing = indicators(hit, Evidence.Basis.MISSING);
                TreeSet<String> observed = indicators(hit, Evidence.Basis.OBSERVED);
                boolean stage = List.of(Stage.values()).stream().anyMatch(s -> s.name().equals(hit.target()));
                String key = stage ? "STAGE" : hit.target();
                double weight;
                if (stage) {
                    weight = Counterfactuals.STAGE_WEIGHT;
                } else {
                    double mean = hit.evidence().stream()
                            .mapToDouble(e -> e.basis() == Evidence.Basis.OBSERVED ? e.getExcess() : 0).average()
                            .orElse(0);
                    weight = Bottleneck.BASE_SEVERITY + (1 - Bottleneck.BASE_SEVERITY) * mean;
                }
                if (missing.size() == 1) {
                    alone.merge(key, weight, Math::max);
                } else {
                    together.merge(key, weight / missing.size(), Math::max);
                }
                Counterfactuals.Partial p = new Counterfactuals.Partial(hit.target(), List.copyOf(observed),
                        List.copyOf(missing));
                if (!stage && !observed.isEmpty() && !partial.contains(p)) {
                    partial.add(p);
                }
            }
            together.keySet().removeAll(alone.keySet());
            double total = alone.values().stream().mapToDouble(Double::doubleValue).sum()
                    + together.values().stream().mapToDouble(Double::doubleValue).sum();
            List<String> reveals = alone.keySet().stream().filter(k -> !k.equals("STAGE")).sorted().toList();
            partial.sort(Comparator.comparing(Counterfactuals.Partial::bottleneck)
                    .thenComparing(p -> String.join(",", p.observed())));
            return new Counterfactuals.Leverage(gap.indicator(), Math.round(total * 100) / 100.0, reveals,
                    alone.containsKey("STAGE"), List.copyOf(partial));
        }

        private static TreeSet<String> indicators(Findings.Hit hit, Evidence.Basis basis) {
            TreeSet<String> paths = new TreeSet<>();
            hit.evidence().stream().filter(e -> e.basis() == basis).forEach(e -> paths.add(e.getIndicator()));
            return paths;
        }
    }
}
