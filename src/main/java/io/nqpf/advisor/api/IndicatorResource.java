package io.nqpf.advisor.api;

import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.report.IndicatorDictionary;
import io.nqpf.advisor.service.RulesetService;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import io.nqpf.advisor.profile.Text;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/indicators")
@Tag(name = "Indicators", description = "The data dictionary: what each indicator of the region profile is in "
        + "official statistics, where to find it and how to compute it")
public class IndicatorResource {

    private final RulesetService service;

    public IndicatorResource(RulesetService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listIndicators", summary = "The data dictionary of every profile indicator",
            description = "For each indicator of the region profile, in the order of the profile: label, official "
                    + "Chinese name, definition, usual official source, unit, formula, a note where the field differs "
                    + "from the official statistic, the national benchmark series its thresholds use (each year with "
                    + "its source) and the bottlenecks and stage rules that use it. From the active ruleset's "
                    + "catalog/dictionary.yaml; docs/indicators.md is rendered from the same data.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = IndicatorDictionary.Entry.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "503", ref = "NoRuleset")
    public List<IndicatorDictionary.Entry> list(@BeanParam RequestedLanguage requested) {
        return IndicatorDictionary.entries(service.active(), requested.language());
    }

    @GET
    @Path("/{indicator}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getIndicator", summary = "The data dictionary entry of one indicator",
            description = "The entry of one profile indicator, named by its JSON path (e.g. innovation.rdIntensityPct), "
                    + "in the request's language; an indicator the profile does not have is a 404 problem")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = IndicatorDictionary.Entry.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", description = "No indicator of the region profile has this JSON path",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", ref = "NoRuleset")
    public IndicatorDictionary.Entry one(
            @Parameter(description = "JSON path of the indicator", example = "innovation.rdIntensityPct")
            @PathParam("indicator") String indicator,
            @BeanParam RequestedLanguage requested) {
        Language language = requested.language();
        return IndicatorDictionary.entries(service.active(), language).stream()
                .filter(e -> e.indicator().equals(indicator)).findFirst()
                .orElseThrow(() -> new TextedWebException(404, Text.of("indicator.unknown", indicator)));
    }
}
