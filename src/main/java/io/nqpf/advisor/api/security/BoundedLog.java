package io.nqpf.advisor.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Writes at most {@code perMinute} lines a minute; the lines it holds back are counted, and the next line written
 * says how many there were. So a client that fails logins as fast as it can costs the log a few lines a minute.
 */
final class BoundedLog {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final Clock clock;
    private Instant windowStart = Instant.MIN;
    private int written;
    private long held;

    BoundedLog(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /**
     * Hands {@code line} the number of lines held back since the last one written, or holds this one back.
     *
     * @return whether the line was written
     */
    synchronized boolean write(Consumer<Long> line) {
        Instant now = clock.instant();
        if (!now.isBefore(windowStart.plus(WINDOW))) {
            windowStart = now;
            written = 0;
        }
        if (written >= perMinute) {
            held++;
            return false;
        }
        written++;
        long before = held;
        held = 0;
        line.accept(before);
        return true;
    }
}
