package io.nqpf.advisor.abuse;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records the requests that carry {@code X-Ended-Probe: <id>} whose routing context ran its end handlers: the service
 * cancels a request's timers there, and a timer left running keeps the request and its connection reachable until it
 * fires.
 */
@ApplicationScoped
public class EndedRequests {

    static final Set<String> ENDED = ConcurrentHashMap.newKeySet();

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String id = rc.request().getHeader("X-Ended-Probe");
            if (id != null) {
                rc.addEndHandler(done -> ENDED.add(id));
            }
            rc.next();
        });
    }
}
