package io.nqpf.advisor.api;

import io.nqpf.advisor.spreadsheets.SheetUpload;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Whether a report, a batch or a comparison is answered as a spreadsheet: {@code format=xlsx} (or {@code csv} for a
 * batch), else an {@code Accept} that prefers the workbook's or CSV's media type to JSON. Shared as a
 * {@code @BeanParam}; without either the answer is JSON as before.
 */
public class AnswerFormat {

    static final String XLSX = "xlsx";
    static final String CSV = "csv";
    static final String JSON = "json";

    @QueryParam("format")
    @Parameter(description = "xlsx: answer a workbook (" + SheetUpload.XLSX + "), as Accept: " + SheetUpload.XLSX
            + " does; csv (batches only): the overview as CSV; json (the default): JSON. Lets a browser link download "
            + "the workbook. The workbook's sheets: overview, bottlenecks with their evidence, measures with score "
            + "breakdown, actions and citations, data gaps with the indicators to collect next, refused rows "
            + "(batches) and the changes (comparisons); docs/spreadsheets.md",
            schema = @Schema(type = SchemaType.STRING, enumeration = {JSON, XLSX, CSV}))
    String format;

    @HeaderParam(HttpHeaders.ACCEPT)
    @Parameter(hidden = true)
    String accept;

    /** The spreadsheet media type to answer in, or empty for JSON (or NDJSON); {@code csv} only where allowed. */
    Optional<String> sheet(boolean csvAllowed) {
        if (format != null) {
            List<String> allowed = csvAllowed ? List.of(JSON, XLSX, CSV) : List.of(JSON, XLSX);
            String chosen = QueryParameters.oneOf("format", format, allowed, JSON);
            return chosen.equals(XLSX) ? Optional.of(SheetUpload.XLSX)
                    : chosen.equals(CSV) ? Optional.of(SheetUpload.CSV) : Optional.empty();
        }
        for (MediaType type : acceptable()) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return Optional.empty();
            }
            String name = type.getType() + "/" + type.getSubtype();
            if (name.equals(SheetUpload.XLSX)) {
                return Optional.of(SheetUpload.XLSX);
            }
            if (csvAllowed && name.equals(SheetUpload.CSV)) {
                return Optional.of(SheetUpload.CSV);
            }
            if (type.getSubtype().contains("json")) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The media types of Accept, most preferred first (by q, a stable sort keeping the client's order). */
    private List<MediaType> acceptable() {
        List<MediaType> types = new ArrayList<>();
        if (accept == null || accept.isBlank()) {
            return types;
        }
        for (String part : accept.split(",")) {
            try {
                types.add(MediaType.valueOf(part.trim()));
            } catch (IllegalArgumentException e) {
                // a range the client cannot mean is no preference
            }
        }
        types.sort(Comparator.comparingDouble(AnswerFormat::quality).reversed());
        return types;
    }

    private static double quality(MediaType type) {
        try {
            return Double.parseDouble(type.getParameters().getOrDefault("q", "1"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
