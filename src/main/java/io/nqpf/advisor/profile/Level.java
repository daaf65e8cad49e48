package io.nqpf.advisor.profile;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Administrative level of the region.")
public enum Level {
    PROVINCE, PREFECTURE, COUNTY, DISTRICT, ZONE
}
