package io.nqpf.advisor.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void freeFailuresThenDoublingWaitsUpToTheCeilingAndASuccessClears() {
        ManualClock clock = new ManualClock();
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(10), clock);
        for (int i = 0; i < 2; i++) {
            throttle.failed("a");
            assertEquals(Duration.ZERO, throttle.waitBeforeNextAttempt("a"));
        }
        throttle.failed("a");
        assertEquals(Duration.ofSeconds(1), throttle.waitBeforeNextAttempt("a"));
        assertEquals(Duration.ZERO, throttle.waitBeforeNextAttempt("b"), "another address is not affected");
        clock.now = clock.now.plusSeconds(1);
        throttle.failed("a");
        assertEquals(Duration.ofSeconds(2), throttle.waitBeforeNextAttempt("a"));
        for (int i = 0; i < 10; i++) {
            throttle.failed("a");
        }
        assertEquals(Duration.ofSeconds(10), throttle.waitBeforeNextAttempt("a"), "the wait stops at the ceiling");
        clock.now = clock.now.plusMillis(9_500);
        assertEquals(Duration.ofSeconds(1), throttle.waitBeforeNextAttempt("a"), "what is left is rounded up");
        throttle.succeeded("a");
        assertEquals(Duration.ZERO, throttle.waitBeforeNextAttempt("a"));
    }
}
