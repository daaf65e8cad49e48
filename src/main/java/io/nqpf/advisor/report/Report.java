package io.nqpf.advisor.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The diagnosis of one region and the ranked countermeasures, each explained and cited")
public record Report(
        @Schema(description = "New for every evaluation") UUID decisionId,
        Instant evaluatedAt,
        @Schema(description = "Language of every text in the report", enumeration = {"zh-CN", "en"}) String language,
        RulesetRef ruleset,
        RegionRef region,
        @Schema(description = "How much of what the rules look at this profile tells, and what that means for an empty or "
                + "short report") CoverageView coverage,
        @Schema(description = "Values that are valid but look mis-entered (a share typed as a fraction, a ten-year change "
                + "typed as an annual rate, a resource-city stage without a resource type); empty when none")
        List<Warning> warnings,
        SmartSpecializationView smartSpecialization,
        @Schema(description = "Bottlenecks found, most severe first") List<BottleneckView> bottlenecks,
        @Schema(description = "Countermeasures, ranked by score; 12 unless the request's limit says otherwise")
        List<RecommendationView> recommendations,
        @Schema(description = "The order in which to take the measures, where the documents set one: 002 四、(一) puts "
                + "institutional reform before specialization bets while a market or innovation-system bottleneck "
                + "stands. Absent when no such order applies") String sequencing,
        @Schema(description = "Bottlenecks that did not fire but whose evidence lies within 10% of a threshold") List<WatchItem> watchlist,
        @Schema(description = "Indicators the profile lacks that rules wanted, ranked by leverage: how much each alone "
                + "could change the answer") List<DataGapView> dataGaps,
        @Schema(description = "The most valuable indicators to collect next, at most five, most valuable first: the "
                + "first data gaps with some leverage, each with the reason in the report's language")
        List<NextIndicator> nextIndicators,
        @Schema(description = "For a prefecture-level region: where it stands among all prefecture-level units of a "
                + "census (2010 or 2020) on the indicators the census covers, each value among the census of its own "
                + "year; a value of a year without a census is listed as not comparable; empty for other levels")
        List<PeerView> peerContext,
        @Schema(description = "Only with explain=full: the rules that fired, in order") List<TraceItem> trace) {

    @Schema(name = "RulesetRef", description = "Identifies the exact rules used")
    public record RulesetRef(String version, String sha256) {
    }

    @Schema(name = "RegionRef")
    public record RegionRef(String regionId, String name, Integer year) {
    }

    @Schema(name = "SmartSpecialization", description = "Smart-specialization stage (002 四、(二))")
    public record SmartSpecializationView(
            @Schema(enumeration = {"STAGE_1_RELATED_DIVERSIFICATION", "STAGE_2_PATH_BREAKING", "UNDETERMINED"},
                    description = "A region between the stages is STAGE_1_RELATED_DIVERSIFICATION with transition true")
            String stage,
            @Schema(description = "How far toward stage 2: the share of the six signals of strong innovation capacity "
                    + "that hold, 0..1 (stage 2 from 4 of 6, the transition at 3 of 6); absent when undetermined",
                    minimum = "0", maximum = "1", example = "0.5") Double readiness,
            @Schema(description = "true for a region between the stages (3 of the 6 signals): it is treated as stage 1 "
                    + "and prepares stage 2") boolean transition,
            String rationale,
            List<EvidenceView> evidence,
            @Schema(description = "For UNDETERMINED: the indicators that would decide the stage") List<String> missingIndicators,
            String rule,
            @Schema(description = "The stage of city industry in 003's evolution logic, which fit rules also use")
            CityIndustryStageView cityIndustryStage,
            @Schema(description = CERTAINTY) String certainty,
            @Schema(description = "For UNDETERMINED: the missing indicators that would decide the stage, with their labels")
            List<IndicatorRef> decidedBy) {
    }

    static final String CERTAINTY = "CERTAIN when the finding holds whatever the values the profile does not give "
            + "would be; PRESUMED when it rests on missing values (decidedBy lists them). Absent for an undetermined stage";

    @Schema(name = "IndicatorRef", description = "A profile indicator with its label in the report's language")
    public record IndicatorRef(@Schema(example = "economy.resourceIndustrySharePct") String indicator,
            @CatalogText String label) {
    }

    @Schema(name = "CityIndustryStage", description = "Stage of city industry (003, 城市产业进化): scale expansion, "
            + "efficiency, or an integrated ecosystem driven by innovation")
    public record CityIndustryStageView(
            @Schema(enumeration = {"SCALE_EXPANSION", "EFFICIENCY", "ECOSYSTEM_INNOVATION", "UNDETERMINED"}) String stage,
            @Schema(description = "The stage's name; absent when undetermined") @CatalogText String title,
            String rationale,
            List<EvidenceView> evidence,
            @Schema(description = "Passages of 003 the stage rests on") List<SourceView> sources,
            String rule,
            @Schema(description = CERTAINTY, enumeration = {"CERTAIN", "PRESUMED"}) String certainty,
            @Schema(description = "For a presumed or undetermined stage: the missing indicators that would decide it")
            List<IndicatorRef> decidedBy) {
    }

    @Schema(name = "Evidence", description = "An indicator of the region past (or, in the watchlist, near) a threshold")
    public record EvidenceView(
            @Schema(description = "JSON path of the field in the request profile", example = "economy.resourceIndustrySharePct") String indicator,
            @CatalogText String label,
            @Schema(description = "The region's value: number, boolean or category") Object value,
            @Schema(description = "The threshold: number, boolean or category") Object threshold,
            @Schema(enumeration = {"<", ">", "<=", ">=", "==", "!="}) String comparison,
            @Schema(description = "Where the threshold comes from") @CatalogText String reference,
            @Schema(description = "Watchlist only: distance to the threshold in the indicator's own units") Double gap,
            @Schema(description = "The year the value describes: its asOf year in the profile, else the profile's "
                    + "year", example = "2020") Integer valueYear,
            @Schema(description = "For a threshold set from a national figure: the year of the figure used, the "
                    + "value's own year or, where that year has none, the nearest earlier one") Integer benchmarkYear) {
    }

    @Schema(name = "Warning", description = "A value to check, in the report's language")
    public record Warning(@Schema(description = "JSON path of the field", example = "talent.agedSharePct") String field,
            @Schema(description = "What the value looks like, stable for machines", enumeration = {"FRACTION_FOR_PERCENT",
                    "TEN_YEAR_CHANGE_AS_ANNUAL", "STAGE_WITHOUT_RESOURCE_TYPE"}) String code,
            String message) {
    }

    @Schema(name = "Coverage", description = "Share of the indicators the rules use that the profile gives, each weighted "
            + "by how many diagnosis and stage rules use it")
    public record CoverageView(
            @Schema(description = "0..1", example = "0.42") double share,
            @Schema(enumeration = {"INSUFFICIENT", "PARTIAL", "GOOD"}, description = "INSUFFICIENT below 0.35, GOOD "
                    + "from 0.7") String verdict,
            @Schema(description = "One sentence in the report's language; for a report without bottlenecks it says "
                    + "whether the region looks sound or the data cannot tell; it also says how many values are "
                    + "older than the profile's year") String summary,
            @Schema(description = "How many of the profile's values describe a year earlier than the profile's "
                    + "(asOf)", example = "3") int olderValues,
            @Schema(description = "The earliest year a value describes, when it is earlier than the profile's year; "
                    + "absent otherwise", example = "2020") Integer oldestYear) {
    }

    @Schema(name = "ClearsWhen", description = "An indicator change that, with the others listed, makes the bottleneck disappear")
    public record ClearsWhenView(String indicator, Object current, Object target,
            @Schema(description = "false for typology a region cannot change") boolean actionable,
            @Schema(description = "true for a change that only keeps the three industry shares summing to 100") Boolean balancing) {
    }

    @Schema(name = "Bottleneck")
    public record BottleneckView(
            @Schema(example = "B-IND-PATH-LOCK") String id,
            @CatalogText String title,
            @CatalogText String description,
            @Schema(minimum = "0", maximum = "1") double severity,
            @Schema(enumeration = {"HIGH", "MEDIUM", "LOW"}) String level,
            List<EvidenceView> evidence,
            List<ClearsWhenView> clearsWhen,
            List<SourceView> sources,
            @Schema(description = "The first rule that found it") String rule,
            @Schema(description = "Every rule that found it") List<String> rules,
            @Schema(description = CERTAINTY, enumeration = {"CERTAIN", "PRESUMED"}) String certainty,
            @Schema(description = "For a PRESUMED bottleneck: the missing indicators that would confirm or clear it")
            List<IndicatorRef> decidedBy) {
    }

    @Schema(name = "SourceCitation", description = "A passage of a source document: document, section and quote identify it "
            + "for machines (quote is a verbatim substring of the document file); the other fields show it to readers")
    public record SourceView(
            @Schema(description = "Source document file name", example = "002_7e91f5c9a91c3b3b.txt") String document,
            @Schema(description = "Heading as numbered in the document, prefixed by its part where the document "
                    + "numbers two series alike", example = "四、(二)") String section,
            @Schema(description = "Verbatim phrase from that passage") String quote,
            @Schema(description = "The paper's title in the report's language; absent where the text states none")
            String title,
            @Schema(description = "What the paper is about, in the report's language (our description)") String subject,
            @Schema(description = "Authors as the text names them") List<String> authors,
            Integer year,
            @Schema(description = "zh-CN only: the quote in simplified characters for display (002 is written in traditional "
                    + "characters); the verbatim quote stays in quote") String quoteSimplified,
            @Schema(description = "How the report cites the passage: title, authors, year, section and quote")
            String citation) {
    }

    @Schema(name = "ScoreFactor")
    public record ScoreFactorView(@CatalogText String factor, String key, double points,
            @Schema(enumeration = {"NEED", "BREADTH", "OPPORTUNITY", "FIT", "STAGE", "PREREQUISITE", "BOUNDS"}) String kind,
            @Schema(description = "For an adjustment a rule made (FIT, STAGE, PREREQUISITE): " + CERTAINTY,
                    enumeration = {"CERTAIN", "PRESUMED"}) String certainty,
            @Schema(description = "For a PRESUMED adjustment: the missing indicators that would decide it")
            List<IndicatorRef> decidedBy) {
    }

    @Schema(name = "Recommendation")
    public record RecommendationView(
            int rank,
            @Schema(example = "C-S3-STAGE1") String id,
            @CatalogText String title,
            @CatalogText String summary,
            List<String> actions,
            @Schema(minimum = "0", maximum = "100") double score,
            @Schema(description = "Points sum to score") List<ScoreFactorView> scoreBreakdown,
            @Schema(description = "Ids of bottlenecks in this report") List<String> addresses,
            String explanation,
            List<SourceView> sources,
            List<String> rules) {
    }

    @Schema(name = "WatchItem")
    public record WatchItem(String id, @CatalogText String title, List<EvidenceView> evidence, List<String> rules) {
    }

    @Schema(name = "DataGap")
    public record DataGapView(String indicator, @CatalogText String label, List<String> neededBy,
            @Schema(description = "Bottleneck ids or stages the indicator could reveal") List<String> couldReveal,
            @Schema(description = "1 for the gap of most leverage") int rank,
            @Schema(description = "How much the indicator alone could change the answer: the least severity of each "
                    + "bottleneck it could reveal on its own, 0.5 for deciding the stage, and a share of each finding "
                    + "it could reveal only with other missing indicators", example = "0.68") double leverage,
            @Schema(description = "Bottlenecks this value alone could reveal, the other observed values as they are")
            List<String> revealsAlone,
            @Schema(description = "Whether this value alone could decide the smart-specialization stage")
            boolean decidesStage,
            @Schema(description = "Rules that want this value and whose other condition is already observed")
            List<PartlyObserved> partlyObserved) {
    }

    @Schema(name = "PartlyObserved", description = "A two-condition (or longer) rule of which one half is observed "
            + "past its threshold and the other half is missing")
    public record PartlyObserved(@Schema(example = "B-INST-TALENT") String bottleneck,
            @Schema(description = "Indicators of the rule already observed past their thresholds") List<String> observed,
            @Schema(description = "Indicators of the rule the profile lacks") List<String> missing) {
    }

    @Schema(name = "Peer", description = "The region's value among all prefecture-level units of one census, "
            + "compared like with like: a value of a census year among that census; a value of another year is not "
            + "ranked (comparable false) and the sentence says why")
    public record PeerView(@Schema(example = "talent.populationChangePct") String indicator, @CatalogText String label,
            @Schema(description = "The profile's value") Object value,
            @Schema(description = "The year the value describes (asOf, else the profile's year)", example = "2020")
            int valueYear,
            @Schema(description = "The census the value is compared with: the value's own year when it is a census "
                    + "year, else the census nearest it", enumeration = {"2010", "2020"}) int censusYear,
            @Schema(description = "false when the value is not of a census year (or, for the annual population "
                    + "change, not the census's ten-year average): it is then not ranked") boolean comparable,
            @Schema(description = "Share of the other units with a lower value, ties counted half, 0..100; absent "
                    + "when not comparable", minimum = "0", maximum = "100") Double percentile,
            @Schema(description = "Median of all prefecture-level units of that census") Object median,
            @Schema(description = "1 for the highest value; absent when not comparable") Integer rank,
            @Schema(description = "Units with a value, the region counted once") int of,
            @Schema(description = "One sentence in the report's language") String sentence) {
    }

    @Schema(name = "NextIndicator", description = "An indicator worth collecting next, and why")
    public record NextIndicator(@Schema(example = "talent.tertiaryEducatedSharePct") String indicator,
            @CatalogText String label,
            @Schema(description = "One sentence in the report's language") String reason,
            @Schema(description = "The other missing values the finding the reason names still needs besides this one, "
                    + "fewest first; empty when this value alone settles it") List<String> alsoNeeded) {
    }

    @Schema(name = "TraceItem")
    public record TraceItem(int order, String rule, String file) {
    }
}
