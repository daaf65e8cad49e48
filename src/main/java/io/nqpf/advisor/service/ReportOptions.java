package io.nqpf.advisor.service;

import io.nqpf.advisor.knowledge.Language;

/**
 * What a client asked to receive of each report.
 *
 * @param summary   the summary view (ids, levels, scores, no texts) instead of the full report
 * @param explain   the full report's trace of fired rules
 * @param limit     the most countermeasures listed
 * @param watchlist the summary's watchlist (the full report always has it)
 * @param dataGaps  the summary's data gaps (likewise)
 * @param nextIndicators the summary's indicators to collect next (likewise)
 * @param peerContext    the summary's standing among the census's prefecture-level units (likewise)
 */
public record ReportOptions(Language language, boolean summary, boolean explain, int limit, boolean watchlist,
        boolean dataGaps, boolean nextIndicators, boolean peerContext) {

    public ReportOptions(Language language, boolean summary, boolean explain, int limit, boolean watchlist,
            boolean dataGaps) {
        this(language, summary, explain, limit, watchlist, dataGaps, false, false);
    }

    /** The full report in {@code language}. */
    public static ReportOptions full(Language language, boolean explain, int limit) {
        return new ReportOptions(language, false, explain, limit, true, true, true, true);
    }

    /** Whether the evaluation needs the what-if pass, which only the watchlist and the data gaps use. */
    boolean whatIf() {
        return !summary || watchlist || dataGaps || nextIndicators;
    }
}
