package io.nqpf.advisor.api.security;

import io.micrometer.core.instrument.config.MeterFilter;
import io.nqpf.advisor.api.Problem;
import io.nqpf.advisor.api.RequestedLanguage;
import io.nqpf.advisor.config.AdvisorConfig;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.Text;
import io.vertx.core.json.Json;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;

/**
 * The first thing every request meets. Methods outside HTTP's standard set are answered 405 at once (a client
 * error, counted as one), and the method tag of the HTTP metrics is bounded to that set, so made-up methods add no
 * metric series. A request whose
 * body has not fully arrived within {@code advisor.http.request-timeout} of its headers is answered 408 and its
 * connection closed, so slow senders cannot hold connections open.
 */
@ApplicationScoped
public class HttpEdge {

    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");
    /** Distinct URI tags kept at most on the HTTP metrics; route templates are far fewer. */
    private static final int MAX_URI_TAGS = 200;

    private final Duration requestTimeout;

    public HttpEdge(AdvisorConfig config) {
        this.requestTimeout = config.http().requestTimeout();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::admit);
    }

    private void admit(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (!METHODS.contains(request.method().name())) {
            rc.response().setStatusCode(405).putHeader("Content-Type", "application/problem+json")
                    .putHeader("Allow", "GET, HEAD, POST, OPTIONS")
                    .end(problem(request, "method-not-allowed", 405, Text.of("http.405.unknown")));
            return;
        }
        if (!bodyArrived(request)) {
            long timer = rc.vertx().setTimer(requestTimeout.toMillis(), id -> {
                if (!bodyArrived(request) && !rc.response().ended()) {
                    rc.response().setStatusCode(408).putHeader("Content-Type", "application/problem+json")
                            .putHeader("Connection", "close")
                            .end(problem(request, "request-timeout", 408,
                                    Text.of("http.408.within", requestTimeout.toSeconds())));
                    request.connection().close();
                }
            });
            rc.addEndHandler(done -> rc.vertx().cancelTimer(timer));
        }
        rc.next();
    }

    /** A problem answered before JAX-RS, in the request's language as every other problem. */
    static String problem(HttpServerRequest request, String kind, int status, Text detail) {
        Language language = RequestedLanguage.forProblem(request.getParam("lang"), request.getHeader("Accept-Language"));
        return Json.encode(Problem.of(kind, Text.of("http." + status + ".title"), status, detail, language));
    }

    /** The request has ended, or as many body bytes as announced have been read (the body reader may hold the end). */
    private static boolean bodyArrived(HttpServerRequest request) {
        if (request.isEnded()) {
            return true;
        }
        String length = request.getHeader("Content-Length");
        try {
            return length != null && request.bytesRead() >= Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Any method tag outside the standard set is recorded as OTHER. */
    @Produces
    @Singleton
    MeterFilter boundedMethodTags() {
        return MeterFilter.replaceTagValues("method", m -> METHODS.contains(m) ? m : "OTHER");
    }

    /** A ceiling on URI tags in case a route ever records raw paths. */
    @Produces
    @Singleton
    MeterFilter boundedUriTags() {
        return MeterFilter.maximumAllowableTags("http.server.requests", "uri", MAX_URI_TAGS, MeterFilter.deny());
    }
}
