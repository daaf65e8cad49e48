package io.nqpf.advisor.profile;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Public services")
public record PublicServices(
        @DecimalMin("0") @DecimalMax("50") @Schema(description = "Hospital beds per 1,000 residents", minimum = "0", maximum = "50") Double hospitalBedsPer1000,
        @DecimalMin("0") @DecimalMax("20") @Schema(description = "Licensed (assistant) physicians per 1,000 residents", minimum = "0", maximum = "20") Double physiciansPer1000,
        @DecimalMin("0") @DecimalMax("200") @Schema(description = "Elderly-care beds per 1,000 aged residents", minimum = "0", maximum = "200") Double elderlyCareBedsPer1000Aged,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Medical institutions offering telemedicine, %", minimum = "0", maximum = "100") Double telemedicineCoveragePct,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Schools offering online / remote education, %", minimum = "0", maximum = "100") Double onlineEducationCoveragePct) {
}
