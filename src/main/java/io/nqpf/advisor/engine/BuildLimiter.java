package io.nqpf.advisor.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs ruleset builds one at a time, each on a thread of its own with a time limit. Whatever happens inside the
 * compiler — an error, a stack overflow, a build that never ends — comes back as the errors of an aborted outcome,
 * never as an exception. A build past its limit is abandoned, not killed: until its thread ends no other build
 * starts, so at most one thread is ever spent on rules that hang.
 */
public final class BuildLimiter {

    private static final Logger LOG = Logger.getLogger(BuildLimiter.class);
    /** Deeply nested expressions recurse in the parser: room for them, and a stack overflow past that. */
    private static final long STACK_BYTES = 4L * 1024 * 1024;

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
    private final Duration timeLimit;
    private volatile Instant runningSince = Instant.now();

    public BuildLimiter(Duration timeLimit) {
        this.timeLimit = timeLimit;
    }

    /** Whether a build runs now (or an overrun one has not ended yet). */
    public boolean running() {
        return permit.availablePermits() == 0;
    }

    /** Builds now, or throws {@link BusyException} while another build runs. */
    public RulesetBuilder.Outcome tryRun(Supplier<RulesetBuilder.Outcome> build) {
        if (!permit.tryAcquire()) {
            Duration left = Duration.between(Instant.now(), runningSince.plus(timeLimit));
            throw new BusyException(left.compareTo(Duration.ofSeconds(1)) < 0 ? timeLimit : left.plusSeconds(1)
                    .withNanos(0));
        }
        return holding(build);
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

    private RulesetBuilder.Outcome holding(Supplier<RulesetBuilder.Outcome> build) {
        runningSince = Instant.now();
        CompletableFuture<RulesetBuilder.Outcome> result = new CompletableFuture<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.complete(contained(build));
            } finally {
                permit.release();
            }
        }, "ruleset-build", STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        try {
            return result.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            LOG.errorf("A ruleset build ran past its limit of %d s and was abandoned; no other build starts until it ends",
                    timeLimit.toSeconds());
            return aborted("the build took longer than its limit of " + timeLimit.toSeconds()
                    + " s and was abandoned; look for rules or field initializers that block or loop");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return aborted("the build was interrupted");
        } catch (ExecutionException e) {
            return aborted("the build failed");
        }
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
        return new RulesetBuilder.Outcome(null, List.of(new RuleError("", 0, 0, message)), true);
    }
}
