package io.nqpf.advisor.api.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nqpf.advisor.config.AdvisorConfig;
import io.nqpf.advisor.profile.Text;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * What every request meets after {@link HttpEdge}: ambiguous framing is refused, a body announced larger than its
 * endpoint takes is refused before a byte of it is read, and an API request is started only when {@link Admission}
 * has room for it. While an answer is written, a client that stops reading it for {@code advisor.http.write-timeout}
 * has its connection closed, so that it holds no thread and no memory.
 */
@ApplicationScoped
public class RequestGate {

    /** Where the body limit of a request is kept for {@link BoundedBodies}. */
    static final String LIMIT = "advisor.body-limit";

    private static final Logger LOG = Logger.getLogger(RequestGate.class);
    private static final long RETRY_AFTER_SECONDS = 1;

    private final Admission admission;
    private final ClientAddress clients;
    private final Map<String, Endpoint> endpoints;
    private final Endpoint other;
    private final long largestLimit;
    private final Duration writeTimeout;
    private final Counter writeTimeouts;

    public RequestGate(AdvisorConfig config, Admission admission, ClientAddress clients, MeterRegistry registry) {
        this.admission = admission;
        this.clients = clients;
        AdvisorConfig.Limits l = config.limits();
        this.other = new Endpoint(2 * l.profileBytes(), false);
        this.endpoints = Map.of(
                "/api/v1/recommendations", new Endpoint(l.profileBytes(), true),
                "/api/v1/recommendations/summary", new Endpoint(other.limit(), true),
                "/api/v1/recommendations/compare", new Endpoint(2 * l.profileBytes(), true),
                "/api/v1/recommendations/batch", new Endpoint(l.batchBytes(), false),
                "/api/v1/ruleset/validate", new Endpoint(l.validateBytes(), false));
        this.largestLimit = java.util.stream.Stream.concat(endpoints.values().stream(), java.util.stream.Stream.of(other))
                .mapToLong(Endpoint::limit).max().orElse(other.limit());
        this.writeTimeout = config.http().writeTimeout();
        this.writeTimeouts = Counter.builder("advisor.http.write.timeouts")
                .description("Answers cut because the client stopped reading them").register(registry);
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    /**
     * What the gate knows of an endpoint: the largest body it takes, and whether that body is read on the event loop
     * before the operation starts (the evaluations: a profile or two, with their length checked first).
     */
    record Endpoint(long limit, boolean readFirst) {
    }

    /** The endpoint of a path, with or without a trailing slash: its own limit, or twice a profile's for any other. */
    Endpoint endpointOf(String path) {
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return endpoints.getOrDefault(p, other);
    }

    private void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String framing = ambiguousFraming(request);
        if (framing != null) {
            refuse(rc, 400, "ambiguous-request", Text.of("http.400.framing", framing), null);
            return;
        }
        if (request.headers().contains("Transfer-Encoding")) {
            // Netty reads a request with both Content-Length and Transfer-Encoding as chunked and drops the length
            // before this handler sees it; RFC 9112 (6.3) asks that such a connection be closed after the answer.
            // So every chunked request ends its connection: nothing a proxy might have framed differently follows.
            rc.response().putHeader("Connection", "close");
            rc.addBodyEndHandler(done -> request.connection().close());
        }
        String path = rc.normalizedPath();
        if (!path.startsWith("/api/")) {
            rc.next();
            return;
        }
        boolean hasBody = request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD
                && HttpEdge.declaresBody(request);
        Endpoint endpoint = endpointOf(path);
        long limit = endpoint.limit();
        long declared = contentLength(request);
        if (declared > largestLimit) {
            // past every endpoint's limit: Quarkus' own check (quarkus.http.limits.max-body-size) answers 413
            rc.next();
            return;
        }
        if (declared > limit) {
            refuse(rc, 413, "payload-too-large", Text.of("body.too-large", declared, limit), null);
            return;
        }
        rc.put(LIMIT, limit);
        Object admitted = admission.admit(clients.of(request),
                hasBody ? Admission.reserve(declared >= 0 ? declared : limit) : 0);
        if (admitted instanceof Admission.Refusal refusal) {
            if (refusal == Admission.Refusal.CLIENT) {
                refuse(rc, 429, "too-many-requests", Text.of("http.429.client"), RETRY_AFTER_SECONDS);
            } else {
                refuse(rc, 503, "saturated", Text.of("http.503.saturated"), RETRY_AFTER_SECONDS);
            }
            return;
        }
        Admission.Ticket ticket = (Admission.Ticket) admitted;
        long watchdog = watchWrites(rc);
        rc.addEndHandler(done -> {
            rc.vertx().cancelTimer(watchdog);
            ticket.release();
        });
        if (declared > 0 && endpoint.readFirst() && request.method() == HttpMethod.POST && !request.isEnded()
                && !request.headers().contains("Expect")) {
            readFirst(rc);
            return;
        }
        rc.next();
    }

    /**
     * Reads a profile-sized body of a length already checked on the event loop as it arrives, then goes on: Quarkus
     * REST hands the body to the operation from memory. Otherwise the worker thread reads it through a blocking stream
     * that asks the event loop for each piece and waits to be woken: several hand-offs between the two threads per
     * request, which cost more CPU than the bytes (issue 20, docs/performance.md).
     */
    private static void readFirst(RoutingContext rc) {
        rc.request().body().onComplete(body -> {
            if (body.succeeded()) {
                rc.setBody(body.result());
                rc.next();
            } else if (!rc.response().ended()) {
                rc.fail(body.cause());
            }
        });
        rc.request().resume();
    }

    /**
     * Closes the connection of an answer whose client has read nothing of it for the write timeout while the
     * connection's buffer was full: the writing thread waits for room, so the close frees it.
     */
    private long watchWrites(RoutingContext rc) {
        HttpServerResponse response = rc.response();
        long period = Math.max(100, writeTimeout.toMillis() / 4);
        long[] lastWritten = {-1};
        long[] stalledSince = {0};
        return rc.vertx().setPeriodic(period, id -> {
            if (response.ended() || response.closed()) {
                rc.vertx().cancelTimer(id);
                return;
            }
            long written = response.bytesWritten();
            if (!response.writeQueueFull() || written != lastWritten[0]) {
                lastWritten[0] = written;
                stalledSince[0] = 0;
                return;
            }
            long now = System.nanoTime();
            if (stalledSince[0] == 0) {
                stalledSince[0] = now;
            } else if (now - stalledSince[0] >= writeTimeout.toNanos()) {
                rc.vertx().cancelTimer(id);
                writeTimeouts.increment();
                LOG.infof("Answer to %s %s cut after %d bytes: the client read nothing of it for %d s",
                        rc.request().method(), rc.normalizedPath(), written, writeTimeout.toSeconds());
                rc.request().connection().close();
            }
        });
    }

    /**
     * Why the framing of a request is ambiguous, or null: both Content-Length and Transfer-Encoding (where still seen),
     * a transfer coding other than plain {@code chunked}, more than one Content-Length, or more than one Host. Servers and proxies may
     * read such a request differently, which is how requests are smuggled past a proxy.
     */
    static String ambiguousFraming(HttpServerRequest request) {
        if (request.version() != HttpVersion.HTTP_1_0 && request.version() != HttpVersion.HTTP_1_1) {
            return null;
        }
        List<String> lengths = request.headers().getAll("Content-Length");
        List<String> codings = request.headers().getAll("Transfer-Encoding");
        if (!lengths.isEmpty() && !codings.isEmpty()) {
            return "Content-Length with Transfer-Encoding";
        }
        if (codings.size() > 1 || (codings.size() == 1 && !codings.get(0).trim().equalsIgnoreCase("chunked"))) {
            return "Transfer-Encoding other than chunked";
        }
        if (lengths.size() > 1) {
            return "more than one Content-Length";
        }
        if (lengths.size() == 1 && !lengths.get(0).trim().matches("[0-9]{1,18}")) {
            return "a Content-Length that is not a number";
        }
        if (request.headers().getAll("Host").size() > 1) {
            return "more than one Host";
        }
        return null;
    }

    private static long contentLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A problem answered before JAX-RS; the connection is closed after it, since its body may still be on the way. */
    private static void refuse(RoutingContext rc, int status, String kind, Text detail, Long retryAfter) {
        HttpServerResponse response = rc.response().setStatusCode(status)
                .putHeader("Content-Type", "application/problem+json");
        if (retryAfter != null) {
            response.putHeader("Retry-After", String.valueOf(retryAfter));
        }
        // a client may be sending a body we will not read: its connection is closed once the answer is out
        boolean close = status == 400 || !rc.request().isEnded();
        if (close) {
            response.putHeader("Connection", "close");
            // through the context, not response.endHandler: that would replace the handler the context runs its own
            // end handlers from (the request timer's cancel among them), and each refused connection would stay
            // reachable until its timer fired (docs/performance.md, "Memory")
            rc.addEndHandler(done -> rc.request().connection().close());
        }
        response.end(HttpEdge.problem(rc.request(), kind, status, detail));
    }
}
