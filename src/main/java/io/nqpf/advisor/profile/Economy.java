package io.nqpf.advisor.profile;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@SharesSumTo100
@Schema(description = "Economic structure. primarySharePct + secondarySharePct + tertiarySharePct must be 100 ± 2 when all three are given.")
public record Economy(
        @DecimalMin("0") @DecimalMax("1000000") @Schema(description = "GDP per capita, yuan", minimum = "0", maximum = "1000000") Double gdpPerCapitaYuan,
        @DecimalMin("-50") @DecimalMax("50") @Schema(description = "Real GDP growth, %", minimum = "-50", maximum = "50") Double gdpGrowthPct,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Primary industry, % of GDP", minimum = "0", maximum = "100") Double primarySharePct,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Secondary industry, % of GDP", minimum = "0", maximum = "100") Double secondarySharePct,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Tertiary industry, % of GDP", minimum = "0", maximum = "100") Double tertiarySharePct,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Mining and primary resource processing, % of industrial value added", minimum = "0", maximum = "100") Double resourceIndustrySharePct,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "The single largest industry, % of industrial value added", minimum = "0", maximum = "100") Double largestIndustrySharePct,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Strategic emerging industries, % of GDP", minimum = "0", maximum = "100") Double strategicEmergingSharePct,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Digital-economy core industries, % of GDP", minimum = "0", maximum = "100") Double digitalEconomyCoreSharePct,
        @Min(0) @Schema(description = "Number of certified high-tech enterprises", minimum = "0") Integer highTechEnterprises,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Private economy, % of GDP", minimum = "0", maximum = "100") Double privateEconomySharePct,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "State-owned enterprises, % of industrial value added", minimum = "0", maximum = "100") Double stateOwnedIndustrySharePct,
        @DecimalMin("0") @DecimalMax("20") @Schema(description = "Energy use per 10,000 yuan of GDP, tonnes of standard coal", minimum = "0", maximum = "20") Double energyIntensityTcePer10kYuan,
        @DecimalMin("0") @DecimalMax("50") @Schema(description = "Surveyed urban unemployment rate, %", minimum = "0", maximum = "50") Double unemploymentRatePct,
        @DecimalMin("0") @DecimalMax("500") @Schema(description = "Foreign trade (imports + exports), % of GDP", minimum = "0", maximum = "500") Double foreignTradePctGdp,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "High-technology manufacturing, % of the value added of industry above designated size", minimum = "0", maximum = "100") Double highTechManufacturingSharePct,
        @Min(0) @Schema(description = "Number of national-level specialized, refined, distinctive and innovative (专精特新) 'little giant' firms", minimum = "0") Integer specializedSmes) {
}
