package io.nqpf.advisor.profile;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Urban-rural integration")
public record UrbanRural(
        @DecimalMin("1") @DecimalMax("10") @Schema(description = "Urban / rural per-capita disposable income", minimum = "1", maximum = "10") Double incomeRatio,
        @DecimalMin("0") @DecimalMax("1000000") @Schema(description = "Rural per-capita disposable income, yuan", minimum = "0", maximum = "1000000") Double ruralIncomeYuan,
        @Schema(deprecated = true, description = "Deprecated: urban and rural resident pensions were merged nationally "
                + "in 2014 (国发〔2014〕8号), so this is no signal any more; accepted and used by no rule")
        Boolean pensionIntegrated,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Villages / township clinics reached by telemedicine, %", minimum = "0", maximum = "100") Double ruralTelemedicineCoveragePct) {
}
