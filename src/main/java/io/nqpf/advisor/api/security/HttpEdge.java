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
 * connection closed, so slow senders cannot hold connections open. The limit is on the body's arrival only: once an
 * operation that takes no body has started (a reload), it is answered by that operation however long it takes.
 */
@ApplicationScoped
public class HttpEdge {

    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");
    /** Set on a request whose operation takes no body: the service does not wait for one. */
    private static final String BODY_UNUSED = "advisor.body-unused";
    /** Parameter types that Quarkus REST fills from the request's context, never from its body. */
    private static final Set<Class<?>> CONTEXT_TYPES = Set.of(jakarta.ws.rs.core.UriInfo.class,
            jakarta.ws.rs.core.HttpHeaders.class, jakarta.ws.rs.core.Request.class, jakarta.ws.rs.core.SecurityContext.class,
            jakarta.ws.rs.container.ContainerRequestContext.class, RoutingContext.class, HttpServerRequest.class,
            io.vertx.core.http.HttpServerResponse.class, io.quarkus.security.identity.SecurityIdentity.class);
    /** Distinct URI tags kept at most on the HTTP metrics; route templates are far fewer. */
    private static final int MAX_URI_TAGS = 200;

    private final Duration requestTimeout;
    /** Whether each resource method takes a body, worked out once per method. */
    private final java.util.Map<java.lang.reflect.Method, Boolean> takesBody = new java.util.concurrent.ConcurrentHashMap<>();

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
                if (!bodyArrived(request) && !rc.response().ended() && rc.get(BODY_UNUSED) == null) {
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

    /**
     * Marks a request whose operation takes no body, so that the request timeout does not answer it while the
     * operation runs: the service is not waiting for its body (a request filter runs before any body is read). The
     * body of one that takes a body is read within its endpoint's limit ({@link BoundedBodies}).
     */
    @org.jboss.resteasy.reactive.server.ServerRequestFilter
    public void markBodyUnused(jakarta.ws.rs.container.ResourceInfo resource, RoutingContext rc,
            jakarta.ws.rs.container.ContainerRequestContext request) {
        java.lang.reflect.Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        if (!takesBody.computeIfAbsent(method, HttpEdge::hasEntityParameter)) {
            rc.put(BODY_UNUSED, Boolean.TRUE);
        } else {
            BoundedBodies.bound(request, rc);
        }
    }

    /** A JAX-RS entity parameter: one without a parameter annotation of JAX-RS or Quarkus REST, nor a context type. */
    static boolean hasEntityParameter(java.lang.reflect.Method method) {
        java.lang.reflect.Parameter[] parameters = method.getParameters();
        for (java.lang.reflect.Parameter p : parameters) {
            boolean fromRequest = java.util.Arrays.stream(p.getAnnotations()).map(a -> a.annotationType().getPackageName())
                    .anyMatch(pkg -> pkg.equals("jakarta.ws.rs") || pkg.startsWith("org.jboss.resteasy.reactive"));
            if (!fromRequest && !CONTEXT_TYPES.contains(p.getType())) {
                return true;
            }
        }
        return false;
    }

    /** A problem answered before JAX-RS, in the request's language as every other problem. */
    static String problem(HttpServerRequest request, String kind, int status, Text detail) {
        Language language = RequestedLanguage.forProblem(request.getParam("lang"), request.getHeader("Accept-Language"));
        return Json.encode(Problem.of(kind, Text.of("http." + status + ".title"), status, detail, language));
    }

    /** Whether the request's framing announces a body: a Content-Length or a Transfer-Encoding (RFC 9112, 6.3). */
    static boolean declaresBody(HttpServerRequest request) {
        return request.headers().contains("Content-Length") || request.headers().contains("Transfer-Encoding");
    }

    /** The request has ended, or as many body bytes as announced have been read (the body reader may hold the end). */
    private static boolean bodyArrived(HttpServerRequest request) {
        if (request.isEnded()) {
            return true;
        }
        // HTTP/1.x: a request that declares no body has none. It may not be "ended" yet while a handler holds it
        // paused (Vert.x's static files do while they look for the file), and a slow answer to it is the handler's,
        // never a body that did not arrive.
        if (request.version() != io.vertx.core.http.HttpVersion.HTTP_2 && !declaresBody(request)) {
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
