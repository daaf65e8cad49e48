package io.nqpf.advisor.regions;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One census year of a region; a figure the bulletin did not publish is null. */
@Schema(name = "CensusFigures", description = "Figures of one census for a region; absent where the bulletin did not "
        + "publish them")
public record CensusFigures(
        @Schema(description = "Census year", example = "2020") int year,
        @Schema(description = "Resident population (persons)", example = "689611") Long population,
        @Schema(description = "Urban share of the resident population, %, one decimal", example = "77.2")
        Double urbanizationRatePct,
        @Schema(description = "Residents aged 65 and over, %", example = "15.16") Double agedSharePct) {
}
