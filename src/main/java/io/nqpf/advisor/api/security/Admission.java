package io.nqpf.advisor.api.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nqpf.advisor.config.AdvisorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admission control of the API: how many requests are in flight, from all clients and from each, and how much memory
 * their bodies may hold together. A request that would pass a bound is not started: beyond the memory or the global
 * count it is answered 503 with Retry-After (the service is saturated, and readiness says so for a while), beyond
 * its client's count 429 with Retry-After. Nothing here waits, so a flood costs no threads.
 */
@ApplicationScoped
public class Admission {

    /** Why a request was not admitted. */
    public enum Refusal {
        /** The client has too many requests in flight (429). */
        CLIENT,
        /** The service has too many requests in flight, or their bodies too much memory (503). */
        SATURATED
    }

    /** A request admitted: release it exactly once when its answer has ended or its connection closed. */
    public final class Ticket {
        private final String client;
        private final long bytes;
        private boolean released;

        private Ticket(String client, long bytes) {
            this.client = client;
            this.bytes = bytes;
        }

        public void release() {
            synchronized (Admission.this) {
                if (released) {
                    return;
                }
                released = true;
                inFlightBytes -= bytes;
                inFlight--;
                perClient.computeIfPresent(client, (c, n) -> n <= 1 ? null : n - 1);
            }
        }
    }

    /** How long readiness stays DOWN after the service last turned a request away for lack of room. */
    static final Duration SATURATED_FOR = Duration.ofSeconds(5);

    private final long maxBytes;
    private final int maxRequests;
    private final int maxPerClient;
    private final Map<String, Integer> perClient = new HashMap<>();
    private final AtomicLong lastSaturated = new AtomicLong(Long.MIN_VALUE / 2);
    private long inFlightBytes;
    private int inFlight;
    private final Counter refusedSaturated;
    private final Counter refusedClient;

    @Inject
    public Admission(AdvisorConfig config, MeterRegistry registry) {
        this(config.limits().inFlightBytes().orElse(Runtime.getRuntime().maxMemory() / 4),
                config.limits().inFlightRequests(), config.limits().requestsPerClient(), registry);
    }

    Admission(long maxBytes, int maxRequests, int maxPerClient, MeterRegistry registry) {
        this.maxBytes = maxBytes;
        this.maxRequests = maxRequests;
        this.maxPerClient = maxPerClient;
        this.refusedSaturated = Counter.builder("advisor.http.refused").tag("reason", "saturated")
                .description("API requests turned away before they started (503 saturated, 429 one client's limit)")
                .register(registry);
        this.refusedClient = Counter.builder("advisor.http.refused").tag("reason", "client").register(registry);
        Gauge.builder("advisor.http.in.flight.bytes", this, Admission::inFlightBytes)
                .description("Memory reserved by the bodies of API requests in flight").baseUnit("bytes").register(registry);
        Gauge.builder("advisor.http.in.flight", this, Admission::inFlight)
                .description("API requests in flight").register(registry);
    }

    /**
     * Admits a request from {@code client} whose body may hold {@code bytes}, or says why not.
     *
     * @return a {@link Ticket} or a {@link Refusal}
     */
    public Object admit(String client, long bytes) {
        synchronized (this) {
            if (perClient.getOrDefault(client, 0) >= maxPerClient) {
                refusedClient.increment();
                return Refusal.CLIENT;
            }
            if (inFlight >= maxRequests || inFlightBytes + bytes > maxBytes) {
                lastSaturated.set(System.nanoTime());
                refusedSaturated.increment();
                return Refusal.SATURATED;
            }
            inFlight++;
            inFlightBytes += bytes;
            perClient.merge(client, 1, Integer::sum);
            return new Ticket(client, bytes);
        }
    }

    /** Whether the service turned a request away for lack of room within the last few seconds, or is full now. */
    public boolean saturated() {
        synchronized (this) {
            if (inFlight >= maxRequests) {
                return true;
            }
        }
        return System.nanoTime() - lastSaturated.get() < SATURATED_FOR.toNanos();
    }

    public synchronized long inFlightBytes() {
        return inFlightBytes;
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    public long maxBytes() {
        return maxBytes;
    }

    public int maxRequests() {
        return maxRequests;
    }

    /** What a request reserves: its body twice (the bytes and what is read from them), whatever is left unsent. */
    public static long reserve(long bodyBytes) {
        return 2 * bodyBytes;
    }
}
