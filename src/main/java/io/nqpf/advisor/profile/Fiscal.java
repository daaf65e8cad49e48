package io.nqpf.advisor.profile;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Public finances")
public record Fiscal(
        @DecimalMin("0") @DecimalMax("300") @Schema(description = "General budget revenue / expenditure, %", minimum = "0", maximum = "300") Double fiscalSelfSufficiencyPct,
        @DecimalMin("0") @DecimalMax("1000") @Schema(description = "Government debt, % of general budget revenue", minimum = "0", maximum = "1000") Double govDebtRatioPct) {
}
