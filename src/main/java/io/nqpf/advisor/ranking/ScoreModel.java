package io.nqpf.advisor.ranking;

/**
 * The constants of the score model, documented in {@code docs/ranking.md}. A countermeasure's score (0..100) is
 * the sum of its factors:
 * <ul>
 *   <li>need: {@value #NEED} × the highest severity × centrality among the bottlenecks it addresses;</li>
 *   <li>breadth: {@value #BREADTH} × the sum of severity × centrality of the other bottlenecks it addresses,
 *       at most {@value #BREADTH_CAP};</li>
 *   <li>opportunity: {@value #OPPORTUNITY} × centrality when a rule proposes it for a strength of the region;</li>
 *   <li>fit, stage and prerequisite points that rules attach;</li>
 *   <li>diversity: minus {@value #DIVERSITY} for each measure ranked above it that answers the same main
 *       bottleneck;</li>
 *   <li>bounds: whatever keeps the sum within 0..100.</li>
 * </ul>
 * Each factor is rounded to 0.1 before summing, so the breakdown adds up to the score exactly.
 */
public final class ScoreModel {
    public static final double NEED = 50;
    public static final double BREADTH = 8;
    public static final double BREADTH_CAP = 16;
    public static final double OPPORTUNITY = 35;
    public static final double MAX = 100;
    public static final double DIVERSITY = 10;

    public static final String FACTOR_NEED = "score.need";
    public static final String FACTOR_BREADTH = "score.breadth";
    public static final String FACTOR_OPPORTUNITY = "score.opportunity";
    public static final String FACTOR_BOUNDS = "score.bounds";
    public static final String FACTOR_DIVERSITY = "score.diversity";

    private ScoreModel() {
    }

    /** Rounds to one decimal, the precision of every published point and score. */
    static long tenths(double points) {
        return Math.round(points * 10);
    }
}
