package io.nqpf.advisor.engine;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The build limiter on a clock and a CPU-time source that the test moves: a build is judged by the CPU time of its
 * own thread, a busy machine is told apart from rules that loop, and after any overrun the next build starts.
 */
class BuildLimiterTest {

    private static final Duration CPU_LIMIT = Duration.ofSeconds(20);
    private static final Duration WALL_LIMIT = Duration.ofSeconds(90);

    private final AtomicLong clock = new AtomicLong();
    private final AtomicLong cpu = new AtomicLong();
    private final BuildLimiter limiter = new BuildLimiter(CPU_LIMIT, WALL_LIMIT, clock::get, thread -> cpu.get());
    private final RulesetBuilder.Outcome fine = new RulesetBuilder.Outcome(null, List.of());

    /** A build that waits until it is interrupted, as a blocked compiler would. */
    private static RulesetBuilder.Outcome blockUntilInterrupted() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new RulesetBuilder.Outcome(null, List.of());
    }

    private static String message(RulesetBuilder.Outcome outcome) {
        return outcome.errors().get(0).message();
    }

    @Test
    void aBuildUnderItsLimitsAnswersWhatItBuilt() {
        assertSame(fine, limiter.tryRun(() -> {
            cpu.set(CPU_LIMIT.toNanos() - 1);
            clock.addAndGet(WALL_LIMIT.toNanos() - 1);
            return fine;
        }));
        assertFalse(limiter.running());
    }

    @Test
    void aBuildPastItsCpuTimeIsStoppedAndBlamesTheRulesAndTheNextBuildStarts() {
        RulesetBuilder.Outcome stopped = limiter.tryRun(() -> {
            cpu.set(CPU_LIMIT.toNanos() + 1);
            return blockUntilInterrupted();
        });
        assertTrue(stopped.aborted());
        assertFalse(stopped.starved(), "a build that spent its CPU limit is the rules' doing, not the machine's");
        assertTrue(message(stopped).contains("more than its limit of 20 s of CPU time"), message(stopped));
        assertTrue(message(stopped).contains("loop"), message(stopped));
        cpu.set(0);
        assertSame(fine, limiter.tryRun(() -> fine));
    }

    @Test
    void aBuildSlowedByABusyMachineIsStoppedAtTheBackstopWithoutBlamingTheRules() {
        RulesetBuilder.Outcome stopped = limiter.tryRun(() -> {
            cpu.set(Duration.ofSeconds(3).toNanos());
            clock.addAndGet(WALL_LIMIT.toNanos() + 1);
            return blockUntilInterrupted();
        });
        assertTrue(stopped.aborted());
        assertTrue(stopped.starved(), "stopped at the backstop with little CPU: the machine is busy, retry later");
        assertTrue(message(stopped).contains("still running 90 s after it started, although it had used only 3 s of CPU"
                + " time"), message(stopped));
        assertTrue(message(stopped).contains("the machine is busy"), message(stopped));
        assertFalse(message(stopped).contains("loop"), message(stopped));
        assertSame(fine, limiter.tryRun(() -> fine));
    }

    @Test
    void aBuildThatIgnoresInterruptsIsStoppedAllTheSame() {
        RulesetBuilder.Outcome stopped = limiter.tryRun(() -> {
            cpu.set(CPU_LIMIT.toNanos() + 1);
            while (true) {
                // deaf to interrupts, as a field initializer deep in a long computation is
                LockSupport.parkNanos(1_000_000);
                Thread.interrupted();
            }
        });
        assertTrue(stopped.aborted());
        assertFalse(limiter.running(), "the stopped build still holds the limiter");
        cpu.set(0);
        assertSame(fine, limiter.tryRun(() -> fine));
    }

    @Test
    void oneBuildAtATimeTheOthersAreToldWhenToComeBack() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<RulesetBuilder.Outcome> first = CompletableFuture.supplyAsync(() -> limiter.tryRun(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return fine;
        }));
        await().atMost(Duration.ofSeconds(30)).until(limiter::running);
        clock.addAndGet(Duration.ofSeconds(30).toNanos());
        BuildLimiter.BusyException busy = assertThrows(BuildLimiter.BusyException.class, () -> limiter.tryRun(() -> fine));
        assertEquals(Duration.ofSeconds(61), busy.retryAfter());
        release.countDown();
        assertSame(fine, first.get(30, TimeUnit.SECONDS));
        await().atMost(Duration.ofSeconds(30)).until(() -> !limiter.running());
    }

    @Test
    void theBuildAtStartWaitsForTheRunningOneAndHasNoLimit() {
        assertSame(fine, limiter.run(() -> {
            cpu.set(CPU_LIMIT.toNanos() * 10);
            clock.addAndGet(WALL_LIMIT.toNanos() * 10);
            return fine;
        }));
    }
}
