package io.nqpf.advisor.profile;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "City size class by urban population (MEGA >= 10M, EXTRA_LARGE 5-10M, LARGE 1-5M, MEDIUM 0.5-1M, SMALL < 0.5M).")
public enum SizeClass {
    MEGA, EXTRA_LARGE, LARGE, MEDIUM, SMALL, TOWN
}
