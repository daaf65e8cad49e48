package io.nqpf.advisor.profile;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Main resource a resource-based city depends on; NONE for other regions.")
public enum ResourceType {
    NONE, COAL, FORESTRY, NONFERROUS, OIL_GAS, FERROUS, OTHER
}
