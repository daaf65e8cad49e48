package io.nqpf.advisor.profile;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Urban function, built environment and resilience")
public record UrbanFunction(
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Housing stock needing renovation, %", minimum = "0", maximum = "100") Double oldHousingSharePct,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Idle or inefficient industrial land, % of industrial land", minimum = "0", maximum = "100") Double idleIndustrialLandSharePct,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Green coverage of the built-up area, %", minimum = "0", maximum = "100") Double greenCoveragePct,
        @DecimalMin("0") @DecimalMax("500") @Schema(description = "Annual mean PM2.5, µg/m³", minimum = "0", maximum = "500") Double pm25,
        @Schema(description = "A city-wide smart early-warning and emergency-response system is in operation") Boolean earlyWarningSystem,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Days of good air quality (AQI 100 or below), % of the days monitored", minimum = "0", maximum = "100") Double goodAirDaysPct) {
}
