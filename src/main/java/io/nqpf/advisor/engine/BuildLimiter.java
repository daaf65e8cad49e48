package io.nqpf.advisor.engine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.jboss.logging.Logger;

/**
 * Runs ruleset builds one at a time, each on a thread of its own, limited by its work rather than by the clock: a
 * build that spends more CPU time on its own thread than {@code cpuLimit} is the rules' doing (a field initializer or
 * a rule that loops) and is stopped; a build still running {@code wallLimit} after it started although under its CPU
 * limit is waiting for a busy machine (or blocks) and is stopped with a message that says so. A build nobody waits
 * for (the rules watcher's, {@link #tryRunUnattended}) is not held to the clock but to the time it was not kept
 * waiting for a core: where the kernel tells (Linux, {@code /proc/thread-self/schedstat}) the time its thread spent
 * runnable in the run queue is left out, so a busy machine slows such a build down but never stops it, while a build
 * that blocks is still stopped after {@code wallLimit} of its own time (Drools compiles the rules of a large package
 * on its compiler pool while the build's thread waits: that wait counts as the build's own time, so at extreme load
 * the compile phase still eats into the limit, as much as the pool waits for cores). Whatever happens
 * inside the compiler — an error, a stack overflow, a build that never ends — comes back as the errors of an aborted
 * outcome, never as an exception. A stopped build's thread is interrupted and, if it does not end, stopped
 * ({@link Thread#stop()}), so that the next build can start and the overrun holds no memory.
 */
public final class BuildLimiter {

    private static final Logger LOG = Logger.getLogger(BuildLimiter.class);
    /** Deeply nested expressions recurse in the parser: room for them, and a stack overflow past that. */
    private static final long STACK_BYTES = 4L * 1024 * 1024;
    /** How often a running build's CPU time and age are looked at. */
    private static final Duration POLL = Duration.ofMillis(100);
    /** How long a build that was told to stop is given to end, each time it is told. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    /** Another build is running; try again after {@link #retryAfter()}. */
    public static class BusyException extends RuntimeException {
        private final Duration retryAfter;

        public BusyException(Duration retryAfter) {
            super("Another ruleset build is running; one build runs at a time. Try again in "
                    + retryAfter.toSeconds() + " s.");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private final Semaphore permit = new Semaphore(1);
    private final Duration cpuLimit;
    private final Duration wallLimit;
    private final LongSupplier clock;
    private final ThreadTimes times;
    private volatile long runningSince;

    /**
     * @param cpuLimit CPU time a build may spend on its own thread
     * @param wallLimit how long a build may run at all, however little CPU time it had: the backstop for a busy
     *     machine and for builds that block
     */
    public BuildLimiter(Duration cpuLimit, Duration wallLimit) {
        this(cpuLimit, wallLimit, System::nanoTime, new KernelThreadTimes());
    }

    /**
     * @param clock nanoseconds, as {@link System#nanoTime()}
     * @param cpuTime the CPU time a thread has used in nanoseconds, or a negative number where it is not known
     */
    BuildLimiter(Duration cpuLimit, Duration wallLimit, LongSupplier clock, ToLongFunction<Thread> cpuTime) {
        this(cpuLimit, wallLimit, clock, new ThreadTimes() {
            @Override
            public long cpu(Thread thread) {
                return cpuTime.applyAsLong(thread);
            }

            @Override
            public long queued(Thread thread) {
                return -1;
            }
        });
    }

    BuildLimiter(Duration cpuLimit, Duration wallLimit, LongSupplier clock, ThreadTimes times) {
        this.cpuLimit = cpuLimit;
        this.wallLimit = wallLimit;
        this.clock = clock;
        this.times = times;
        this.runningSince = clock.getAsLong();
    }

    /** What a build's thread has spent, in nanoseconds, or a negative number where it is not known. */
    interface ThreadTimes {
        /** Called on the build's thread as it starts. */
        default void started() {
        }

        /** Called on the build's thread as it ends. */
        default void ended() {
        }

        /** CPU time the thread has used. */
        long cpu(Thread thread);

        /** Time the thread was ready to run but waited for a core (the run queue of a busy machine). */
        long queued(Thread thread);
    }

    /** CPU time from the JVM; time in the run queue from Linux's {@code /proc/<pid>/task/<tid>/schedstat}. */
    static final class KernelThreadTimes implements ThreadTimes {
        private static final Path SELF = Path.of("/proc/thread-self");
        private final Map<Thread, Path> tasks = new ConcurrentHashMap<>();

        @Override
        public void started() {
            try {
                tasks.put(Thread.currentThread(), SELF.toRealPath().resolve("schedstat"));
            } catch (IOException | RuntimeException e) {
                // not Linux, or /proc not mounted: the wall clock holds every build
            }
        }

        @Override
        public void ended() {
            tasks.remove(Thread.currentThread());
        }

        @Override
        public long cpu(Thread thread) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            return threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()
                    ? threads.getThreadCpuTime(thread.getId()) : -1;
        }

        @Override
        public long queued(Thread thread) {
            Path schedstat = tasks.get(thread);
            if (schedstat == null) {
                return -1;
            }
            try {
                // "<ns on a core> <ns runnable, waiting for a core> <time slices>"
                String[] fields = Files.readString(schedstat, StandardCharsets.US_ASCII).trim().split(" ");
                return fields.length >= 2 ? Long.parseLong(fields[1]) : -1;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
    }

    /** Whether a build runs now (or a stopped one has not ended yet). */
    public boolean running() {
        return permit.availablePermits() == 0;
    }

    /**
     * Builds now for a caller that waits for the answer (a reload or validate request), or throws
     * {@link BusyException} while another build runs: stopped {@code wallLimit} after it started.
     */
    public RulesetBuilder.Outcome tryRun(Supplier<RulesetBuilder.Outcome> build) {
        acquireOrBusy();
        return holding(build, true);
    }

    /**
     * Builds now for nobody waiting (the rules watcher), or throws {@link BusyException} while another build runs:
     * the time the build waits for a core does not count towards {@code wallLimit}, so a busy machine delays it but
     * does not stop it.
     */
    public RulesetBuilder.Outcome tryRunUnattended(Supplier<RulesetBuilder.Outcome> build) {
        acquireOrBusy();
        return holding(build, false);
    }

    private void acquireOrBusy() {
        if (!permit.tryAcquire()) {
            Duration left = wallLimit.minusNanos(clock.getAsLong() - runningSince);
            throw new BusyException(left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(5)
                    : left.plusSeconds(1).withNanos(0));
        }
    }

    /**
     * Builds once the running build, if any, has ended, and waits for it however long it takes: for the build at
     * start, where a slow machine must not leave the service without rules.
     */
    public RulesetBuilder.Outcome run(Supplier<RulesetBuilder.Outcome> build) {
        permit.acquireUninterruptibly();
        try {
            return contained(build);
        } finally {
            permit.release();
        }
    }

    private RulesetBuilder.Outcome holding(Supplier<RulesetBuilder.Outcome> build, boolean attended) {
        long start = clock.getAsLong();
        runningSince = start;
        CompletableFuture<RulesetBuilder.Outcome> result = new CompletableFuture<>();
        Thread thread = new Thread(null, () -> {
            RulesetBuilder.Outcome outcome;
            times.started();
            try {
                outcome = contained(build);
            } finally {
                times.ended();
                permit.release();
            }
            // only once the permit is back: a caller that has its answer may start the next build at once
            result.complete(outcome);
        }, "ruleset-build", STACK_BYTES);
        thread.setDaemon(true);
        // a stopped build ends with ThreadDeath: that is how it was meant to end, not an error to print
        thread.setUncaughtExceptionHandler((t, e) -> {
            if (!(e instanceof ThreadDeath)) {
                LOG.error("A ruleset build's thread failed", e);
            }
        });
        thread.start();
        try {
            while (true) {
                try {
                    return result.get(POLL.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    long cpu = times.cpu(thread);
                    if (cpu > cpuLimit.toNanos()) {
                        stop(thread, "its CPU time limit");
                        return aborted("the build used more than its limit of " + seconds(cpuLimit)
                                + " s of CPU time and was stopped; look for rules or declare field initializers that loop");
                    }
                    long elapsed = clock.getAsLong() - start;
                    long queued = attended ? -1 : times.queued(thread);
                    if (queued >= 0 && elapsed - queued > wallLimit.toNanos()) {
                        stop(thread, "its time limit, not counting the time it waited for a core");
                        return starved("the build had run or waited on something other than a core for "
                                + seconds(wallLimit) + " s" + (cpu >= 0 ? ", using " + seconds(Duration.ofNanos(cpu))
                                        + " s of CPU time," : "") + " and was stopped: it waits on something (a rule or"
                                + " initializer that blocks, or a machine short of memory); try again later, and if"
                                + " it happens on a quiet machine, look for rules that block");
                    }
                    if (queued < 0 && elapsed > wallLimit.toNanos()) {
                        stop(thread, "its wall-clock limit");
                        return starved("the build was still running " + seconds(wallLimit) + " s after it started"
                                + (cpu >= 0 ? ", although it had used only " + seconds(Duration.ofNanos(cpu))
                                        + " s of CPU time," : "")
                                + " and was stopped: the machine is busy or the build waits on something; try again"
                                + " later, and if it happens on a quiet machine, look for rules that block");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(thread, "an interrupt");
            return aborted("the build was interrupted");
        } catch (ExecutionException e) {
            return aborted("the build failed");
        }
    }

    /** Interrupts the build's thread and, if it does not end, stops it, so that the next build can start. */
    @SuppressWarnings({"deprecation", "removal"})
    private static void stop(Thread thread, String why) {
        thread.interrupt();
        if (ended(thread)) {
            LOG.errorf("A ruleset build ran past %s and was stopped (interrupted)", why);
            return;
        }
        try {
            thread.stop();
        } catch (UnsupportedOperationException e) {
            LOG.errorf("A ruleset build ran past %s and does not end when interrupted; this JVM cannot stop it, so no "
                    + "other build starts until it ends", why);
            return;
        }
        if (ended(thread)) {
            LOG.errorf("A ruleset build ran past %s and was stopped", why);
        } else {
            LOG.errorf("A ruleset build ran past %s and has not ended although stopped; no other build starts until "
                    + "it ends", why);
        }
    }

    private static boolean ended(Thread thread) {
        try {
            thread.join(GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.format(java.util.Locale.ROOT, "%.1f", d.toMillis() / 1000.0);
    }

    static RulesetBuilder.Outcome contained(Supplier<RulesetBuilder.Outcome> build) {
        try {
            return build.get();
        } catch (StackOverflowError e) {
            LOG.warn("A ruleset build overflowed the compiler's stack");
            return aborted("the rules nest too deeply for the compiler (stack overflow); flatten the deepest expression");
        } catch (RuntimeException | LinkageError | AssertionError e) {
            LOG.warn("The rule compiler failed", e);
            return aborted("the rule compiler failed on these rules; the server log has the details");
        }
    }

    private static RulesetBuilder.Outcome aborted(String message) {
        return new RulesetBuilder.Outcome(null, List.of(new RuleError("", 0, 0, message)), true, false);
    }

    /** Stopped at the wall-clock backstop: the machine, not the rules; the same build may succeed later. */
    private static RulesetBuilder.Outcome starved(String message) {
        return new RulesetBuilder.Outcome(null, List.of(new RuleError("", 0, 0, message)), true, true);
    }
}
