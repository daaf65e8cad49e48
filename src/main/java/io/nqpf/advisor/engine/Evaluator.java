package io.nqpf.advisor.engine;

import io.nqpf.advisor.engine.facts.Bottleneck;
import io.nqpf.advisor.engine.facts.Evidence;
import io.nqpf.advisor.engine.facts.Findings;
import io.nqpf.advisor.engine.facts.Region;
import io.nqpf.advisor.engine.facts.SmartSpecialization;
import io.nqpf.advisor.engine.facts.Stage;
import io.nqpf.advisor.engine.facts.Unknown;
import io.nqpf.advisor.knowledge.ThresholdDef;
import io.nqpf.advisor.profile.ProfileIndicators;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.profile.ValueYears;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Runs a profile through a ruleset, stage rules first (their agenda group has the focus). The real pass inserts the region and the evidence its values give. A second,
 * what-if pass adds evidence for values that lie near a threshold and for missing indicators: the diagnosis rules
 * that fire only thanks to those tell the watchlist and the data gaps, so neither needs any rule written twice.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * Both passes: the findings, the watchlist and the data gaps.
     *
     * @throws RunawayRulesException when the rules fire {@value #MAX_FIRINGS} times for the profile
     */
    public static Evaluation evaluate(RegionProfile profile, Ruleset ruleset) {
        return evaluate(profile, ruleset, true);
    }

    /**
     * The bottlenecks the real pass finds for the profile (all a comparison reads of a profile completed with the other
     * side's values): without a session when the ruleset's diagnosis rules are modelled ({@link DiagnosisIndex}), else
     * from a real pass.
     *
     * @throws RunawayRulesException when the rules fire {@value #MAX_FIRINGS} times for the profile
     */
    public static Map<String, Bottleneck> bottlenecks(RegionProfile profile, Ruleset ruleset) {
        if (!ruleset.stageIndex().replacesPasses()) {
            return evaluate(profile, ruleset, false).findings().bottlenecks();
        }
        List<Evidence> observed = new ArrayList<>();
        List<Unknown> unknown = new ArrayList<>();
        facts(profile, ruleset, false, observed, new ArrayList<>(), new ArrayList<>(), unknown, new LinkedHashMap<>(),
                new LinkedHashMap<>());
        Findings found = new Findings();
        for (DiagnosisIndex.Match m : ruleset.stageIndex().diagnoses().matches(new Region(profile), observed, unknown,
                r -> probe(ruleset, r))) {
            found.found(m.rule(), m.target(), m.evidence(), m.unknown());
        }
        return found.bottlenecks();
    }

    /**
     * @param whatIf whether to run the what-if pass; without it the watchlist, the data gaps and the indicators an
     *               undetermined stage lacks are empty, and the rest is the same
     * @throws RunawayRulesException when the rules fire {@value #MAX_FIRINGS} times for the profile
     */
    public static Evaluation evaluate(RegionProfile profile, Ruleset ruleset, boolean whatIf) {
        List<Evidence> observed = new ArrayList<>();
        List<Evidence> hypothetical = new ArrayList<>();
        List<Evidence> missing = new ArrayList<>();
        List<Unknown> unknown = new ArrayList<>();
        Map<String, String> missingIds = new LinkedHashMap<>();
        Map<String, Boolean> signals = new LinkedHashMap<>();
        Map<String, Object> values = facts(profile, ruleset, whatIf, observed, hypothetical, missing, unknown,
                missingIds, signals);
        Region region = new Region(profile);
        List<String> fired = new ArrayList<>();
        // absent is not false: the settling pass gives every missing value as past its thresholds; a finding the
        // real pass makes is CERTAIN only when the same rule makes it there too (Certainty), and the stage stands only
        // when both passes find the same one
        // only diagnosis and stage rules: countermeasures and adjustments are judged from what they rest on
        // when the ruleset allows it, the settling and what-if passes are computed without a session of their own:
        // their stage part looked up in the ruleset's index, their diagnosis matches joined (DiagnosisIndex)
        boolean indexed = ruleset.stageIndex().replacesPasses();
        Findings settling = missing.isEmpty() ? null
                : indexed ? settled(ruleset, region, observed, missing)
                : run(ruleset, region, observed, missing, new Findings(), null, match -> {
                    RuleInfo info = ruleset.rulesByName().get(match.getRule().getName());
                    return info != null && info.diagnoses();
                });
        Findings real = run(ruleset, region, observed, unknown, settling == null ? new Findings()
                : Findings.boundedBy(settling.stageFound() == null ? null : settling.stageFound().getStage()), fired, null);
        List<Findings.Hit> possible = hypothetical.isEmpty() ? List.of()
                : indexed ? whatIf(ruleset, region, observed, hypothetical)
                : run(ruleset, region, observed, hypothetical, new Findings(), null, match -> whatIfMatters(ruleset, match))
                        .hits();

        Map<String, Evaluation.Watch> watchlist = new LinkedHashMap<>();
        Map<String, Evaluation.DataGap> gaps = new LinkedHashMap<>();
        TreeSet<String> stageMissing = new TreeSet<>();
        java.util.Set<String> presumed = null;
        for (Findings.Hit hit : possible) {
            boolean stageHit = isStage(hit.target());
            List<Evidence> near = new ArrayList<>(2);
            List<Evidence> absent = new ArrayList<>(2);
            for (Evidence e : hit.evidence()) {
                if (e.basis() == Evidence.Basis.NEAR) {
                    near.add(e);
                } else if (e.basis() == Evidence.Basis.MISSING) {
                    absent.add(e);
                }
            }
            if (!absent.isEmpty() && near.isEmpty()) {
                for (Evidence e : absent) {
                    Evaluation.DataGap gap = gaps.computeIfAbsent(e.getIndicator(),
                            k -> new Evaluation.DataGap(k, new LinkedHashSet<>(), new LinkedHashSet<>(), new ArrayList<>()));
                    gap.neededBy().add(hit.rule());
                    if (!gap.hits().contains(hit)) {
                        gap.hits().add(hit);
                    }
                    boolean alreadyKnown;
                    if (stageHit) {
                        alreadyKnown = real.stage() != null;
                    } else if (!real.bottlenecks().containsKey(hit.target())) {
                        alreadyKnown = false;
                    } else {
                        if (presumed == null) {
                            presumed = presumedIds(real, settling);
                        }
                        alreadyKnown = !presumed.contains(hit.target());
                    }
                    if (!alreadyKnown) {
                        gap.couldReveal().add(hit.target());
                    }
                    if (stageHit) {
                        stageMissing.add(e.getIndicator());
                    }
                }
            } else if (!near.isEmpty() && absent.isEmpty() && !stageHit
                    && !real.bottlenecks().containsKey(hit.target())) {
                Evaluation.Watch watch = watchlist.computeIfAbsent(hit.target(),
                        k -> new Evaluation.Watch(new ArrayList<>(), new LinkedHashSet<>()));
                watch.rules().add(hit.rule());
                for (Evidence e : near) {
                    if (!containsId(watch.evidence(), e.getId())) {
                        watch.evidence().add(e);
                    }
                }
            }
        }
        SmartSpecialization decided = real.stage();
        if (decided == null && whatIf) {
            stageDeciders(ruleset, region, observed, hypothetical, gaps, stageMissing,
                    settling == null || settling.stageFound() == null ? null : settling.stageFound().getStage());
        }
        Certainty certainty = Certainty.of(ruleset, real, settling, missingIds, signals, region.missing());
        if (decided == null) {
            stageMissing.addAll(certainty.stageDecidedBy());
        }
        Stage stage = decided == null ? Stage.UNDETERMINED : decided.getStage();
        return new Evaluation(ruleset, values, real, stage, decided,
                decided == null ? List.copyOf(stageMissing) : List.of(), watchlist, gaps, fired, certainty);
    }

    /**
     * The facts of a profile: the evidence its values give ({@code observed}), near and missing values for the what-if
     * pass ({@code hypothetical}, when asked), every missing threshold as evidence ({@code missing}, for the settling
     * pass) and as an {@link Unknown}; the threshold id of each missing indicator and the stage signals.
     *
     * @return the profile's values by indicator
     */
    private static Map<String, Object> facts(RegionProfile profile, Ruleset ruleset, boolean whatIf,
            List<Evidence> observed, List<Evidence> hypothetical, List<Evidence> missing, List<Unknown> unknown,
            Map<String, String> missingIds, Map<String, Boolean> signals) {
        Map<String, Object> values = ProfileIndicators.values(profile);
        int profileYear = profile.year();
        Tables tables = Tables.of(ruleset);
        for (ThresholdDef profileThreshold : ruleset.catalog().thresholdsFor(profileYear)) {
            int year = ValueYears.of(profile, profileThreshold.indicator());
            // a value of another year is judged by the threshold of its own year; none applies when the national
            // series has no figure that early
            ThresholdDef t = year == profileYear ? profileThreshold
                    : tables.thresholdsOf(ruleset, year).get(profileThreshold.id());
            if (t == null) {
                continue;
            }
            Object value = values.get(t.indicator());
            if (value == null) {
                Evidence e = new Evidence(t, null, 1.0, Evidence.Basis.MISSING, 0, year);
                missing.add(e);
                unknown.add(new Unknown(t));
                missingIds.put(t.id(), t.indicator());
                if (SIGNALS.contains(t.id())) {
                    signals.put(t.indicator(), null);
                }
                if (whatIf) {
                    hypothetical.add(e);
                }
                continue;
            }
            OptionalDouble excess = t.excess(value);
            if (SIGNALS.contains(t.id())) {
                signals.put(t.indicator(), excess.isPresent());
            }
            if (excess.isPresent()) {
                observed.add(new Evidence(t, value, excess.getAsDouble(), Evidence.Basis.OBSERVED, 0, year));
            } else if (whatIf) {
                OptionalDouble gap = t.nearGap(value);
                if (gap.isPresent()) {
                    hypothetical.add(new Evidence(t, value, 0.0, Evidence.Basis.NEAR, gap.getAsDouble(), year));
                }
            }
        }
        return values;
    }

    /**
     * The settling pass without a session: its stage part (stage rules on the observed and missing evidence of the
     * thresholds they name) looked up in the ruleset's index, its diagnosis matches joined; the findings a session
     * would give.
     */
    private static Findings settled(Ruleset ruleset, Region region, List<Evidence> observed, List<Evidence> missing) {
        List<Evidence> inserted = new ArrayList<>(observed);
        inserted.addAll(missing);
        RulesetStageIndex.Tried stage = stagePart(ruleset, region, inserted, RulesetStageIndex.Mode.ALL);
        List<Findings.Hit> hits = new ArrayList<>(stage.hits());
        hits.addAll(ruleset.stageIndex().diagnoses().hits(region, inserted, false, r -> probe(ruleset, r)));
        return Findings.replayed(hits, stage.cityHits());
    }

    /** The hits of the what-if pass without a session, as {@link #settled} does it, in the order a session fires them. */
    private static List<Findings.Hit> whatIf(Ruleset ruleset, Region region, List<Evidence> observed,
            List<Evidence> hypothetical) {
        List<Evidence> inserted = new ArrayList<>(observed);
        inserted.addAll(hypothetical);
        // stage rules fire first (their agenda group has the focus), then the diagnosis rules
        List<Findings.Hit> hits = new ArrayList<>(
                stagePart(ruleset, region, inserted, RulesetStageIndex.Mode.WHAT_IF).hits());
        hits.addAll(ruleset.stageIndex().diagnoses().hits(region, inserted, true, r -> probe(ruleset, r)));
        return hits;
    }

    /** The stage rules on the evidence of the thresholds they name, looked up (run the first time: stage rules only). */
    private static RulesetStageIndex.Tried stagePart(Ruleset ruleset, Region region, List<Evidence> inserted,
            RulesetStageIndex.Mode mode) {
        List<Evidence> stageInserted = Tables.of(ruleset).stageOnly(inserted);
        return ruleset.stageIndex().tryOn(mode, stageInserted,
                () -> run(ruleset, region, stageInserted, List.of(), new Findings(), null, match -> {
                    RuleInfo info = ruleset.rulesByName().get(match.getRule().getName());
                    return info != null && "STAGE".equals(info.kind())
                            && (mode == RulesetStageIndex.Mode.ALL || whatIfMatters(ruleset, match));
                }));
    }

    /**
     * Which diagnosis rules' Region conditions hold for the region: a session with the region and one evidence fact
     * per threshold those rules name, in which only they may fire (once per distinct region and ruleset).
     */
    private static List<String> probe(Ruleset ruleset, Region region) {
        DiagnosisIndex diagnoses = ruleset.stageIndex().diagnoses();
        // the thresholds as resolved for the latest year (any year's would do: only their ids are read)
        Map<String, ThresholdDef> resolved = byId(ruleset.catalog().thresholdsByYear()
                .get(Collections.max(ruleset.catalog().thresholdsByYear().keySet())));
        List<Evidence> every = new ArrayList<>();
        for (String id : diagnoses.regionRuleIds()) {
            every.add(new Evidence(resolved.getOrDefault(id, ruleset.catalog().thresholds().get(id)), null, 1.0,
                    Evidence.Basis.OBSERVED, 0));
        }
        List<Unknown> unknown = new ArrayList<>();
        for (String id : diagnoses.regionRuleUnknown()) {
            unknown.add(new Unknown(resolved.getOrDefault(id, ruleset.catalog().thresholds().get(id))));
        }
        List<String> fired = new ArrayList<>();
        run(ruleset, region, every, unknown, new Findings(), fired,
                match -> diagnoses.regionRules().contains(match.getRule().getName()));
        return fired;
    }

    /**
     * What the evaluation reads of a ruleset alone, made once per ruleset (kept in its {@link Ruleset#derived()}): the
     * threshold ids stage rules name and the thresholds of each year by id.
     */
    private static final class Tables {
        private final java.util.Set<String> stageThresholds;
        /** Bounded by the catalog's years (a year it does not resolve is resolved per request, as before). */
        private final Map<Integer, Map<String, ThresholdDef>> byYear = new java.util.concurrent.ConcurrentHashMap<>();

        private Tables(Ruleset ruleset) {
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (RuleInfo r : ruleset.rules()) {
                if ("STAGE".equals(r.kind())) {
                    ids.addAll(r.ids());
                }
            }
            this.stageThresholds = ids;
        }

        static Tables of(Ruleset ruleset) {
            return ruleset.derived().get(Tables.class, () -> new Tables(ruleset));
        }

        boolean stage(String thresholdId) {
            return stageThresholds.contains(thresholdId);
        }

        /** The evidence of the thresholds stage rules name, in order. */
        List<Evidence> stageOnly(List<Evidence> evidence) {
            List<Evidence> stage = new ArrayList<>(evidence.size());
            for (Evidence e : evidence) {
                if (stageThresholds.contains(e.getId())) {
                    stage.add(e);
                }
            }
            return Collections.unmodifiableList(stage);
        }

        /** The thresholds as they apply to values of {@code year}, by id. */
        Map<String, ThresholdDef> thresholdsOf(Ruleset ruleset, int year) {
            Map<String, ThresholdDef> byId = byYear.get(year);
            if (byId == null) {
                byId = byId(ruleset.catalog().thresholdsFor(year));
                if (ruleset.catalog().thresholdsByYear().containsKey(year)) {
                    byYear.putIfAbsent(year, byId);
                }
            }
            return byId;
        }
    }

    private static final java.util.Set<String> SIGNALS = java.util.Set.copyOf(Stage.SIGNALS);

    private static boolean containsId(List<Evidence> evidence, String id) {
        for (Evidence e : evidence) {
            if (e.getId().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** Bottlenecks of the real pass that the settling pass does not confirm (a cheap first look; Certainty decides). */
    private static java.util.Set<String> presumedIds(Findings real, Findings settling) {
        if (settling == null) {
            return java.util.Set.of();
        }
        java.util.Set<String> presumed = new java.util.HashSet<>(real.bottlenecks().keySet());
        presumed.removeAll(settling.bottlenecks().keySet());
        real.hits().stream().filter(h -> !h.unknown().isEmpty()).map(Findings.Hit::target)
                .filter(t -> real.hits().stream().noneMatch(h -> h.target().equals(t) && h.unknown().isEmpty()))
                .forEach(presumed::add);
        return presumed;
    }

    /**
     * For an undetermined stage: each missing indicator that stage rules read is tried alone (its value past the
     * threshold, every other missing value still missing). Stage rules count signals, so the what-if pass, which
     * gives every missing value at once, cannot tell which one value would decide the stage; this pass can. The value
     * decides the stage when the stage it gives is the one the settling pass finds (so the other missing values could
     * no longer change it); that stage hit is added to the indicator's data gap. Each distinct try runs once per
     * ruleset when the stage rules allow it ({@link RulesetStageIndex}).
     */
    private static void stageDeciders(Ruleset ruleset, Region region, List<Evidence> observed,
            List<Evidence> hypothetical, Map<String, Evaluation.DataGap> gaps, TreeSet<String> stageMissing,
            Stage settled) {
        Tables tables = Tables.of(ruleset);
        List<Evidence> stageObserved = tables.stageOnly(observed);
        Map<String, List<Evidence>> byIndicator = new LinkedHashMap<>();
        for (Evidence e : hypothetical) {
            if (e.basis() == Evidence.Basis.MISSING && tables.stage(e.getId())) {
                byIndicator.computeIfAbsent(e.getIndicator(), k -> new ArrayList<>()).add(e);
            }
        }
        for (Map.Entry<String, List<Evidence>> entry : byIndicator.entrySet()) {
            String indicator = entry.getKey();
            List<Evidence> alone = entry.getValue();
            List<Evidence> inserted = new ArrayList<>(stageObserved);
            inserted.addAll(alone);
            // only the evidence stage rules read: the other rules then match next to nothing, so each try is cheap;
            // and a try the ruleset has seen is looked up, not run again (RulesetStageIndex)
            RulesetStageIndex.Tried single = ruleset.stageIndex().tryOn(inserted,
                    () -> run(ruleset, region, stageObserved, alone, new Findings(), null, match -> {
                        RuleInfo info = ruleset.rulesByName().get(match.getRule().getName());
                        return info != null && "STAGE".equals(info.kind());
                    }));
            Stage found = single.found();
            if (found == null || (settled != null && found != settled)) {
                continue;
            }
            for (Findings.Hit hit : single.hits()) {
                if (hit.target().equals(found.name())) {
                    Evaluation.DataGap gap = gaps.computeIfAbsent(indicator,
                            k -> new Evaluation.DataGap(k, new LinkedHashSet<>(), new LinkedHashSet<>(), new ArrayList<>()));
                    gap.neededBy().add(hit.rule());
                    gap.couldReveal().add(hit.target());
                    gap.hits().add(hit);
                    stageMissing.add(indicator);
                }
            }
        }
    }

    private static Map<String, ThresholdDef> byId(List<ThresholdDef> thresholds) {
        Map<String, ThresholdDef> byId = new HashMap<>();
        thresholds.forEach(t -> byId.put(t.id(), t));
        return byId;
    }

    private static boolean isStage(String target) {
        return Certainty.isStage(target);
    }

    /** In the what-if pass only diagnosis and stage rules that rest on some near or missing value matter. */
    private static boolean whatIfMatters(Ruleset ruleset, Match match) {
        RuleInfo info = ruleset.rulesByName().get(match.getRule().getName());
        if (info == null || !info.diagnoses()) {
            return false;
        }
        return Findings.matched(match.getObjects(), Evidence.class).stream()
                .anyMatch(e -> e.basis() != Evidence.Basis.OBSERVED);
    }

    /**
     * Records the firings of one run in order (how often each rule fired is counted from them only for a run that
     * loops). A pooled session keeps its recorder, which each run points at its own list.
     */
    private static final class Recorder extends DefaultAgendaEventListener {
        private List<String> fired;

        static Recorder of(KieSession session) {
            for (Object l : session.getAgendaEventListeners()) {
                if (l instanceof Recorder r) {
                    return r;
                }
            }
            Recorder r = new Recorder();
            session.addEventListener(r);
            return r;
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            fired.add(event.getMatch().getRule().getName());
        }
    }

    private static Findings run(Ruleset ruleset, Region region, List<Evidence> observed, List<?> hypothetical,
            Findings findings, List<String> fired, AgendaFilter filter) {
        PASSES.get()[0]++;
        List<String> order = fired != null ? fired : new ArrayList<>();
        int before = order.size();
        // a session of the ruleset's pool, reset when given back (RulesetSessions)
        KieSession session = ruleset.sessions().open(ruleset);
        Recorder recorder = Recorder.of(session);
        recorder.fired = order;
        try {
            session.setGlobal(RulesetBuilder.GLOBAL, findings);
            session.insert(region);
            observed.forEach(session::insert);
            hypothetical.forEach(session::insert);
            session.getAgenda().getAgendaGroup(Findings.STAGE_GROUP).setFocus();
            int count = filter == null ? session.fireAllRules(MAX_FIRINGS) : session.fireAllRules(filter, MAX_FIRINGS);
            if (count >= MAX_FIRINGS) {
                Map<String, Integer> firings = new HashMap<>();
                for (String rule : order.subList(before, order.size())) {
                    firings.merge(rule, 1, Integer::sum);
                }
                String most = Collections.max(firings.entrySet(), Map.Entry.comparingByValue()).getKey();
                throw new RunawayRulesException(ruleset.version(), MAX_FIRINGS, most);
            }
        } finally {
            recorder.fired = null;
            session.dispose();
        }
        return findings;
    }

    private static final ThreadLocal<long[]> PASSES = ThreadLocal.withInitial(() -> new long[1]);

    /** The Drools passes (sessions fired) run on the calling thread so far: what a view costs in passes. */
    public static long passesOnThisThread() {
        return PASSES.get()[0];
    }

    /** A guard against rules that loop: no real ruleset comes near it. */
    static final int MAX_FIRINGS = 100_000;
}
