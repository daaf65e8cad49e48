package io.nqpf.advisor.profile;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Class of a resource-based city in the 2013 national sustainable-development plan for resource-based cities.")
public enum ResourceCityStage {
    GROWING, MATURE, DECLINING, REGENERATING
}
