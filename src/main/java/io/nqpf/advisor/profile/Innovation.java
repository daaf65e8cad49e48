package io.nqpf.advisor.profile;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Innovation capacity")
public record Innovation(
        @DecimalMin("0") @DecimalMax("20") @Schema(description = "R&D expenditure, % of GDP", minimum = "0", maximum = "20") Double rdIntensityPct,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Share of R&D spent by enterprises, %", minimum = "0", maximum = "100") Double enterpriseRdSharePct,
        @DecimalMin("0") @DecimalMax("1000") @Schema(description = "Valid invention patents per 10,000 residents", minimum = "0", maximum = "1000") Double inventionPatentsPer10k,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Technology-contract turnover, % of GDP", minimum = "0", maximum = "100") Double techContractTurnoverPctGdp,
        @Min(0) @Schema(description = "National-level innovation platforms (key labs, engineering centres, ...)", minimum = "0") Integer nationalInnovationPlatforms,
        @Min(0) @Schema(description = "Universities and colleges", minimum = "0") Integer universities) {
}
