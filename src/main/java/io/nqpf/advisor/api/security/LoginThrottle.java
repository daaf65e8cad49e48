package io.nqpf.advisor.api.security;

import io.nqpf.advisor.config.AdvisorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed admin logins per client address. After a few free failures (typos) every further attempt from that
 * address must wait, twice as long after each failure up to a ceiling; a success clears the count. Attempts made
 * while waiting are refused without checking the password, so parallel guessing gains nothing.
 */
@ApplicationScoped
public class LoginThrottle {

    private record Failures(int count, Instant last) {
    }

    /** Addresses remembered at most; beyond it, entries older than the forget period are dropped first. */
    private static final int MAX_CLIENTS = 10_000;

    private final ConcurrentHashMap<String, Failures> byClient = new ConcurrentHashMap<>();
    private final int freeFailures;
    private final Duration maxWait;
    private final Duration forgetAfter;
    private final Clock clock;

    @Inject
    public LoginThrottle(AdvisorConfig config) {
        this(config.admin().login().freeFailures(), config.admin().login().maxWait(), Clock.systemUTC());
    }

    LoginThrottle(int freeFailures, Duration maxWait, Clock clock) {
        this.freeFailures = freeFailures;
        this.maxWait = maxWait;
        this.forgetAfter = maxWait.multipliedBy(3);
        this.clock = clock;
    }

    /** How long this client must still wait before its password is checked again; zero when it may try now. */
    public Duration waitBeforeNextAttempt(String client) {
        Failures f = byClient.get(client);
        if (f == null || f.count() < freeFailures) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), f.last().plus(wait(f.count())));
        return left.isNegative() ? Duration.ZERO : roundUp(left);
    }

    /** Records a failed attempt and answers how many failed in a row. */
    public int failed(String client) {
        if (byClient.size() >= MAX_CLIENTS) {
            Instant cutoff = clock.instant().minus(forgetAfter);
            byClient.values().removeIf(f -> f.last().isBefore(cutoff));
            if (byClient.size() >= MAX_CLIENTS) {
                byClient.clear();
            }
        }
        return byClient.merge(client, new Failures(1, clock.instant()),
                (old, one) -> new Failures(old.count() + 1, one.last())).count();
    }

    public void succeeded(String client) {
        byClient.remove(client);
    }

    /** One second after the last free failure, doubling with each further one, at most the ceiling. */
    private Duration wait(int count) {
        int doublings = Math.min(count - freeFailures, 30);
        Duration d = Duration.ofSeconds(1L << doublings);
        return d.compareTo(maxWait) > 0 ? maxWait : d;
    }

    private static Duration roundUp(Duration d) {
        return Duration.ofSeconds(d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0));
    }
}
