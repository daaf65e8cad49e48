package io.nqpf.advisor.profile;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Population and human capital")
public record Talent(
        @Min(0) @Schema(description = "Resident population", minimum = "0") Long residentPopulation,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Urbanization rate of the resident population, %", minimum = "0", maximum = "100") Double urbanizationRatePct,
        @DecimalMin("-20") @DecimalMax("20") @Schema(description = "Annual change of the resident population, %", minimum = "-20", maximum = "20") Double populationChangePct,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Residents with tertiary education, %", minimum = "0", maximum = "100") Double tertiaryEducatedSharePct,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Residents aged 65 and over, %", minimum = "0", maximum = "100") Double agedSharePct,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Skilled workers, % of employed", minimum = "0", maximum = "100") Double skilledWorkerSharePct,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Rural workforce with junior-high schooling or less, %", minimum = "0", maximum = "100") Double ruralLaborLowEducationPct,
        @DecimalMin("-50") @DecimalMax("200") @Schema(description = "Resident minus registered (hukou) population, % of the registered population: positive where people without local hukou live, negative where registered residents have left", minimum = "-50", maximum = "200") Double registeredResidentGapPct) {
}
