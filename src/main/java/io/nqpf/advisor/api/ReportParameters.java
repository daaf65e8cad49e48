package io.nqpf.advisor.api;

import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.report.ReportAssembler;
import io.nqpf.advisor.service.ReportOptions;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters that shape each report, shared by the single and the batch evaluation as a {@code @BeanParam}. */
public class ReportParameters {

    static final String SUMMARY = "summary";
    static final String FULL = "full";
    static final String WATCHLIST = "watchlist";
    static final String DATA_GAPS = "dataGaps";
    static final String NEXT_INDICATORS = "nextIndicators";
    static final String PEER_CONTEXT = "peerContext";
    static final String WARNINGS = "warnings";
    /** Every part of the full report that the summary may be asked to include. */
    static final String INCLUDABLE = "watchlist|dataGaps|nextIndicators|peerContext|warnings";

    @QueryParam("view")
    @Parameter(hidden = true, description = "summary: the answer of the operation's /summary twin (kept for clients "
            + "written before it; the document describes each view by its own operation, so that generated clients "
            + "get both shapes)")
    String view;

    @QueryParam("include")
    @Parameter(description = "Summaries (the /summary operations): also list the parts of the full report named, "
            + "comma-separated: watchlist, dataGaps, nextIndicators (these three cost a second rules pass), "
            + "peerContext, and warnings (always listed: accepted so that any part of the full report may be named); "
            + "the full report always has them all and accepts it",
            schema = @Schema(type = SchemaType.STRING, pattern = "^(" + INCLUDABLE + ")(,(" + INCLUDABLE + "))*$",
                    example = "watchlist,dataGaps"))
    String include;

    @QueryParam("limit")
    @Parameter(description = "The most countermeasures to list in each report: a whole number from 1 to 100, or all "
            + "for every ranked measure; 12 when absent",
            schema = @Schema(type = SchemaType.STRING, pattern = "^(all|[1-9][0-9]?|100)$", defaultValue = "12"),
            examples = {@ExampleObject(name = "twelve", value = "12"), @ExampleObject(name = "all", value = "all")})
    String limit;

    /** The options these parameters ask for, or a 400 problem naming the parameter that is wrong. */
    ReportOptions options(Language language, boolean explain) {
        return options(language, explain,
                QueryParameters.oneOf("view", view, List.of(SUMMARY, FULL), FULL).equals(SUMMARY));
    }

    /** The options of a /summary operation: the summary whatever view says. */
    ReportOptions summaryOptions(Language language) {
        return options(language, false, true);
    }

    private ReportOptions options(Language language, boolean explain, boolean summary) {
        List<String> included = QueryParameters.listOf("include", include,
                List.of(WATCHLIST, DATA_GAPS, NEXT_INDICATORS, PEER_CONTEXT, WARNINGS));
        int most = QueryParameters.wholeNumberOrAll("limit", limit, 1, 100, Integer.MAX_VALUE, ReportAssembler.DEFAULT_LIMIT);
        return summary
                ? new ReportOptions(language, true, explain, most, included.contains(WATCHLIST),
                        included.contains(DATA_GAPS), included.contains(NEXT_INDICATORS), included.contains(PEER_CONTEXT))
                : ReportOptions.full(language, explain, most);
    }
}
