package io.nqpf.advisor.profile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The request body: one region described by its typology and indicators. Only the four
 * identifying fields are required; every indicator is nullable, and null means "unknown",
 * never "good".
 */
@Schema(name = "RegionProfile", description = "A region (province, prefecture city, county, district or demonstration zone) "
        + "described by typology and indicators. Only regionId, name, year and level are required; every indicator "
        + "may be null, which means unknown. Percentages are 0-100, not fractions. Unknown fields are rejected.")
public record RegionProfile(
        @NotNull @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = "{constraint.region-id}")
        @Schema(required = true, description = "Stable identifier of the region", example = "beiling-coal", pattern = "^[A-Za-z0-9_.-]{1,64}$")
        String regionId,
        @NotBlank @Size(max = 100)
        @Schema(required = true, description = "Display name", example = "示例：北岭市（衰退型煤炭城市，虚构数据）", maxLength = 100)
        String name,
        @NotNull @Min(2000) @Max(2100)
        @Schema(required = true, description = "Year the indicators describe", example = "2023", minimum = "2000", maximum = "2100")
        Integer year,
        @NotNull
        @Schema(required = true)
        Level level,
        MacroRegion macroRegion,
        SizeClass sizeClass,
        @Valid Typology typology,
        @Valid Economy economy,
        @Valid Innovation innovation,
        @Valid Talent talent,
        @Valid Digital digital,
        @Valid UrbanRural urbanRural,
        @Valid Fiscal fiscal,
        @Valid Governance governance,
        @Valid PublicServices publicServices,
        @Valid UrbanFunction urbanFunction,
        @Schema(description = "The year each value describes, by the JSON path of its field (economy.rdIntensityPct) "
                + "or of its group (talent: every field of the group without a year of its own). A value without one "
                + "is of the profile's year. Benchmarks are chosen by the value's year; a year must lie from 2000 to "
                + "the profile's year", example = "{\"talent.agedSharePct\": 2020}")
        Map<String, Integer> asOf,
        @Schema(description = "Where each value comes from, by the JSON path of its field or group: a text or an "
                + "address, at most " + ValueYears.SOURCE_MAX + " characters",
                example = "{\"talent.agedSharePct\": \"第七次全国人口普查公报\"}")
        Map<String, String> sources) {

    /** A profile without value years or sources: every value is of the profile's year. */
    public RegionProfile(String regionId, String name, Integer year, Level level, MacroRegion macroRegion,
            SizeClass sizeClass, Typology typology, Economy economy, Innovation innovation, Talent talent,
            Digital digital, UrbanRural urbanRural, Fiscal fiscal, Governance governance,
            PublicServices publicServices, UrbanFunction urbanFunction) {
        this(regionId, name, year, level, macroRegion, sizeClass, typology, economy, innovation, talent, digital,
                urbanRural, fiscal, governance, publicServices, urbanFunction, null, null);
    }
}
