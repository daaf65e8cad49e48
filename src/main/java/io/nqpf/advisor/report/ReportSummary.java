package io.nqpf.advisor.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The report for integrations ({@code view=summary}): the same decision, ids, levels, severities, scores and
 * counterfactuals as the full report, without its texts (titles, descriptions, actions, explanations, evidence
 * sentences, citations). Ids, ranks and scores equal those of the full report of the same profile and ruleset.
 */
@Schema(name = "ReportSummary", description = "The report without texts, for integrations (view=summary): ids, "
        + "levels, severities, scores with their breakdown points, stage, clearsWhen, coverage and the input "
        + "warnings; include= adds any other part of the full report. Ids, ranks and "
        + "scores equal those of the full report; texts are in the catalog (GET /api/v1/catalog)")
public record ReportSummary(
        @Schema(description = "New for every evaluation") UUID decisionId,
        Instant evaluatedAt,
        Report.RulesetRef ruleset,
        Report.RegionRef region,
        Coverage coverage,
        @Schema(description = "Values that are valid but look mis-entered, as in the full report (its only texts, in "
                + "the request's language): always listed, empty when none") List<Report.Warning> warnings,
        @Schema(description = "Smart-specialization stage (002 四、(二))",
                enumeration = {"STAGE_1_RELATED_DIVERSIFICATION", "STAGE_2_PATH_BREAKING", "UNDETERMINED"})
        String stage,
        @Schema(description = "true for a region between the stages (treated as stage 1)") boolean transition,
        @Schema(description = "Bottlenecks found, most severe first") List<Bottleneck> bottlenecks,
        @Schema(description = "Countermeasures, ranked by score; 12 unless the request's limit says otherwise")
        List<Recommendation> recommendations,
        @Schema(description = "Only with include=watchlist: bottlenecks that did not fire but whose evidence lies "
                + "within 10% of a threshold") List<Watch> watchlist,
        @Schema(description = "Only with include=dataGaps: indicators the profile lacks that rules wanted, most "
                + "consequential first") List<DataGap> dataGaps,
        @Schema(description = "Only with include=nextIndicators: the indicators most worth collecting next, most "
                + "valuable first, as in the full report") List<String> nextIndicators,
        @Schema(description = "Only with include=peerContext: where the region stands among the census's "
                + "prefecture-level units, as in the full report without its sentences") List<Peer> peerContext) {

    @Schema(name = "PeerSummary", description = "The region's value among the prefecture-level units of a census; "
            + "the full report's Peer without its texts")
    public record Peer(String indicator, Object value, int valueYear, int censusYear, boolean comparable,
            Double percentile, Object median, Integer rank, int of) {
    }

    @Schema(name = "CoverageSummary", description = "Share of the indicators the rules use that the profile gives")
    public record Coverage(@Schema(description = "0..1", example = "0.42") double share,
            @Schema(enumeration = {"INSUFFICIENT", "PARTIAL", "GOOD"}) String verdict,
            @Schema(description = "How many values describe a year earlier than the profile's (asOf)") int olderValues,
            @Schema(description = "The earliest such year; absent when none") Integer oldestYear) {
    }

    @Schema(name = "BottleneckSummary")
    public record Bottleneck(@Schema(example = "B-IND-PATH-LOCK") String id,
            @Schema(minimum = "0", maximum = "1") double severity,
            @Schema(enumeration = {"HIGH", "MEDIUM", "LOW"}) String level,
            List<Report.ClearsWhenView> clearsWhen,
            @Schema(description = "CERTAIN when it holds whatever the missing values are; PRESUMED when it rests on them",
                    enumeration = {"CERTAIN", "PRESUMED"}) String certainty,
            @Schema(description = "For a PRESUMED bottleneck: the missing indicators that would confirm or clear it")
            List<String> decidedBy) {
    }

    @Schema(name = "RecommendationSummary")
    public record Recommendation(int rank, @Schema(example = "C-S3-STAGE1") String id,
            @Schema(minimum = "0", maximum = "100") double score,
            @Schema(description = "Points sum to score") List<Factor> scoreBreakdown,
            @Schema(description = "Ids of bottlenecks in this report") List<String> addresses) {
    }

    @Schema(name = "ScoreFactorSummary", description = "A score factor by its key (its label is in the catalog)")
    public record Factor(String key, double points,
            @Schema(enumeration = {"NEED", "BREADTH", "OPPORTUNITY", "FIT", "STAGE", "PREREQUISITE", "BOUNDS"}) String kind) {
    }

    @Schema(name = "WatchSummary")
    public record Watch(String id, @Schema(description = "The indicators near their thresholds") List<String> indicators) {
    }

    @Schema(name = "DataGapSummary")
    public record DataGap(String indicator,
            @Schema(description = "Bottleneck ids or stages the indicator could reveal") List<String> couldReveal,
            @Schema(description = "How much the indicator alone could change the answer; gaps come most leverage first",
                    example = "0.68") double leverage) {
    }
}
