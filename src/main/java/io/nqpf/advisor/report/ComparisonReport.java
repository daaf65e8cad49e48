package io.nqpf.advisor.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ComparisonReport", description = "How the diagnosis and the ranking changed from one profile to another")
public record ComparisonReport(
        String language,
        Report.RulesetRef ruleset,
        Report.RegionRef before,
        Report.RegionRef after,
        @Schema(description = "Smart-specialization stage before and after") StageChange stage,
        @Schema(description = "Bottlenecks found before but not after because values changed; never one lost only "
                + "because its evidence is missing after (see noLongerObservable)") List<BottleneckChange> resolved,
        @JsonProperty("new") @Schema(name = "new", description = "Bottlenecks found after but not before because values "
                + "changed; never one found only because its evidence is newly given (see becameObservable)")
        List<BottleneckChange> introduced,
        @Schema(description = "Bottlenecks found in both; delta is the severity change that changed values cause, "
                + "with the indicators observed on one side only held alike") List<BottleneckChange> persisting,
        @Schema(description = "Countermeasures whose rank moved, appeared or disappeared") List<RankMove> rankMoves,
        @Schema(description = "Indicators given in both profiles whose value changed, with the bottlenecks they moved")
        List<IndicatorChange> indicatorChanges,
        @Schema(description = "Indicators given after but not before") List<ObservationChange> newlyObserved,
        @Schema(description = "Indicators given before but not after") List<ObservationChange> noLongerObserved,
        @Schema(description = "Bottlenecks found after but not before whose finding rests on a newly observed "
                + "indicator: the earlier profile could not show them; causedBy names those indicators")
        List<BottleneckChange> becameObservable,
        @Schema(description = "Bottlenecks found before but not after only because their evidence is missing after: "
                + "not resolved; causedBy names the indicators no longer given") List<BottleneckChange> noLongerObservable,
        @Schema(description = "Bottlenecks that cleared or appeared only because the national figure their threshold "
                + "is set from moved (the region's value did not change, or its year did not): neither resolved nor "
                + "new. One entry per indicator whose benchmark moved, with both national figures and their years")
        List<BenchmarkShift> benchmarkShift,
        @Schema(description = "Stage of city industry (003) before and after") StageChange cityIndustryStage) {

    @Schema(name = "BenchmarkShift", description = "A bottleneck that cleared or appeared because the national "
            + "benchmark of one of its indicators moved, not because the region's value did")
    public record BenchmarkShift(@Schema(example = "B-DEMOGRAPHIC-PRESSURE") String id, String title,
            @Schema(enumeration = {"CLEARED", "APPEARED"}, description = "CLEARED: found before, not after; APPEARED: "
                    + "found after, not before") String shift,
            @Schema(example = "talent.agedSharePct") String indicator,
            @Schema(description = "The region's value where the bottleneck was found") Object value,
            @Schema(description = "The year that value describes", example = "2020") Integer valueYear,
            @Schema(description = "The national figure the threshold was set from before") National before,
            @Schema(description = "The national figure it is set from after") National after) {
    }

    @Schema(name = "NationalFigure", description = "A national figure of benchmarks.yaml and its year")
    public record National(@Schema(example = "2020") Integer year, @Schema(example = "13.5") Double national) {
    }

    @Schema(name = "ObservationChange", description = "An indicator given in one profile only")
    public record ObservationChange(String indicator, String label,
            @Schema(description = "Its value in the profile that gives it") Object value,
            @Schema(description = "Bottleneck ids whose finding in that profile rests on it") List<String> bottlenecks) {
    }

    @Schema(name = "StageChange")
    public record StageChange(String before, String after) {
    }

    @Schema(name = "BottleneckChange")
    public record BottleneckChange(String id, String title, Double severityBefore, Double severityAfter,
            @Schema(description = "severityAfter - severityBefore; absent unless found in both") Double delta,
            @Schema(description = "Changed indicators among its evidence: what caused the change") List<String> causedBy) {
    }

    @Schema(name = "RankMove")
    public record RankMove(String id, String title,
            @Schema(description = "Absent when not recommended before") Integer rankBefore,
            @Schema(description = "Absent when not recommended after") Integer rankAfter,
            Double scoreBefore, Double scoreAfter,
            @Schema(description = "Positive when it moved up") Integer move) {
    }

    @Schema(name = "IndicatorChange")
    public record IndicatorChange(String indicator, String label, Object before, Object after,
            @Schema(description = "Bottleneck ids whose presence or severity this change affected") List<String> affects) {
    }
}
