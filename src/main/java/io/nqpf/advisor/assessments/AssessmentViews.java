package io.nqpf.advisor.assessments;

import com.fasterxml.jackson.databind.JsonNode;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.report.ComparisonReport;
import io.nqpf.advisor.report.Report;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the assessment operations take and answer. */
public final class AssessmentViews {

    private AssessmentViews() {
    }

    @Schema(name = "AssessmentRequest", description = "An evaluation to keep: the profile is evaluated by the active "
            + "ruleset and kept with its report")
    public record SaveRequest(@Schema(required = true) RegionProfile profile,
            @Schema(maxLength = 200, description = "A title of the planner's choice") String title,
            @Schema(maxLength = 4000, description = "A note of the planner's choice") String note) {
    }

    @Schema(name = "AssessmentPatch", description = "Members given are set (null clears); members left out stay")
    public record Patch(@Schema(maxLength = 200, nullable = true) String title,
            @Schema(maxLength = 4000, nullable = true) String note) {
    }

    @Schema(name = "Assessment", description = "A saved evaluation: the profile as sent, the report as answered then, "
            + "and who saved it with which ruleset. The report is never re-rendered: a replay shows what the active "
            + "ruleset would answer")
    public record Assessment(
            @Schema(description = "Stable id; the console opens it at /#/assessments/{id}") String id,
            String regionId, String regionName, int year, String title, String note,
            @Schema(description = "The language the report was answered in", enumeration = {"zh-CN", "en"}) String language,
            @Schema(description = "The ruleset that answered the report") Report.RulesetRef ruleset,
            @Schema(description = "The report's decision id") String decisionId,
            String savedBy, Instant savedAt, String updatedBy, Instant updatedAt,
            @Schema(description = "1 when saved, one more at each annotation") int revision,
            @Schema(description = "The console's link to it") String link,
            @Schema(implementation = RegionProfile.class, description = "The profile as sent") JsonNode profile,
            @Schema(implementation = Report.class, description = "The report as answered when saved") JsonNode report) {
    }

    @Schema(name = "AssessmentListItem", description = "An assessment without its profile and report")
    public record Item(String id, String regionId, String regionName, int year, String title,
            Report.RulesetRef ruleset, String savedBy, Instant savedAt, Instant updatedAt, String link) {
    }

    @Schema(name = "AssessmentList")
    public record Listing(List<Item> assessments,
            @Schema(description = "Assessments that match, of which at most limit are listed from offset") int total,
            int limit, int offset) {
    }

    @Schema(name = "Replay", description = "The stored profile evaluated again with the active ruleset, beside the "
            + "report as saved: what the ruleset change moved")
    public record Replay(String assessmentId,
            @Schema(description = "The ruleset that answered the saved report") Report.RulesetRef saved,
            @Schema(description = "The active ruleset, which answered this replay") Report.RulesetRef replayed,
            @Schema(description = "Whether the two rulesets differ (by hash)") boolean rulesetChanged,
            @Schema(description = "The saved report against the replay: bottlenecks resolved, new and persisting, "
                    + "countermeasures moved. The profile is the same on both sides, so every change is the rules'")
            ComparisonReport changes,
            @Schema(description = "The report of the active ruleset") Report report) {
    }

    @Schema(name = "RegionProblems", description = "问题清单: every bottleneck of a region's saved assessments, year by "
            + "year; each year counts its latest saved assessment")
    public record RegionProblems(String regionId, String regionName,
            @Schema(description = "Years with a saved assessment, ascending") List<Integer> years,
            @Schema(description = "The assessment each year counts, by year") Map<String, String> assessments,
            List<ProblemItem> problems) {
    }

    @Schema(name = "ProblemItem", description = "One bottleneck across the years")
    public record ProblemItem(String id, String title, int firstSeen, int lastSeen,
            @Schema(enumeration = {"OPEN", "PERSISTING", "RESOLVED", "BENCHMARK_SHIFT", "NOT_OBSERVABLE"},
                    description = "In the latest year: OPEN found then but not the year before, PERSISTING found then "
                            + "and the year before; not found then: RESOLVED by changed values (resolvedBy names them: "
                            + "销号 with evidence), BENCHMARK_SHIFT cleared only because the national figure of its "
                            + "threshold moved, NOT_OBSERVABLE because the values it rests on were not given")
            String state,
            @Schema(description = "Severity 0..1 by year in which it was found") Map<String, Double> severityByYear,
            @Schema(description = "Level by year in which it was found") Map<String, String> levelByYear,
            @Schema(description = "RESOLVED: the values that changed and cleared it; BENCHMARK_SHIFT: its values, "
                    + "unchanged; NOT_OBSERVABLE: the values no longer given") List<ValueChange> resolvedBy,
            @Schema(description = "Countermeasures recommended for it, by year") Map<String, List<MeasureItem>> measuresByYear) {
    }

    @Schema(name = "ValueChange", description = "An indicator between the last year a bottleneck was found and the latest")
    public record ValueChange(String indicator, String label,
            @Schema(description = "Its value the last year the bottleneck was found") Object before,
            @Schema(description = "Its value in the latest year; absent when not given") Object after,
            @Schema(description = "The year of each value") Integer beforeYear, Integer afterYear) {
    }

    @Schema(name = "MeasureItem")
    public record MeasureItem(String id, String title, int rank, double score) {
    }
}
