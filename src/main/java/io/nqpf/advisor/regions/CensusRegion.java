package io.nqpf.advisor.regions;

import io.nqpf.advisor.profile.Level;
import io.nqpf.advisor.profile.MacroRegion;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row of the census table: a prefecture-level region with the figures of each census that has them. */
@Schema(name = "CensusRegion", description = "A region of the directory with its 2010 and 2020 census figures")
public record CensusRegion(
        @Schema(description = "6-digit administrative code", example = "230900") String code,
        @Schema(example = "七台河市") String name,
        @Schema(example = "黑龙江省") String province,
        @Schema(description = "6-digit administrative code of the province", example = "230000") String provinceCode,
        @Schema(description = "PROVINCE for the four municipalities and the special administrative regions, COUNTY "
                + "for county-level units administered by the province, else PREFECTURE") Level level,
        @Schema(description = "Absent for Hong Kong and Macao, which the four-region division does not cover")
        MacroRegion macroRegion,
        @Schema(description = "One entry per census with a published population, oldest first") List<CensusFigures> census) {

    /** The regionId of the region's profiles, e.g. cn-230900. */
    public String regionId() {
        return "cn-" + code;
    }

    public Optional<CensusFigures> figures(int year) {
        return census.stream().filter(f -> f.year() == year).findFirst();
    }
}
