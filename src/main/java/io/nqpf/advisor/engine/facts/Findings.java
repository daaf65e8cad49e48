package io.nqpf.advisor.engine.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The global {@code findings} through which rule consequences report what they found. Every DRL file declares
 * {@code global io.nqpf.advisor.engine.facts.Findings findings;} and calls, with the rule's {@code kcontext}:
 * <ul>
 *   <li>{@code findings.bottleneck(kcontext, "B-…")} — diagnosis: the matched Evidence is the bottleneck's evidence;</li>
 *   <li>{@code findings.stage(kcontext, Stage.…)} — the smart-specialization stage;</li>
 *   <li>{@code findings.recommend(kcontext, "C-…", centrality)} — a countermeasure for the matched bottlenecks,
 *       or an opportunity when the match holds no bottleneck;</li>
 *   <li>{@code findings.fit / stageFit / prerequisite(kcontext, "C-…", points, "factor-key")} — score adjustments.</li>
 * </ul>
 */
public final class Findings {

    /** What one diagnosis or stage rule found, with the evidence it matched. */
    public record Hit(String rule, String target, List<Evidence> evidence) {
    }

    private final Map<String, Bottleneck> bottlenecks = new LinkedHashMap<>();
    private final Map<String, FactHandle> bottleneckHandles = new LinkedHashMap<>();
    private final Map<String, Candidate> candidates = new LinkedHashMap<>();
    private SmartSpecialization stage;
    private FactHandle stageHandle;
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
            double before = b.getSeverity();
            b.addFinding(rule, evidence);
            if (b.getSeverity() != before) {
                kcontext.getKieRuntime().update(bottleneckHandles.get(id), b);
            }
        }
    }

    /**
     * Records the stage. At most one SmartSpecialization fact stands: when rules for both stages fire, stage 1
     * wins, because 002 四、(二) puts related diversification first and a region still showing stage-1 signals
     * has not completed it. Stage rules carry a high salience so this settles before fit rules look.
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
        if (answered.isEmpty()) {
            candidate.opportunity(c, rule);
        }
        for (Bottleneck b : answered) {
            candidate.address(b.getId(), c, rule);
        }
        if (fresh) {
            kcontext.getKieRuntime().insert(candidate);
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
            candidate.adjust(new Adjustment(kind, points, reason, kcontext.getRule().getName()));
        }
    }

    private static <T> List<T> matched(RuleContext kcontext, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Object o : kcontext.getMatch().getObjects()) {
            if (type.isInstance(o)) {
                found.add(type.cast(o));
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

    public List<Hit> hits() {
        return hits;
    }
}
