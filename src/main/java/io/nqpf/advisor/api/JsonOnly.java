package io.nqpf.advisor.api;

import io.nqpf.advisor.profile.Text;
import jakarta.ws.rs.core.MediaType;

/**
 * Admin operations take {@code application/json} only, also when their body is empty. A browser sends that type
 * cross-site only after a CORS preflight, which this service never grants, so a page on another site cannot make a
 * browser with cached admin credentials validate or reload rules.
 */
final class JsonOnly {

    private JsonOnly() {
    }

    static void require(String contentType) {
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.isWildcardType()
                || type.isWildcardSubtype()) {
            throw new TextedWebException(415, contentType == null ? Text.of("content-type.absent")
                    : Text.of("content-type.json", contentType));
        }
    }
}
