package io.nqpf.advisor.engine.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A countermeasure proposed by a rule, either because it answers bottlenecks ({@code addresses}) or because the
 * region is strong enough for it (an opportunity). Fit and prerequisite rules attach {@link Adjustment}s.
 */
public final class Candidate {

    private final String id;
    private final Map<String, Double> addresses = new LinkedHashMap<>();
    private final List<Adjustment> adjustments = new ArrayList<>();
    private final Set<String> rules = new LinkedHashSet<>();
    private double opportunity;

    public Candidate(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    /** Bottleneck id to how central this countermeasure is to it (0..1). */
    public Map<String, Double> addresses() {
        return addresses;
    }

    public List<Adjustment> adjustments() {
        return adjustments;
    }

    public Set<String> rules() {
        return rules;
    }

    /** Centrality (0..1) of an opportunity proposal made without a bottleneck; 0 when none was made. */
    public double opportunity() {
        return opportunity;
    }

    void address(String bottleneckId, double centrality, String rule) {
        addresses.merge(bottleneckId, centrality, Math::max);
        rules.add(rule);
    }

    void opportunity(double centrality, String rule) {
        opportunity = Math.max(opportunity, centrality);
        rules.add(rule);
    }

    void adjust(Adjustment adjustment) {
        adjustments.add(adjustment);
        rules.add(adjustment.rule());
    }
}
