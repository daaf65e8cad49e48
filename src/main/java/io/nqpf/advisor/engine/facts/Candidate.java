package io.nqpf.advisor.engine.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A countermeasure proposed by a rule, either because it answers bottlenecks ({@code addresses}) or because the
 * region is strong enough for it (an opportunity). Fit and prerequisite rules attach {@link Adjustment}s. Only
 * {@link Findings} changes it, and tells the engine which properties changed.
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
    public Map<String, Double> getAddresses() {
        return Collections.unmodifiableMap(addresses);
    }

    public List<Adjustment> getAdjustments() {
        return Collections.unmodifiableList(adjustments);
    }

    public Set<String> getRules() {
        return Collections.unmodifiableSet(rules);
    }

    /** Centrality (0..1) of an opportunity proposal made without a bottleneck; 0 when none was made. */
    public double getOpportunity() {
        return opportunity;
    }

    /** Records that this answers a bottleneck and returns the names of the properties that changed. */
    List<String> address(String bottleneckId, double centrality, String rule) {
        Double before = addresses.get(bottleneckId);
        addresses.merge(bottleneckId, centrality, Math::max);
        return changed(!addresses.get(bottleneckId).equals(before) ? "addresses" : null, rule);
    }

    /** Records an opportunity proposal and returns the names of the properties that changed. */
    List<String> opportunity(double centrality, String rule) {
        double before = opportunity;
        opportunity = Math.max(opportunity, centrality);
        return changed(opportunity != before ? "opportunity" : null, rule);
    }

    /** Attaches an adjustment and returns the names of the properties that changed. */
    List<String> adjust(Adjustment adjustment) {
        adjustments.add(adjustment);
        return changed("adjustments", adjustment.rule());
    }

    private List<String> changed(String property, String rule) {
        List<String> changed = new ArrayList<>();
        if (property != null) {
            changed.add(property);
        }
        if (rules.add(rule)) {
            changed.add("rules");
        }
        return changed;
    }
}
