package io.nqpf.advisor.profile;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Digital infrastructure, data governance and data security")
public record Digital(
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Internet penetration in urban areas, %", minimum = "0", maximum = "100") Double internetPenetrationUrbanPct,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Internet penetration in rural areas, %", minimum = "0", maximum = "100") Double internetPenetrationRuralPct,
        @DecimalMin("0") @DecimalMax("500") @Schema(description = "5G base stations per 10,000 residents", minimum = "0", maximum = "500") Double fiveGStationsPer10k,
        @Schema(description = "A unified data-sharing platform / city brain is in operation") Boolean cityDataPlatform,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Government services that can be completed online, %", minimum = "0", maximum = "100") Double govServicesOnlinePct,
        @Schema(description = "A dedicated data-security supervision body runs regular audits") Boolean dataSecurityAuthority,
        @DecimalMin("0") @DecimalMax("100000") @Schema(description = "Reported data-leak / personal-information cases per 100,000 residents", minimum = "0", maximum = "100000") Double dataIncidentsPer100k) {
}
