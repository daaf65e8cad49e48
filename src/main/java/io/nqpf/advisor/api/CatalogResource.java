package io.nqpf.advisor.api;

import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.Citation;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.service.RulesetService;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/catalog")
@Tag(name = "Catalog", description = "What the engine knows: every bottleneck and countermeasure with its sources")
public class CatalogResource {

    @Schema(name = "CatalogEntry")
    public record Entry(String id, String title, String description,
            @Schema(description = "Countermeasures only") String summary,
            @Schema(description = "Countermeasures only") List<String> actions,
            List<Citation> sources) {
    }

    @Schema(name = "CatalogView")
    public record View(String language, String rulesetVersion, List<Entry> bottlenecks, List<Entry> countermeasures) {
    }

    private final RulesetService service;

    public CatalogResource(RulesetService service) {
        this.service = service;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getCatalog", summary = "List every bottleneck and countermeasure",
            description = "Titles, descriptions, actions and verbatim citations of the active ruleset's catalog.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = View.class)))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "503", ref = "NoRuleset")
    public View catalog(@BeanParam RequestedLanguage requested) {
        Language language = requested.language();
        var ruleset = service.active();
        Catalog catalog = ruleset.catalog();
        List<Entry> bottlenecks = catalog.bottlenecks().values().stream()
                .map(b -> new Entry(b.id(), b.title().in(language), b.description().in(language), null, null, b.sources()))
                .sorted(Comparator.comparing(Entry::id)).toList();
        List<Entry> countermeasures = catalog.countermeasures().values().stream()
                .map(c -> new Entry(c.id(), c.title().in(language), c.description().in(language),
                        c.summary().in(language), c.actions().in(language), c.sources()))
                .sorted(Comparator.comparing(Entry::id)).toList();
        return new View(language.tag(), ruleset.version(), bottlenecks, countermeasures);
    }
}
