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

    @QueryParam("view")
    @Parameter(hidden = true, description = "summary: the answer of the operation's /summary twin (kept for clients "
            + "written before it; the document describes each view by its own operation, so that generated clients "
            + "get both shapes)")
    String view;

    @QueryParam("include")
    @Parameter(description = "Summaries (the /summary operations): also list the watchlist and/or the data gaps, "
            + "comma-separated (they cost a second rules pass); the full report always has both and accepts it",
            schema = @Schema(type = SchemaType.STRING, pattern = "^(watchlist|dataGaps)(,(watchlist|dataGaps))*$",
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
        List<String> included = QueryParameters.listOf("include", include, List.of(WATCHLIST, DATA_GAPS));
        int most = QueryParameters.wholeNumberOrAll("limit", limit, 1, 100, Integer.MAX_VALUE, ReportAssembler.DEFAULT_LIMIT);
        return summary
                ? new ReportOptions(language, true, explain, most, included.contains(WATCHLIST), included.contains(DATA_GAPS))
                : ReportOptions.full(language, explain, most);
    }
}
