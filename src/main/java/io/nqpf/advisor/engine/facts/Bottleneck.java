package io.nqpf.advisor.engine.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A diagnosed bottleneck. Several diagnosis rules may find the same id; each finding (a rule's match) adds its
 * evidence, and the severity is the highest any finding gives. Countermeasure rules match on
 * {@code Bottleneck( id == "B-INST-MARKET" )}.
 */
public final class Bottleneck {

    /** Severity of a finding whose evidence lies just past its thresholds. */
    public static final double BASE_SEVERITY = 0.35;

    private final String id;
    private double severity;
    private final Map<String, Evidence> evidence = new LinkedHashMap<>();
    private final Set<String> rules = new LinkedHashSet<>();
    private final List<List<Evidence>> findings = new ArrayList<>();

    public Bottleneck(String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    /** 0..1, grows with how far the evidence lies past its thresholds. */
    public double getSeverity() {
        return severity;
    }

    void addFinding(String rule, List<Evidence> found) {
        rules.add(rule);
        findings.add(List.copyOf(found));
        for (Evidence e : found) {
            evidence.putIfAbsent(e.getId(), e);
        }
        severity = Math.max(severity, severityOf(found));
    }

    /** Severity of one finding: the base plus the mean excess of its evidence over the remaining range. */
    static double severityOf(List<Evidence> found) {
        double mean = found.stream().mapToDouble(Evidence::getExcess).average().orElse(0.5);
        return BASE_SEVERITY + (1 - BASE_SEVERITY) * mean;
    }

    public Collection<Evidence> evidence() {
        return evidence.values();
    }

    public Set<String> rules() {
        return rules;
    }

    /** The evidence of each rule match that found this bottleneck: clearing one item of each clears it. */
    public List<List<Evidence>> findings() {
        return findings;
    }
}
