package io.nqpf.advisor.api;

import io.nqpf.advisor.spreadsheets.SheetUpload;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/spreadsheets")
@Tag(name = "Spreadsheets", description = "The region sheet a planning office fills in and uploads to the batch")
public class SpreadsheetResource {

    private final SpreadsheetAnswers sheets;

    public SpreadsheetResource(SpreadsheetAnswers sheets) {
        this.sheets = sheets;
    }

    @GET
    @Path("/template")
    @Produces({SheetUpload.XLSX, SheetUpload.CSV})
    @Operation(operationId = "getSpreadsheetTemplate", summary = "The template of the region sheet",
            description = "A workbook generated from the region profile and the data dictionary of the active ruleset: "
                    + "one row per region, one column per profile field with its label and unit in the asked language, "
                    + "the field paths in a second header row (so that a sheet filled in either language reads back), "
                    + "data validation of categories, yes/no values and ranges, each header's definition, official "
                    + "source and formula as a note, a year and a source column beside each value where the profile "
                    + "carries them, a frozen header, instructions and a dictionary sheet. format=csv gives the two "
                    + "header rows as CSV, UTF-8 with a byte order mark. Upload the filled sheet to "
                    + "POST /api/v1/recommendations/batch.")
    @APIResponse(responseCode = "200", content = {
        @Content(mediaType = SheetUpload.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = SheetUpload.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "503", ref = "NoRuleset")
    public Response template(@BeanParam RequestedLanguage language,
            @Parameter(description = "xlsx (the default) or csv",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"xlsx", "csv"}, defaultValue = "xlsx"))
            @QueryParam("format") String format) {
        boolean csv = QueryParameters.oneOf("format", format, List.of("xlsx", "csv"), "xlsx").equals("csv");
        return sheets.template(language.language(), csv);
    }
}
