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

    /** What one diagnosis or stage rule found, with the evidence it matched. */
    public record Hit(String rule, String target, List<Evidence> evidence) {
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

    public void bottleneck(RuleContext kcontext, String id) {
        String rule = kcontext.getRule().getName();
        List<Evidence> evidence = matched(kcontext, Evidence.class);
        hits.add(new Hit(rule, id, evidence));
        Bottleneck b = bottlenecks.get(id);
        if (b == null) {
            b = new Bottleneck(id);
            b.addFinding(rule, evidence);
            bottlenecks.put(id, b);
            bottleneckHandles.put(id, kcontext.getKieRuntime().insert(b));
        } else {
            updated(kcontext, bottleneckHandles.get(id), b, b.addFinding(rule, evidence));
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
        List<Evidence> evidence = matched(kcontext, Evidence.class);
        hits.add(new Hit(rule, found.name(), evidence));
        if (stage != null && stage.getStage().ordinal() <= found.ordinal()) {
            return;
        }
        if (stageHandle != null) {
            kcontext.getKieRuntime().delete(stageHandle);
        }
        stage = new SmartSpecialization(found, rule, evidence);
        stageHandle = kcontext.getKieRuntime().insert(stage);
    }

    /**
     * Records the stage of city industry (003). At most one CityIndustryStage fact stands: when rules for several
     * stages fire, the latest stage wins, because 003 describes a city passing through them in order and a city
     * showing the signs of a later stage has entered it. Like the smart-specialization stage it is settled in the
     * agenda group {@value #STAGE_GROUP} before any fit rule looks. It records no hit: it names no bottleneck,
     * and what is missing for it is not a data gap of the diagnosis.
     */
    public void cityStage(RuleContext kcontext, CityIndustryStage.Phase found) {
        if (cityStage != null && cityStage.getStage().ordinal() >= found.ordinal()) {
            return;
        }
        if (cityStageHandle != null) {
            kcontext.getKieRuntime().delete(cityStageHandle);
        }
        cityStage = new CityIndustryStage(found, kcontext.getRule().getName(), matched(kcontext, Evidence.class));
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
            updated(kcontext, candidateHandles.get(id), candidate,
                    candidate.adjust(new Adjustment(kind, points, reason, kcontext.getRule().getName())));
        }
    }

    /** Tells the engine which properties of a fact changed, so only rules constraining them re-evaluate. */
    private static void updated(RuleContext kcontext, FactHandle handle, Object fact, Collection<String> changed) {
        if (!changed.isEmpty()) {
            kcontext.getKieRuntime().update(handle, fact, changed.toArray(String[]::new));
        }
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
                collected.stream().filter(type::isInstance).map(type::cast).forEach(found::add);
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

    /** The stage found, or null when no stage rule fired. */
    public SmartSpecialization stage() {
        return stage;
    }

    /** The stage of city industry found, or null when no rule for it fired. */
    public CityIndustryStage cityStage() {
        return cityStage;
    }

    public List<Hit> hits() {
        return hits;
    }
}
