package io.nqpf.advisor.api;

import io.nqpf.advisor.regions.CensusRegion;
import io.nqpf.advisor.regions.CensusTable;
import io.nqpf.advisor.regions.RegionDirectory;
import io.nqpf.advisor.regions.StartingProfile;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/regions")
@Tag(name = "Regions", description = "Prefecture-level regions with their 2010 and 2020 census figures (Lei Dong et "
        + "al., from the 6th and 7th national population census bulletins, MIT License), and starting profiles")
public class RegionResource {

    private static final int DEFAULT_LIMIT = 20;
    private static final int MAX_LIMIT = 100;

    private final RegionDirectory directory;

    public RegionResource(RegionDirectory directory) {
        this.directory = directory;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchRegions", summary = "Find regions by name or administrative code",
            description = "Regions in code order whose name contains q (with or without the suffix 市, 地区 or 自治州), "
                    + "whose name q spells in toneless pinyin (full syllables run together, the last one may be cut "
                    + "short, or the initials of consecutive characters), or, when q is digits, whose 6-digit "
                    + "administrative code starts with q. Without q the first regions by code.")
    @APIResponse(responseCode = "200", description = "The matching regions, at most limit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = CensusRegion.class),
                    examples = @ExampleObject(name = "七台河", value = "[{\"code\":\"230900\",\"name\":\"七台河市\","
                            + "\"province\":\"黑龙江省\",\"provinceCode\":\"230000\",\"level\":\"PREFECTURE\","
                            + "\"macroRegion\":\"NORTHEAST\",\"census\":[{\"year\":2010,\"population\":920471,"
                            + "\"urbanizationRatePct\":67.7,\"agedSharePct\":6.86},{\"year\":2020,\"population\":689611,"
                            + "\"urbanizationRatePct\":77.2,\"agedSharePct\":15.16}]}]")))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    public List<CensusRegion> search(
            @Parameter(description = "Part of a name in Chinese (七台河, 七台河市) or in pinyin, in full syllables or "
                    + "initials (qitaihe, qth), or the start of a 6-digit administrative code (2309, 230900); empty or "
                    + "absent lists the first regions by code",
                    example = "七台河")
            @QueryParam("q") String q,
            @Parameter(description = "The most regions to list, 1 to 100; 20 when absent",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit) {
        return directory.search(q, QueryParameters.wholeNumber("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT));
    }

    @GET
    @Path("/{code}/profile")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getStartingProfile", summary = "A starting profile of a region from one census",
            description = "A valid region profile with the census figures of the year: resident population, "
                    + "urbanization rate, share aged 65 and over and, for 2020, the annual population change since "
                    + "2010. Post profile as-is to /api/v1/recommendations, or add the indicators you know first. "
                    + "provenance says where each figure comes from, and why sizeClass is not filled (the census table "
                    + "has no urban-district population, which the size class of 国发〔2014〕51号 is set by).")
    @APIResponse(responseCode = "200", description = "The profile and the provenance of its figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = StartingProfile.class),
                    examples = @ExampleObject(name = "七台河 2020", value = "{\"profile\":{\"regionId\":\"cn-230900\","
                            + "\"name\":\"七台河市\",\"year\":2020,\"level\":\"PREFECTURE\",\"macroRegion\":\"NORTHEAST\","
                            + "\"talent\":{\"residentPopulation\":689611,\"urbanizationRatePct\":77.2,"
                            + "\"populationChangePct\":-2.85,\"agedSharePct\":15.16}},\"provenance\":{\"source\":\""
                            + RegionDirectory.SOURCE + "\",\"license\":\"MIT\",\"censusYear\":2020,\"derivations\":["
                            + "{\"indicator\":\"talent.residentPopulation\",\"method\":\"resident population, 2020\"},"
                            + "{\"indicator\":\"talent.urbanizationRatePct\",\"method\":\"urban / resident population × "
                            + "100, one decimal, 2020\"},{\"indicator\":\"talent.agedSharePct\",\"method\":\"share aged 65 "
                            + "and over, 2020\"},{\"indicator\":\"talent.populationChangePct\",\"method\":\"annual change "
                            + "2010→2020: ((population 2020 / population 2010)^(1/10) − 1) × 100, two decimals; 2010 on "
                            + "2020 boundaries\"}],\"notFilled\":[{\"indicator\":\"sizeClass\",\"method\":\""
                            + RegionDirectory.SIZE_CLASS_NOT_FILLED + "\"}]}}")))
    @APIResponse(responseCode = "400", ref = "InvalidInput")
    @APIResponse(responseCode = "404", ref = "UnknownRegion")
    @APIResponse(responseCode = "422", ref = "NoCensusFigures")
    public StartingProfile profile(
            @Parameter(description = "6-digit administrative code", example = "230900") @PathParam("code") String code,
            @Parameter(description = "Census year: 2010 or 2020; 2020 when absent",
                    schema = @Schema(type = SchemaType.INTEGER, enumeration = {"2010", "2020"}, defaultValue = "2020"))
            @QueryParam("year") String year, @Context UriInfo uri) {
        // an empty ?year= is a mistake to name, not an absent year
        boolean given = year != null || uri.getQueryParameters().containsKey("year");
        return directory.startingProfile(code, censusYear(given && year == null ? "" : year));
    }

    private static int censusYear(String year) {
        if (year == null) {
            return CensusTable.LAST_YEAR;
        }
        return CensusTable.YEARS.stream().filter(y -> String.valueOf(y).equals(year.trim())).findFirst()
                .orElseThrow(() -> QueryParameters.invalid("year", "query.year", year));
    }
}
