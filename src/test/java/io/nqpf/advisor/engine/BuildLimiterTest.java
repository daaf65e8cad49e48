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

    /** The watcher's build: what the kernel says the thread waited for a core does not count towards the limit. */
    private final AtomicLong queued = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private final BuildLimiter kernelTimed = new BuildLimiter(CPU_LIMIT, WALL_LIMIT, clock::get,
            new BuildLimiter.ThreadTimes() {
                @Override
                public long cpu(Thread thread) {
                    return cpu.get();
                }

                @Override
                public long queued(Thread thread) {
                    polls.incrementAndGet();
                    return queued.get();
                }
            });

    @Test
    void anUnattendedBuildThatWaitsForACoreOnABusyMachineIsNotStopped() {
        // five minutes on the clock, of which 4.5 runnable in the run queue: 30 s of its own time, under 90
        assertSame(fine, kernelTimed.tryRunUnattended(() -> {
            cpu.set(Duration.ofSeconds(4).toNanos());
            queued.set(Duration.ofSeconds(270).toNanos());
            clock.addAndGet(Duration.ofSeconds(300).toNanos());
            return awaitPoll(fine);
        }));
        assertFalse(kernelTimed.running());
    }

    @Test
    void anUnattendedBuildThatBlocksIsStoppedWithoutBlamingTheMachineForItsQueue() {
        RulesetBuilder.Outcome stopped = kernelTimed.tryRunUnattended(() -> {
            cpu.set(Duration.ofSeconds(1).toNanos());
            queued.set(Duration.ofSeconds(10).toNanos());
            clock.addAndGet(WALL_LIMIT.plusSeconds(11).toNanos());
            return blockUntilInterrupted();
        });
        assertTrue(stopped.aborted());
        assertTrue(stopped.starved(), "a blocked build says nothing about the files: the watcher tries again");
        assertTrue(message(stopped).contains("run or waited on something other than a core for 90 s"), message(stopped));
        assertTrue(message(stopped).contains("blocks"), message(stopped));
        assertSame(fine, kernelTimed.tryRunUnattended(() -> fine));
    }

    @Test
    void aCallerWaitingForTheAnswerIsHeldToTheClockWhateverTheQueue() {
        RulesetBuilder.Outcome stopped = kernelTimed.tryRun(() -> {
            cpu.set(Duration.ofSeconds(2).toNanos());
            queued.set(Duration.ofSeconds(80).toNanos());
            clock.addAndGet(WALL_LIMIT.toNanos() + 1);
            return blockUntilInterrupted();
        });
        assertTrue(stopped.starved());
        assertTrue(message(stopped).contains("still running 90 s after it started"), message(stopped));
    }

    @Test
    void whereTheKernelSaysNothingAnUnattendedBuildIsHeldToTheClock() {
        RulesetBuilder.Outcome stopped = limiter.tryRunUnattended(() -> {
            cpu.set(Duration.ofSeconds(2).toNanos());
            clock.addAndGet(WALL_LIMIT.toNanos() + 1);
            return blockUntilInterrupted();
        });
        assertTrue(stopped.starved());
        assertTrue(message(stopped).contains("still running 90 s after it started"), message(stopped));
    }

    @Test
    void theKernelsAccountOfTheBuildThreadIsReadOnLinux() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(java.nio.file.Path.of(
                "/proc/thread-self/schedstat")), "no /proc/thread-self/schedstat here");
        BuildLimiter.KernelThreadTimes kernel = new BuildLimiter.KernelThreadTimes();
        assertTrue(kernel.queued(Thread.currentThread()) < 0, "a thread that did not start a build is not known");
        CompletableFuture<long[]> seen = new CompletableFuture<>();
        Thread build = new Thread(() -> {
            kernel.started();
            seen.complete(new long[] {kernel.queued(Thread.currentThread()), kernel.cpu(Thread.currentThread())});
            kernel.ended();
        });
        build.start();
        long[] times = seen.get(30, TimeUnit.SECONDS);
        build.join();
        assertTrue(times[0] >= 0, "time in the run queue read from schedstat");
        assertTrue(times[1] > 0, "CPU time of the thread");
        assertTrue(kernel.queued(build) < 0, "forgotten when the build ends");
    }

    /** Answers only once the limiter has looked at the times the build set, twice. */
    private RulesetBuilder.Outcome awaitPoll(RulesetBuilder.Outcome outcome) {
        long seen = polls.get();
        await().atMost(Duration.ofSeconds(60)).until(() -> polls.get() >= seen + 2);
        return outcome;
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
