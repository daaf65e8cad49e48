package io.nqpf.advisor.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofSeconds(10), 100, 1000, clock);
        for (int i = 0; i < 2; i++) {
            throttle.failed("a", "admin");
            assertEquals(Duration.ZERO, throttle.waitBeforeNextAttempt("a", "admin"));
        }
        throttle.failed("a", "admin");
        assertEquals(Duration.ofSeconds(1), throttle.waitBeforeNextAttempt("a", "admin"));
        assertEquals(Duration.ZERO, throttle.waitBeforeNextAttempt("b", "admin"), "another address is not affected");
        assertEquals(Duration.ZERO, throttle.waitBeforeNextAttempt("a", "planner"), "another account is not affected");
        clock.now = clock.now.plusSeconds(1);
        throttle.failed("a", "admin");
        assertEquals(Duration.ofSeconds(2), throttle.waitBeforeNextAttempt("a", "admin"));
        for (int i = 0; i < 10; i++) {
            throttle.failed("a", "admin");
        }
        assertEquals(Duration.ofSeconds(10), throttle.waitBeforeNextAttempt("a", "admin"), "the wait stops at the ceiling");
        clock.now = clock.now.plusMillis(9_500);
        assertEquals(Duration.ofSeconds(1), throttle.waitBeforeNextAttempt("a", "admin"), "what is left is rounded up");
        throttle.succeeded("a", "admin");
        assertEquals(Duration.ZERO, throttle.waitBeforeNextAttempt("a", "admin"));
    }

    @Test
    void manyAddressesNeitherEmptyTheTableNorBuyMoreGuessesThanTheGlobalBound() {
        ManualClock clock = new ManualClock();
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(5), 100, 30, clock);
        throttle.succeeded("home", "admin");
        for (int i = 0; i < 3; i++) {
            throttle.failed("attacker", "admin");
        }
        assertTrue(throttle.waitBeforeNextAttempt("attacker", "admin").toSeconds() > 0);
        // 10,001 addresses each fail once within a second: the table stays bounded and is never emptied
        for (int i = 0; i <= 10_000; i++) {
            throttle.failed("10.0." + (i / 256) + "." + (i % 256), "admin");
            assertTrue(throttle.tracked() <= 100);
        }
        assertEquals(100, throttle.tracked(), "the table was emptied");
        // the attacker's own entry may have been pushed out of the full table, but it gains no guess by that
        assertTrue(throttle.waitBeforeNextAttempt("attacker", "admin").toSeconds() > 0,
                "an address pushed out of the table was let guess again");
        assertTrue(throttle.waitBeforeNextAttempt("10.0.0.1", "admin").toSeconds() > 0,
                "past the global bound, a pair that failed before is checked again");
        assertTrue(throttle.waitBeforeNextAttempt("10.99.0.1", "admin").toSeconds() > 0,
                "with the table full and the global bound reached, new addresses buy no guesses");
        // the administrator's own address is never held because others failed
        assertEquals(Duration.ZERO, throttle.waitBeforeNextAttempt("home", "admin"));
        // the global bound lasts a minute
        clock.now = clock.now.plusSeconds(61);
        assertEquals(Duration.ZERO, throttle.waitBeforeNextAttempt("10.99.0.1", "admin"));
    }

    @Test
    void othersFailuresNeverHoldANewPairWhileTheTableHasRoom() {
        ManualClock clock = new ManualClock();
        LoginThrottle throttle = new LoginThrottle(3, Duration.ofMinutes(5), 10_000, 30, clock);
        for (int i = 0; i < 500; i++) {
            throttle.failed("10.1.0." + (i % 50), "admin");
        }
        assertTrue(throttle.waitBeforeNextAttempt("10.1.0.1", "admin").toSeconds() > 0);
        assertEquals(Duration.ZERO, throttle.waitBeforeNextAttempt("192.0.2.7", "admin"),
                "the administrator on an address that never failed is checked");
    }

    @Test
    void refusedLoginsAreLoggedAtABoundedRateAndTheHeldBackLinesCounted() {
        ManualClock clock = new ManualClock();
        BoundedLog log = new BoundedLog(12, clock);
        List<Long> lines = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            log.write(lines::add);
        }
        assertEquals(12, lines.size());
        clock.now = clock.now.plusSeconds(60);
        log.write(lines::add);
        assertEquals(9_988L, lines.get(12), "the next line counts those held back");
    }
}
