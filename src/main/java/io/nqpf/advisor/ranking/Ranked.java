package io.nqpf.advisor.ranking;

import io.nqpf.advisor.engine.facts.Adjustment;
import io.nqpf.advisor.engine.facts.Candidate;
import java.util.List;

/** A scored countermeasure: rank, score and the factors that add up to it. */
public record Ranked(int rank, Candidate candidate, double score, List<Factor> breakdown) {

    /**
     * One line of the score breakdown: a factor key (label in the catalog's factors), its points, its kind, and the
     * adjustment a rule made for it (null for the factors of the score model).
     */
    public record Factor(String key, double points, Adjustment.Kind kind, Adjustment adjustment) {
        public Factor(String key, double points, Adjustment.Kind kind) {
            this(key, points, kind, null);
        }
    }
}
