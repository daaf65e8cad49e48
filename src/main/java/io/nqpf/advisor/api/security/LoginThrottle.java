package io.nqpf.advisor.api.security;

import io.nqpf.advisor.config.AdvisorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed logins per pair of client address and account. After a few free failures (typos) every further attempt of
 * that pair must wait, twice as long after each failure up to a ceiling; a success clears the pair. Attempts made
 * while waiting are refused without checking the password, so parallel guessing gains nothing; another address, or
 * another account, is not affected, so nobody can lock the administrator out by failing from elsewhere.
 * <p>
 * Bounded: at most {@code maxTracked} pairs are remembered. When the table is full, pairs whose wait ran out long ago
 * are forgotten first, then the least recently failed one; nothing an attacker sends clears it. A separate global
 * bound counts checked failures of the whole service per minute: beyond it, pairs that have failed before wait for the
 * window, and while the table is full (more failing addresses than it holds) so do new pairs, so many addresses buy
 * no more guesses than the bound. A pair that logged in before (remembered apart, by successes only) is never held by
 * the global bound, and neither is a new pair while the table has room.
 */
@ApplicationScoped
public class LoginThrottle {

    private record Pair(String address, String account) {
    }

    private record Failures(int count, Instant last) {
    }

    /** Pairs whose last login succeeded, kept at most; only a right password adds one. */
    private static final int MAX_KNOWN_GOOD = 256;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    /** In order of last failure, oldest first. */
    private final LinkedHashMap<Pair, Failures> failures = new LinkedHashMap<>();
    /** In order of last success, oldest first. */
    private final LinkedHashMap<Pair, Instant> knownGood = new LinkedHashMap<>();
    /** When each checked failure of the last minute happened, oldest first; never longer than the global bound. */
    private final Deque<Instant> recent = new ArrayDeque<>();
    private final int freeFailures;
    private final Duration maxWait;
    private final Duration forgetAfter;
    private final int maxTracked;
    private final int globalPerMinute;
    private final Clock clock;

    @Inject
    public LoginThrottle(AdvisorConfig config) {
        this(config.admin().login().freeFailures(), config.admin().login().maxWait(),
                config.admin().login().maxTracked(), config.admin().login().globalFailuresPerMinute(), Clock.systemUTC());
    }

    LoginThrottle(int freeFailures, Duration maxWait, int maxTracked, int globalPerMinute, Clock clock) {
        this.freeFailures = freeFailures;
        this.maxWait = maxWait;
        this.forgetAfter = maxWait.multipliedBy(3);
        this.maxTracked = maxTracked;
        this.globalPerMinute = globalPerMinute;
        this.clock = clock;
    }

    /** How long this pair must still wait before its password is checked again; zero when it may try now. */
    public synchronized Duration waitBeforeNextAttempt(String address, String account) {
        Pair pair = new Pair(address, account);
        Instant now = clock.instant();
        Failures f = failures.get(pair);
        Duration own = Duration.ZERO;
        if (f != null && f.count() >= freeFailures) {
            Duration left = Duration.between(now, f.last().plus(wait(f.count())));
            own = left.isNegative() ? Duration.ZERO : left;
        }
        Duration global = Duration.ZERO;
        boolean heldByGlobal = f != null || failures.size() >= maxTracked;
        if (heldByGlobal && !knownGood.containsKey(pair)) {
            global = globalWait(now);
        }
        Duration wait = own.compareTo(global) >= 0 ? own : global;
        return roundUp(wait);
    }

    /** Records a failed attempt and answers how many this pair failed in a row. */
    public synchronized int failed(String address, String account) {
        Pair pair = new Pair(address, account);
        Instant now = clock.instant();
        recent.addLast(now);
        while (recent.size() > globalPerMinute) {
            recent.removeFirst();
        }
        Failures old = failures.remove(pair);
        if (old == null && failures.size() >= maxTracked) {
            makeRoom(now);
        }
        Failures f = new Failures(old == null ? 1 : old.count() + 1, now);
        failures.put(pair, f);
        return f.count();
    }

    public synchronized void succeeded(String address, String account) {
        Pair pair = new Pair(address, account);
        failures.remove(pair);
        knownGood.remove(pair);
        knownGood.put(pair, clock.instant());
        if (knownGood.size() > MAX_KNOWN_GOOD) {
            Iterator<Pair> oldest = knownGood.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** Pairs remembered now (for tests and the log). */
    synchronized int tracked() {
        return failures.size();
    }

    /** Forgets pairs whose wait ran out long ago; if none, the least recently failed pair. */
    private void makeRoom(Instant now) {
        Instant cutoff = now.minus(forgetAfter);
        failures.values().removeIf(f -> f.last().isBefore(cutoff));
        if (failures.size() >= maxTracked) {
            Iterator<Map.Entry<Pair, Failures>> oldest = failures.entrySet().iterator();
            oldest.next();
            oldest.remove();
        }
    }

    /** Zero while the service checked fewer failures than the bound in the last minute; else until the oldest ages out. */
    private Duration globalWait(Instant now) {
        if (recent.size() < globalPerMinute) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, recent.peekFirst().plus(WINDOW));
        return left.isNegative() ? Duration.ZERO : left;
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
