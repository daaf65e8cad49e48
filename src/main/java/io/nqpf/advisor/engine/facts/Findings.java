package io.nqpf.advisor.engine.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The global {@code findings} through which rule consequences report what they found. Every DRL file declares
 * {@code global io.nqpf.advisor.engine.facts.Findings findings;} and calls, with the rule's {@code kcontext}:
 * <ul>
 *   <li>{@code findings.bottleneck(kcontext, "B-…")} — diagnosis: the matched Evidence is the bottleneck's evidence;</li>
 *   <li>{@code findings.stage(kcontext, Stage.…)} — the smart-specialization stage;</li>
 *   <li>{@code findings.cityStage(kcontext, CityIndustryStage.Phase.…)} — the stage of city industry (003);</li>
 *   <li>{@code findings.recommend(kcontext, "C-…", centrality)} — a countermeasure for the matched bottlenecks,
 *       or an opportunity when the match holds no bottleneck;</li>
 *   <li>{@code findings.fit / stageFit / prerequisite(kcontext, "C-…", points, "factor-key")} — score adjustments.</li>
 * </ul>
 */
public final class Findings {

    /** The agenda group of stage rules: it has the focus first, so the stage is known before other rules run. */
    public static final String STAGE_GROUP = "stage";

    /**
     * What one diagnosis or stage rule found, with the evidence it matched and the indicators of the {@link Unknown}
     * facts it matched (a presumption: empty for a finding resting on observed values only).
     */
    public record Hit(String rule, String target, List<Evidence> evidence, List<String> unknown) {
        public Hit(String rule, String target, List<Evidence> evidence) {
            this(rule, target, evidence, List.of());
        }
    }

    /**
     * One score adjustment as a rule made it: the candidate, the bottlenecks and the stage of city industry its match
     * rests on, and the indicators of the {@link Unknown} facts it matched. The engine judges its certainty from these.
     */
    public record AdjustmentMatch(String candidate, Adjustment adjustment, List<String> bottlenecks,
            CityIndustryStage.Phase cityStage, List<String> unknown) {
    }

    private final Map<String, Bottleneck> bottlenecks = new LinkedHashMap<>();
    private final Map<String, FactHandle> bottleneckHandles = new LinkedHashMap<>();
    private final Map<String, Candidate> candidates = new LinkedHashMap<>();
    private final Map<String, FactHandle> candidateHandles = new LinkedHashMap<>();
    private SmartSpecialization stage;
    private FactHandle stageHandle;
    private CityIndustryStage cityStage;
    private FactHandle cityStageHandle;
    private final List<Hit> hits = new ArrayList<>();
    private final List<Hit> cityHits = new ArrayList<>();
    private final List<AdjustmentMatch> adjustments = new ArrayList<>();
    /** Whether the stage fact is bounded by {@link #settled}: only a stage equal to it stands. */
    private final boolean bounded;
    private final Stage settled;

    /** Findings of a pass whose smart-specialization stage stands as the rules find it. */
    public Findings() {
        this(false, null);
    }

    /**
     * Findings of a pass whose smart-specialization stage stands only when it equals {@code settled}, the stage the
     * rules find with every missing value past its threshold: the stage rules count signals, so a stage found on the
     * observed values alone that differs from it depends on the values not given, and no SmartSpecialization fact is
     * inserted (the stage is undetermined).
     */
    public static Findings boundedBy(Stage settled) {
        return new Findings(true, settled);
    }

    /**
     * The findings a pass that lets only diagnosis and stage rules fire would report for these hits, in firing order:
     * the stage (the first of stage 1, transition, stage 2 among them, as {@link #stage} keeps it), the bottlenecks
     * and the stage of city industry (the latest phase, as {@link #cityStage} keeps it). For a pass computed without
     * a session; no fact handles.
     */
    public static Findings replayed(List<Hit> hits, List<Hit> cityHits) {
        Findings f = new Findings();
        for (Hit h : hits) {
            f.hits.add(h);
            Stage found = stageNamed(h.target());
            if (found != null) {
                if (f.stage == null || f.stage.getStage().ordinal() > found.ordinal()) {
                    f.stage = new SmartSpecialization(found, h.rule(), h.evidence());
                }
            } else {
                f.bottlenecks.computeIfAbsent(h.target(), Bottleneck::new).record(h.rule(), h.evidence());
            }
        }
        for (Hit h : cityHits) {
            f.cityHits.add(h);
            CityIndustryStage.Phase found = CityIndustryStage.Phase.valueOf(h.target());
            if (f.cityStage == null || f.cityStage.getStage().ordinal() < found.ordinal()) {
                f.cityStage = new CityIndustryStage(found, h.rule(), h.evidence());
            }
        }
        return f;
    }

    /**
     * Records a diagnosis match as {@link #bottleneck} does, for a pass computed without a session: the rule, the
     * bottleneck, the evidence and the Unknown facts it matched.
     */
    public void found(String rule, String id, List<Evidence> evidence, List<Unknown> unknown) {
        hits.add(new Hit(rule, id, evidence, unknown.stream().map(Unknown::getIndicator).distinct().toList()));
        bottlenecks.computeIfAbsent(id, Bottleneck::new).addFinding(rule, evidence,
                unknown.stream().map(Unknown::asMissing).toList());
    }

    private static Stage stageNamed(String target) {
        return STAGES.get(target);
    }

    private static final Map<String, Stage> STAGES;

    static {
        Map<String, Stage> stages = new java.util.HashMap<>();
        for (Stage s : Stage.values()) {
            stages.put(s.name(), s);
        }
        STAGES = Map.copyOf(stages);
    }

    private Findings(boolean bounded, Stage settled) {
        this.bounded = bounded;
        this.settled = settled;
    }

    public void bottleneck(RuleContext kcontext, String id) {
        String rule = kcontext.getRule().getName();
        List<?> objects = kcontext.getMatch().getObjects();
        List<Evidence> evidence = matched(objects, Evidence.class);
        List<Unknown> unknown = matched(objects, Unknown.class);
        hits.add(new Hit(rule, id, evidence, indicators(unknown)));
        List<Evidence> presumedOn = unknown.isEmpty() ? List.of() : unknown.stream().map(Unknown::asMissing).toList();
        Bottleneck b = bottlenecks.get(id);
        if (b == null) {
            b = new Bottleneck(id);
            b.addFinding(rule, evidence, presumedOn);
            bottlenecks.put(id, b);
            bottleneckHandles.put(id, kcontext.getKieRuntime().insert(b));
        } else {
            updated(kcontext, bottleneckHandles.get(id), b, b.addFinding(rule, evidence, presumedOn));
        }
    }

    /**
     * Records the stage. At most one SmartSpecialization fact stands: when rules for both stages fire, stage 1
     * wins, because 002 四、(二) puts related diversification first and a region still showing stage-1 signals
     * has not completed it. Stage rules run in the agenda group {@value #STAGE_GROUP}, which fires before any
     * other rule, so this settles before fit rules look.
     */
    public void stage(RuleContext kcontext, Stage found) {
        String rule = kcontext.getRule().getName();
        List<?> objects = kcontext.getMatch().getObjects();
        List<Evidence> evidence = matched(objects, Evidence.class);
        hits.add(new Hit(rule, found.name(), evidence, unknown(objects)));
        if (stage != null && stage.getStage().ordinal() <= found.ordinal()) {
            return;
        }
        if (stageHandle != null) {
            kcontext.getKieRuntime().delete(stageHandle);
            stageHandle = null;
        }
        stage = new SmartSpecialization(found, rule, evidence);
        if (!bounded || found == settled) {
            stageHandle = kcontext.getKieRuntime().insert(stage);
        }
    }

    /**
     * Records the stage of city industry (003). At most one CityIndustryStage fact stands: when rules for several
     * stages fire, the latest stage wins, because 003 describes a city passing through them in order and a city
     * showing the signs of a later stage has entered it. Like the smart-specialization stage it is settled in the
     * agenda group {@value #STAGE_GROUP} before any fit rule looks. It records no hit: it names no bottleneck,
     * and what is missing for it is not a data gap of the diagnosis.
     */
    public void cityStage(RuleContext kcontext, CityIndustryStage.Phase found) {
        List<?> objects = kcontext.getMatch().getObjects();
        cityHits.add(new Hit(kcontext.getRule().getName(), found.name(), matched(objects, Evidence.class),
                unknown(objects)));
        if (cityStage != null && cityStage.getStage().ordinal() >= found.ordinal()) {
            return;
        }
        if (cityStageHandle != null) {
            kcontext.getKieRuntime().delete(cityStageHandle);
        }
        cityStage = new CityIndustryStage(found, kcontext.getRule().getName(), matched(objects, Evidence.class));
        cityStageHandle = kcontext.getKieRuntime().insert(cityStage);
    }

    public void recommend(RuleContext kcontext, String id, double centrality) {
        String rule = kcontext.getRule().getName();
        double c = Math.max(0, Math.min(1, centrality));
        Candidate candidate = candidates.get(id);
        boolean fresh = candidate == null;
        if (fresh) {
            candidate = new Candidate(id);
            candidates.put(id, candidate);
        }
        List<Bottleneck> answered = matched(kcontext, Bottleneck.class);
        Set<String> changed = new LinkedHashSet<>();
        if (answered.isEmpty()) {
            changed.addAll(candidate.opportunity(c, rule));
        }
        for (Bottleneck b : answered) {
            changed.addAll(candidate.address(b.getId(), c, rule));
        }
        if (fresh) {
            candidateHandles.put(id, kcontext.getKieRuntime().insert(candidate));
        } else {
            updated(kcontext, candidateHandles.get(id), candidate, changed);
        }
    }

    public void fit(RuleContext kcontext, String id, double points, String reason) {
        adjust(kcontext, id, Adjustment.Kind.FIT, points, reason);
    }

    public void stageFit(RuleContext kcontext, String id, double points, String reason) {
        adjust(kcontext, id, Adjustment.Kind.STAGE, points, reason);
    }

    public void prerequisite(RuleContext kcontext, String id, double points, String reason) {
        adjust(kcontext, id, Adjustment.Kind.PREREQUISITE, points, reason);
    }

    private void adjust(RuleContext kcontext, String id, Adjustment.Kind kind, double points, String reason) {
        Candidate candidate = candidates.get(id);
        if (candidate != null) {
            Adjustment adjustment = new Adjustment(kind, points, reason, kcontext.getRule().getName());
            List<?> objects = kcontext.getMatch().getObjects();
            List<CityIndustryStage> city = matched(objects, CityIndustryStage.class);
            List<Bottleneck> answered = matched(objects, Bottleneck.class);
            List<String> bottleneckIds = new ArrayList<>(answered.size());
            for (Bottleneck b : answered) {
                bottleneckIds.add(b.getId());
            }
            adjustments.add(new AdjustmentMatch(id, adjustment, java.util.Collections.unmodifiableList(bottleneckIds),
                    city.isEmpty() ? null : city.get(0).getStage(), unknown(objects)));
            updated(kcontext, candidateHandles.get(id), candidate, candidate.adjust(adjustment));
        }
    }

    /** Tells the engine which properties of a fact changed, so only rules constraining them re-evaluate. */
    private static void updated(RuleContext kcontext, FactHandle handle, Object fact, Collection<String> changed) {
        if (!changed.isEmpty()) {
            kcontext.getKieRuntime().update(handle, fact, changed.toArray(String[]::new));
        }
    }

    private static List<String> unknown(List<?> objects) {
        return indicators(matched(objects, Unknown.class));
    }

    /** The indicators of the Unknown facts, each once, in order. */
    private static List<String> indicators(List<Unknown> unknown) {
        return unknown.isEmpty() ? List.of() : unknown.stream().map(Unknown::getIndicator).distinct().toList();
    }

    private static <T> List<T> matched(RuleContext kcontext, Class<T> type) {
        return matched(kcontext.getMatch().getObjects(), type);
    }

    /** The facts of a type a match holds, also inside the lists that {@code collectList} accumulates. */
    public static <T> List<T> matched(List<?> objects, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Object o : objects) {
            if (type.isInstance(o)) {
                found.add(type.cast(o));
            } else if (o instanceof java.util.Collection<?> collected) {
                for (Object c : collected) {
                    if (type.isInstance(c)) {
                        found.add(type.cast(c));
                    }
                }
            }
        }
        return found;
    }

    public Map<String, Bottleneck> bottlenecks() {
        return bottlenecks;
    }

    public Map<String, Candidate> candidates() {
        return candidates;
    }

    /**
     * The stage the rules found, or null when no stage rule fired; in a bounded pass also when it differs from the
     * settled stage (it depends on values not given).
     */
    public SmartSpecialization stage() {
        return bounded && (stage == null || stage.getStage() != settled) ? null : stage;
    }

    /** The stage the rules found on the facts of this pass, whether or not it stands. */
    public SmartSpecialization stageFound() {
        return stage;
    }

    /** What each stage-of-city-industry rule found, in firing order (target: the phase). */
    public List<Hit> cityHits() {
        return cityHits;
    }

    /** Every score adjustment, as its rule made it. */
    public List<AdjustmentMatch> adjustments() {
        return adjustments;
    }

    /** The stage of city industry found, or null when no rule for it fired. */
    public CityIndustryStage cityStage() {
        return cityStage;
    }

    public List<Hit> hits() {
        return hits;
    }
}
