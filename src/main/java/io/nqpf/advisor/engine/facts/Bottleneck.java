package io.nqpf.advisor.engine.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A diagnosed bottleneck. Several diagnosis rules may find the same id; each finding (a rule's match) adds its
 * evidence, and the severity is the highest any finding gives. Countermeasure rules match on
 * {@code Bottleneck( id == "B-INST-MARKET" )}. Only {@link Findings} changes it, and tells the engine which
 * properties changed, so that a rule re-fires only when a property it constrains changes.
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

    /** Adds one finding and returns the names of the properties it changed. */
    List<String> addFinding(String rule, List<Evidence> found) {
        return addFinding(rule, found, List.of());
    }

    /**
     * Adds one finding that may rest on missing values ({@code presumedOn}: MISSING evidence of the Unknown facts the
     * rule matched). Those are part of the finding, so that clearsWhen can name the missing value as the lever, but
     * neither evidence shown nor counted in the severity.
     */
    List<String> addFinding(String rule, List<Evidence> found, List<Evidence> presumedOn) {
        int changes = add(rule, found, presumedOn);
        List<String> changed = new ArrayList<>(4);
        changed.add("findings");
        if ((changes & RULES) != 0) {
            changed.add("rules");
        }
        if ((changes & EVIDENCE) != 0) {
            changed.add("evidence");
        }
        if ((changes & SEVERITY) != 0) {
            changed.add("severity");
        }
        return changed;
    }

    private static final int RULES = 1;
    private static final int EVIDENCE = 2;
    private static final int SEVERITY = 4;

    /** Adds one finding, as {@link #addFinding(String, List, List)} does, for a pass with no session to tell. */
    void record(String rule, List<Evidence> found) {
        add(rule, found, List.of());
    }

    /** Adds one finding; which of rules, evidence and severity it changed, as bits. */
    private int add(String rule, List<Evidence> found, List<Evidence> presumedOn) {
        int changed = 0;
        if (presumedOn.isEmpty()) {
            findings.add(List.copyOf(found));
        } else {
            List<Evidence> finding = new ArrayList<>(found.size() + presumedOn.size());
            finding.addAll(found);
            finding.addAll(presumedOn);
            findings.add(List.copyOf(finding));
        }
        if (rules.add(rule)) {
            changed |= RULES;
        }
        boolean newEvidence = false;
        for (Evidence e : found) {
            newEvidence |= evidence.putIfAbsent(e.getId(), e) == null;
        }
        if (newEvidence) {
            changed |= EVIDENCE;
        }
        double before = severity;
        severity = Math.max(severity, severityOf(found));
        if (severity != before) {
            changed |= SEVERITY;
        }
        return changed;
    }

    /** Severity of one finding: the base plus the mean excess of its evidence over the remaining range. */
    static double severityOf(List<Evidence> found) {
        // the mean of one value is that value (the stream's compensated sum of one value is exact)
        double mean = found.size() == 1 ? found.get(0).getExcess()
                : found.stream().mapToDouble(Evidence::getExcess).average().orElse(0.5);
        return BASE_SEVERITY + (1 - BASE_SEVERITY) * mean;
    }

    public Collection<Evidence> getEvidence() {
        return Collections.unmodifiableCollection(evidence.values());
    }

    public Set<String> getRules() {
        return Collections.unmodifiableSet(rules);
    }

    /** The evidence of each rule match that found this bottleneck: clearing one item of each clears it. */
    public List<List<Evidence>> getFindings() {
        return Collections.unmodifiableList(findings);
    }
}
