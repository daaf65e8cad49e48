package io.nqpf.advisor.profile;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Institutions and business environment")
public record Governance(
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Business-environment evaluation score, 0-100", minimum = "0", maximum = "100") Double businessEnvironmentScore,
        @DecimalMin("0") @DecimalMax("1000") @Schema(description = "Working days to approve an investment project, start to finish", minimum = "0", maximum = "1000") Double approvalDays,
        @Schema(description = "Sandbox or inclusive-prudent regulation for new industries is in force") Boolean inclusiveRegulation,
        @Schema(description = "Already a national comprehensive innovation-reform pilot") Boolean innovationReformPilot) {
}
