package io.nqpf.advisor.engine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.nqpf.advisor.config.AdvisorConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Holds the active ruleset. A reload builds the new one aside and swaps the reference only when it built
 * cleanly, so a broken edit never stops the last good ruleset from serving; evaluations already running keep
 * the ruleset they started with. Builds run one at a time under a CPU-time limit ({@link BuildLimiter}).
 */
@ApplicationScoped
public class RulesetHolder {

    private static final Logger LOG = Logger.getLogger(RulesetHolder.class);

    private final AtomicReference<Ruleset> active = new AtomicReference<>();
    private final Path rulesDir;
    private final MeterRegistry registry;
    private final BuildLimiter builds;
    private final List<RulesetProbe> probes;
    /** The source texts the catalog quotes. */
    private final Path sourcesDir;
    /** Every ruleset that became active, for a start with rules that do not build. */
    private final RulesetArchive archive;
    /** The files that kept the rules directory from building while a kept ruleset serves; empty otherwise. */
    private final AtomicReference<List<String>> fallbackFrom = new AtomicReference<>(List.of());
    /** advisor_ruleset_info{version="…"} 1: the active version, so that the replicas' versions show side by side */
    private final MultiGauge info;

    public RulesetHolder(AdvisorConfig config, MeterRegistry registry, Instance<RulesetProbe> probes) {
        this.probes = probes.stream().toList();
        this.rulesDir = Path.of(config.rulesDir());
        this.sourcesDir = Path.of(config.sourcesDir());
        this.registry = registry;
        this.builds = new BuildLimiter(config.rules().buildCpuLimit(), config.rules().buildTimeLimit());
        this.archive = new RulesetArchive(Path.of(config.dataDir()));
        Gauge.builder("advisor.ruleset.fallback", fallbackFrom, f -> f.get().isEmpty() ? 0 : 1)
                .description("1 while the service serves the last good ruleset kept from before because the rules "
                        + "directory did not build at start-up (the log names the broken files); 0 otherwise")
                .register(registry);
        Gauge.builder("advisor.ruleset.rules", active, a -> a.get() == null ? 0 : a.get().rules().size())
                .description("Rules in the active ruleset (0 while none is active)").register(registry);
        Gauge.builder("advisor.ruleset.build.running", builds, b -> b.running() ? 1 : 0)
                .description("1 while a ruleset build (start-up, reload, validate or the watcher's) runs; 0 otherwise")
                .register(registry);
        this.info = MultiGauge.builder("advisor.ruleset.info")
                .description("1 for the version of the active ruleset (label version); absent while none is active")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        RulesetBuilder.Outcome outcome = activate(builds.run(() -> build(() -> RuleSources.read(rulesDir),
                sources -> buildAtStart(sources, rulesDir, sourcesDir))));
        if (!outcome.ok() && !fallBack(outcome)) {
            LOG.errorf("No ruleset active: the rules in %s do not build and no ruleset was kept from before; readiness "
                    + "stays DOWN until a reload succeeds", rulesDir.toAbsolutePath());
        }
    }

    /** Serves the last good ruleset kept on disk, if there is one that builds; says whether it does. */
    private boolean fallBack(RulesetBuilder.Outcome broken) {
        var kept = archive.latest();
        if (kept.isEmpty()) {
            return false;
        }
        RulesetBuilder.Outcome outcome = builds.run(() -> RulesetBuilder.build(kept.get(), sourcesDir));
        if (!outcome.ok()) {
            return false;
        }
        List<String> files = broken.errors().stream().map(e -> e.file().isEmpty() ? "(the rules directory)" : e.file())
                .distinct().toList();
        fallbackFrom.set(files);
        active.set(outcome.ruleset());
        publish(outcome.ruleset());
        LOG.warnf("The rules in %s do not build (%s); serving the last good ruleset %s, kept from before, until a "
                + "reload succeeds (metric advisor_ruleset_fallback)", rulesDir.toAbsolutePath(), String.join(", ", files),
                outcome.ruleset().version());
        return true;
    }

    /** The files that kept the rules directory from building at start-up while a kept ruleset serves; else empty. */
    public List<String> fallbackFrom() {
        return fallbackFrom.get();
    }

    public Optional<Ruleset> active() {
        return Optional.ofNullable(active.get());
    }

    public Path rulesDir() {
        return rulesDir;
    }

    /**
     * Rebuilds from the rules directory once any running build has ended, without a time limit (the build at
     * start); swaps only on success.
     */
    public RulesetBuilder.Outcome reload() {
        return activate(builds.run(this::buildFromDisk));
    }

    /**
     * Rebuilds now for a caller waiting for the answer (stopped at the wall-clock limit), or throws
     * {@link BuildLimiter.BusyException} while another build runs.
     */
    public RulesetBuilder.Outcome reloadIfIdle() {
        return activate(builds.tryRun(this::buildFromDisk));
    }

    /**
     * Rebuilds now for nobody waiting (the rules watcher): a busy machine delays the build but does not stop it; throws
     * {@link BuildLimiter.BusyException} while another build runs.
     */
    public RulesetBuilder.Outcome reloadUnattended() {
        return activate(builds.tryRunUnattended(this::buildFromDisk));
    }

    /**
     * Builds the rules directory with some files replaced, activating nothing; throws
     * {@link BuildLimiter.BusyException} while another build runs.
     */
    public RulesetBuilder.Outcome validate(Map<String, String> drafts) {
        return builds.tryRun(() -> {
            // parsed within the build's limits: a draft may nest deeply enough to overflow the parser's stack
            List<RuleError> refused = new ArrayList<>();
            drafts.forEach((file, text) -> {
                if (file.endsWith(".drl")) {
                    refused.addAll(DrlScanner.codeAtCompileTime(file, text));
                }
            });
            return refused.isEmpty() ? build(() -> RuleSources.read(rulesDir).with(drafts))
                    : new RulesetBuilder.Outcome(null, List.copyOf(refused));
        });
    }

    private RulesetBuilder.Outcome buildFromDisk() {
        return build(() -> RuleSources.read(rulesDir));
    }

    /**
     * The build at start: the one made while Quarkus started ({@link EarlyBuild}) if it was made from exactly these
     * sources of this directory, else a build of them now.
     */
    static RulesetBuilder.Outcome buildAtStart(RuleSources sources, Path rulesDir, Path sourcesDir) {
        Optional<RulesetBuilder.Outcome> early = EarlyBuild.take(rulesDir, sourcesDir, sources);
        if (early.isPresent()) {
            LOG.debugf("Ruleset %s was built while the service started", sources.version());
            return early.get();
        }
        return RulesetBuilder.build(sources, sourcesDir);
    }

    private RulesetBuilder.Outcome build(Supplier<RuleSources> sources) {
        return build(sources, s -> RulesetBuilder.build(s, sourcesDir));
    }

    private RulesetBuilder.Outcome build(Supplier<RuleSources> sources,
            Function<RuleSources, RulesetBuilder.Outcome> compile) {
        Timer.Sample sample = Timer.start(registry);
        RulesetBuilder.Outcome outcome;
        try {
            outcome = probed(compile.apply(sources.get()));
        } catch (RuleSources.UnreadableException e) {
            outcome = new RulesetBuilder.Outcome(null, e.errors());
        }
        sample.stop(Timer.builder("advisor.ruleset.builds").description("Ruleset builds from the rules directory")
                .tag("outcome", outcome.ok() ? "success" : "failure").register(registry));
        return outcome;
    }

    /** A built ruleset that some probe refuses is not built. */
    private RulesetBuilder.Outcome probed(RulesetBuilder.Outcome outcome) {
        if (!outcome.ok()) {
            return outcome;
        }
        List<RuleError> errors = new ArrayList<>();
        probes.forEach(p -> errors.addAll(p.probe(outcome.ruleset(), rulesDir)));
        return errors.isEmpty() ? outcome : new RulesetBuilder.Outcome(null, List.copyOf(errors));
    }

    private void publish(Ruleset ruleset) {
        info.register(List.of(MultiGauge.Row.of(Tags.of("version", ruleset.version()), 1)), true);
    }

    private synchronized RulesetBuilder.Outcome activate(RulesetBuilder.Outcome outcome) {
        if (outcome.ok()) {
            Ruleset previous = active.getAndSet(outcome.ruleset());
            publish(outcome.ruleset());
            fallbackFrom.set(List.of());
            archive.keep(rulesDir, outcome.ruleset());
            LOG.infof("Ruleset %s active: %d rules from %s%s", outcome.ruleset().version(), outcome.ruleset().rules().size(),
                    rulesDir.toAbsolutePath(), previous == null ? "" : " (was " + previous.version() + ")");
        } else {
            outcome.errors().forEach(e -> LOG.warnf("%s:%d:%d %s", e.file(), e.line(), e.column(), e.message()));
        }
        return outcome;
    }
}
