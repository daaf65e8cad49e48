package io.nqpf.advisor.regions;

import io.nqpf.advisor.profile.RegionProfile;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A region profile filled from the census, beside where its figures come from; the profile is postable as-is. */
@Schema(name = "StartingProfile", description = "A valid region profile filled from the census, ready to post to "
        + "/api/v1/recommendations as-is, and the provenance of its figures")
public record StartingProfile(RegionProfile profile, Provenance provenance) {

    @Schema(name = "CensusProvenance", description = "Where the figures of a starting profile come from")
    public record Provenance(
            @Schema(example = "Lei Dong et al., compiled from the statistical bulletins of the 6th (2010) and 7th "
                    + "(2020) national population censuses") String source,
            @Schema(example = "MIT") String license,
            @Schema(description = "Census year of the figures", example = "2020") int censusYear,
            @Schema(description = "How each indicator of the profile was taken from the census table")
            List<Derivation> derivations,
            @Schema(description = "Indicators one might expect from a census that the profile leaves empty, and why")
            List<Derivation> notFilled) {
    }

    @Schema(name = "CensusDerivation", description = "An indicator and how it was derived, or why it was not")
    public record Derivation(
            @Schema(description = "JSON path of the indicator in the profile", example = "talent.populationChangePct")
            String indicator,
            @Schema(example = "annual change 2010→2020: ((population 2020 / population 2010)^(1/10) − 1) × 100, two "
                    + "decimals; 2010 on 2020 boundaries") String method) {
    }
}
