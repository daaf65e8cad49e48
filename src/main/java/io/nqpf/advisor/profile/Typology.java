package io.nqpf.advisor.profile;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What kind of region this is: the typology that fit rules adjust for")
public record Typology(
        @Schema(description = "Old industrial base (老工业基地)") Boolean oldIndustrialBase,
        ResourceType resourceType,
        ResourceCityStage resourceCityStage,
        @Schema(description = "Member of the national industrial transformation and upgrading demonstration zones (产业转型升级示范区)") Boolean demonstrationZone,
        @Schema(description = "Member of a city cluster or metropolitan area with a joint development plan") Boolean cityClusterMember) {
}
