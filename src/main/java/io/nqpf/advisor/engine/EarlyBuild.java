package io.nqpf.advisor.engine;

import io.nqpf.advisor.config.AdvisorConfig;
import io.quarkus.runtime.configuration.ConfigUtils;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rules directory built on a thread of its own while Quarkus starts, so that the start's two longest parts — Quarkus'
 * own start and the DRL compile — run side by side instead of one after the other. Started by
 * {@link io.nqpf.advisor.Main} before Quarkus, with the directories resolved by the service's own runtime configuration.
 * The build at the start event adopts the outcome ({@link #take}) only if it was built from exactly the files it reads
 * itself: the same rules directory and source texts directory, and the same sha256 over every file's path and content
 * (the ruleset's version); otherwise, or when nothing was built early (tests, dev mode, a configuration that cannot be
 * read this early), it builds as before. Only the compile is done early: the probes (the runaway check and its
 * remembered verdict) run at the start event on the adopted ruleset as on any other. Reloads, validations and the
 * watcher never see an early build: it is taken at most once.
 */
public final class EarlyBuild {

    /** As much stack as a build's own thread has ({@link BuildLimiter}): deeply nested rules recurse in the parser. */
    private static final long STACK_BYTES = 4L * 1024 * 1024;
    private static final AtomicReference<EarlyBuild> PENDING = new AtomicReference<>();

    /** Where the build looked, what it read and what it built; sources and outcome null when it could not read. */
    private record Built(Path rulesDir, Path sourcesDir, RuleSources sources, RulesetBuilder.Outcome outcome) {
    }

    private final FutureTask<Built> task;

    private EarlyBuild(Callable<Built> work) {
        this.task = new FutureTask<>(work);
    }

    /**
     * Starts building the rules directory of the service's runtime configuration (as Quarkus will read it: system
     * properties, environment, application.properties and the active profile) on a thread of its own. Where that
     * configuration cannot be built this early nothing is built, and the start event builds as before.
     */
    public static void startConfigured() {
        start(() -> configured().map(d -> build(d.rulesDir(), d.sourcesDir())).orElse(null));
    }

    /** The rules directory and the source texts directory a build reads. */
    record Directories(Path rulesDir, Path sourcesDir) {
    }

    /**
     * The directories of the service's runtime configuration, read the way Quarkus reads it at start (its generated
     * runtime configuration: system properties, environment, application.properties, the active profile); empty where
     * that configuration cannot be built.
     */
    static Optional<Directories> configured() {
        try {
            // Quarkus' own sources and profile (system properties, environment, .env, application.properties) with
            // only the service's mapping: all of Quarkus' runtime mappings would cost this thread twice the CPU,
            // on the start's longest path. Were the two readings ever to differ, the start builds again (take).
            AdvisorConfig config = ConfigUtils.configBuilder().withMapping(AdvisorConfig.class).build()
                    .getConfigMapping(AdvisorConfig.class);
            return Optional.of(new Directories(Path.of(config.rulesDir()), Path.of(config.sourcesDir())));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** Starts building {@code rulesDir} on a thread of its own; what {@link #take} may adopt. */
    static EarlyBuild start(Path rulesDir, Path sourcesDir) {
        return start(() -> build(rulesDir, sourcesDir));
    }

    private static EarlyBuild start(Callable<Built> work) {
        EarlyBuild early = new EarlyBuild(work);
        PENDING.set(early);
        Thread thread = new Thread(null, early.task, "ruleset-early-build", STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        return early;
    }

    private static Built build(Path rulesDir, Path sourcesDir) {
        RuleSources sources;
        try {
            sources = RuleSources.read(rulesDir);
        } catch (RuleSources.UnreadableException e) {
            return new Built(rulesDir, sourcesDir, null, null);
        }
        return new Built(rulesDir, sourcesDir, sources,
                BuildLimiter.contained(() -> RulesetBuilder.build(sources, sourcesDir)));
    }

    /**
     * The outcome of the early build, once it has ended, if it was built from these very sources of {@code rulesDir}
     * against {@code sourcesDir}; empty otherwise (nothing built early, other directories, files changed since, the
     * build failed in itself rather than finding errors in the rules). Taken at most once.
     */
    static Optional<RulesetBuilder.Outcome> take(Path rulesDir, Path sourcesDir, RuleSources sources) {
        EarlyBuild early = PENDING.getAndSet(null);
        Built built = early == null ? null : early.join();
        if (built == null || built.sources() == null || !same(built.rulesDir(), rulesDir)
                || !same(built.sourcesDir(), sourcesDir) || built.outcome().aborted()
                || !built.sources().sha256().equals(sources.sha256())) {
            return Optional.empty();
        }
        return Optional.of(built.outcome());
    }

    /** The early build's outcome, waiting for it; null if it could not read the directory. For tests. */
    RulesetBuilder.Outcome outcome() {
        Built built = join();
        return built == null ? null : built.outcome();
    }

    private Built join() {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
