package io.nqpf.advisor.profile;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The four statistical macro-regions of China.")
public enum MacroRegion {
    EAST, CENTRAL, WEST, NORTHEAST
}
