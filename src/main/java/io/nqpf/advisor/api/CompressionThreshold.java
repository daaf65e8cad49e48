package io.nqpf.advisor.api;

import io.nqpf.advisor.config.AdvisorConfig;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * gzip only where it pays: an answer whose length is known when its headers are written and is below
 * {@code advisor.http.compression-threshold} bytes (1024 by default) is sent as it is, although the client accepts gzip
 * and its media type is one of {@code quarkus.http.compress-media-types}; larger answers, and answers streamed without a
 * length (batches), are compressed at {@code quarkus.http.compression-level}. Vert.x 4 has no size threshold of its
 * own: it leaves alone an answer marked {@code Content-Encoding: identity}, which is what Quarkus's compression handler
 * removes for the media types it compresses. This handler's check is added before Quarkus's, so it runs after it
 * (Vert.x Web runs headers-end handlers last added first) and has the last word.
 */
@ApplicationScoped
public class CompressionThreshold {

    private final int threshold;

    public CompressionThreshold(AdvisorConfig config) {
        this.threshold = config.http().compressionThreshold();
    }

    void install(@Observes Router router) {
        if (threshold > 0) {
            router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
        }
    }

    private void check(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> {
            MultiMap headers = rc.response().headers();
            String length = headers.get(HttpHeaders.CONTENT_LENGTH);
            if (length != null && !headers.contains(HttpHeaders.CONTENT_ENCODING) && shorter(length)) {
                headers.set(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
            }
        });
        rc.next();
    }

    private boolean shorter(String length) {
        try {
            return Long.parseLong(length.trim()) < threshold;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
