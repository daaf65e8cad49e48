package io.nqpf.advisor.api.security;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A route of the tests only that does what Vert.x's static files do while they look for a file on a busy machine:
 * it holds its request paused, and answers later than the test profile's request timeout (2 s).
 */
@ApplicationScoped
public class PausedSlowRoute {

    static final String PATH = "/test-only/paused-slow";
    static final long DELAY_MILLIS = 3_000;

    void install(@Observes Router router) {
        router.get(PATH).handler(rc -> {
            rc.request().pause();
            rc.vertx().setTimer(DELAY_MILLIS, id -> {
                rc.request().resume();
                rc.response().putHeader("Content-Type", "text/plain").end("answered by the handler");
            });
        });
    }
}
