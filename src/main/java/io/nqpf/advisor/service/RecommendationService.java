package io.nqpf.advisor.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nqpf.advisor.assessments.DecisionLog;
import io.nqpf.advisor.config.AdvisorConfig;
import io.nqpf.advisor.engine.Evaluation;
import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.engine.RunawayRulesException;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.BatchReader;
import io.nqpf.advisor.profile.InvalidProfileException;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.profile.Violation;
import io.nqpf.advisor.report.ComparisonAssembler;
import io.nqpf.advisor.report.ComparisonReport;
import io.nqpf.advisor.report.Report;
import io.nqpf.advisor.report.ReportAssembler;
import io.nqpf.advisor.report.ReportSummary;
import io.nqpf.advisor.report.SummaryAssembler;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Reads request bodies within their limits, evaluates the profiles against the active ruleset and words the
 * reports: one profile, a batch (each profile on its own, in parallel, with one ruleset) or a comparison of two.
 */
@ApplicationScoped
public class RecommendationService {

    private static final Logger LOG = Logger.getLogger(RecommendationService.class);

    private final RulesetService rulesets;
    private final ProfileReader reader;
    private final AdvisorConfig.Limits limits;
    private final Timer evaluations;
    private final Counter runaways;
    private final DecisionLog decisions;
    private final ExecutorService batchWorkers = Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors(), RecommendationService::batchWorker);

    public RecommendationService(RulesetService rulesets, ProfileReader reader, AdvisorConfig config,
            MeterRegistry registry, DecisionLog decisions) {
        this.rulesets = rulesets;
        this.decisions = decisions;
        this.reader = reader;
        this.limits = config.limits();
        this.runaways = Counter.builder("advisor.evaluations.runaway")
                .description("Evaluations stopped because a rule kept firing past the limit (no report was given)")
                .register(registry);
        this.evaluations = Timer.builder("advisor.evaluations")
                .description("Evaluations of one profile: rules, ranking and wording, without HTTP and JSON")
                .publishPercentileHistogram()
                .register(registry);
    }

    /**
     * The report on the profile in the body: a {@link Report}, or a {@link ReportSummary} when the options ask for
     * the summary view.
     */
    public Object evaluate(byte[] body, ReportOptions options) {
        PayloadTooLargeException.requireWithin(body, limits.profileBytes());
        RegionProfile profile = reader.read(body, RegionProfile.class);
        return evaluate(profile, options, rulesets.active());
    }

    /**
     * The profiles of a batch body, each read and checked on its own; refuses the whole body only when it is no
     * batch at all, too large or has too many profiles.
     */
    public List<BatchReader.Item> readBatch(byte[] body) {
        PayloadTooLargeException.requireWithin(body, limits.batchBytes());
        try {
            return new BatchReader(reader, limits.batchProfiles(), limits.profileBytes()).read(body);
        } catch (BatchReader.TooManyProfilesException e) {
            throw new PayloadTooLargeException(e.text());
        }
    }

    /**
     * Hands {@code sink} the outcome of each item as soon as it and those before it are evaluated, in request order:
     * a bad profile fails only itself, and every profile is evaluated with the ruleset active when the batch starts.
     * Items are evaluated in parallel, at most {@link #AHEAD} ahead of the one the sink waits for, so memory holds
     * a few reports whatever the size of the batch. When the sink throws (a client gone), the rest is dropped.
     */
    public void evaluateBatch(List<BatchReader.Item> items, ReportOptions options, Consumer<BatchItem> sink) {
        evaluateBatch(items.iterator(), options, sink);
    }

    /**
     * The same for items read as they are asked for (the rows of an uploaded sheet): at most {@link #AHEAD} items
     * are read ahead of the one the sink waits for.
     */
    public void evaluateBatch(java.util.Iterator<BatchReader.Item> items, ReportOptions options, Consumer<BatchItem> sink) {
        Ruleset ruleset = rulesets.active();
        Deque<Future<BatchItem>> inFlight = new ArrayDeque<>();
        try {
            while (items.hasNext() || !inFlight.isEmpty()) {
                while (items.hasNext() && inFlight.size() < AHEAD) {
                    BatchReader.Item item = items.next();
                    inFlight.add(batchWorkers.submit(() -> one(item, options, ruleset)));
                }
                sink.accept(outcome(inFlight.poll()));
            }
        } finally {
            inFlight.forEach(f -> f.cancel(true));
        }
    }

    private static BatchItem outcome(Future<BatchItem> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating a batch", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private BatchItem one(BatchReader.Item item, ReportOptions options, Ruleset ruleset) {
        if (item.problem() != null) {
            return new BatchItem(item.index(), item.regionId(), null, item.problem(), null);
        }
        try {
            return new BatchItem(item.index(), item.regionId(), evaluate(item.profile(), options, ruleset), null, null);
        } catch (RunawayRulesException e) {
            return new BatchItem(item.index(), item.regionId(), null, null, e);
        }
    }

    /** Evaluates both profiles of the body ({@code {"before": …, "after": …}}) with one ruleset and compares them. */
    public ComparisonReport compare(byte[] body, Language language) {
        return compareBody(body, language, false).comparison();
    }

    /** A comparison with the full reports of its two sides, as a workbook of the comparison shows them. */
    public record Compared(ComparisonReport comparison, Report before, Report after) {
    }

    /** {@link #compare} and the two reports it compared. */
    public Compared compareWithReports(byte[] body, Language language) {
        return compareBody(body, language, true);
    }

    private Compared compareBody(byte[] body, Language language, boolean shown) {
        PayloadTooLargeException.requireWithin(body, 2 * limits.profileBytes());
        JsonNode root = ProfileReader.tree(body);
        List<Violation> violations = new ArrayList<>();
        if (!RequestEnvelope.check(root, violations, "before", "after")) {
            throw new InvalidProfileException("title.invalid-comparison", violations);
        }
        RegionProfile before = side(root, "before", violations);
        RegionProfile after = side(root, "after", violations);
        if (!violations.isEmpty()) {
            throw new InvalidProfileException("title.invalid-comparison", violations);
        }
        return compareFully(before, after, language, shown);
    }

    /** Evaluates both profiles with one ruleset and compares them. */
    public ComparisonReport compare(RegionProfile before, RegionProfile after, Language language) {
        return compareFully(before, after, language, false).comparison();
    }

    /** {@link #compare(RegionProfile, RegionProfile, Language)} and the two reports it compared. */
    public Compared compareFully(RegionProfile before, RegionProfile after, Language language) {
        return compareFully(before, after, language, true);
    }

    /**
     * @param shown whether the two reports are shown (a workbook of the comparison): only then are their watchlist and
     *              data gaps (the what-if pass) made; the comparison itself reads neither
     */
    private Compared compareFully(RegionProfile before, RegionProfile after, Language language, boolean shown) {
        Ruleset ruleset = rulesets.active();
        // a comparison ranks every measure, so that a move out of the top of the list is seen
        ReportOptions all = ReportOptions.full(language, false, Integer.MAX_VALUE);
        Evaluated a = evaluated(before, all, ruleset, shown);
        Evaluated b = evaluated(after, all, ruleset, shown);
        Report ra = (Report) a.report();
        Report rb = (Report) b.report();
        return new Compared(ComparisonAssembler.compare(before, ra, a.evaluation().findings().bottlenecks(), after, rb,
                b.evaluation().findings().bottlenecks(), ruleset, language), ra, rb);
    }

    /** The full report on a profile already read, with every countermeasure ranked, by the active ruleset. */
    public Report evaluateFull(RegionProfile profile, Language language) {
        return (Report) evaluate(profile, ReportOptions.full(language, false, Integer.MAX_VALUE), rulesets.active());
    }

    /**
     * The member {@code name} of a request object read as a profile; its violations are added named
     * {@code name.…}, and null is answered then.
     */
    public RegionProfile side(JsonNode root, String name, List<Violation> violations) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            violations.add(Violation.of(name, "constraint.not-null"));
            return null;
        }
        try {
            return reader.read(node, RegionProfile.class);
        } catch (InvalidProfileException e) {
            e.violations().forEach(v -> violations.add(v.at(v.field().isEmpty() ? name : name + "." + v.field())));
            return null;
        }
    }

    private Object evaluate(RegionProfile profile, ReportOptions options, Ruleset ruleset) {
        return evaluated(profile, options, ruleset, options.whatIf()).report();
    }

    /** An evaluation and the report made of it. */
    private record Evaluated(Evaluation evaluation, Object report) {
    }

    /**
     * @param whatIf whether to run the what-if pass (watchlist, data gaps): a report made without it has neither
     * @throws RunawayRulesException when a rule keeps firing on this profile: counted and logged here
     */
    private Evaluated evaluated(RegionProfile profile, ReportOptions options, Ruleset ruleset, boolean whatIf) {
        try {
            Evaluated done = evaluations.record(() -> {
                Evaluation evaluation = Evaluator.evaluate(profile, ruleset, whatIf);
                return new Evaluated(evaluation, options.summary()
                        ? SummaryAssembler.assemble(profile, evaluation, new SummaryAssembler.Parts(
                                options.language(), options.limit(), options.watchlist(), options.dataGaps(),
                                options.nextIndicators(), options.peerContext()))
                        : ReportAssembler.assemble(profile, evaluation, options.language(), options.explain(),
                                options.limit()));
            });
            // handed over without waiting: the log is written by its own thread, and dropped when its queue is full
            decisions.record(profile, done.report());
            return done;
        } catch (RunawayRulesException e) {
            runaways.increment();
            LOG.errorf("Ruleset %s ran away on region %s: rule \"%s\" kept firing past %d firings; no report given",
                    e.version(), profile.regionId(), e.rule(), e.limit());
            throw e;
        }
    }

    private static Thread batchWorker(Runnable task) {
        Thread thread = new Thread(task, "batch-evaluation");
        thread.setDaemon(true);
        return thread;
    }

    @PreDestroy
    void stop() {
        batchWorkers.shutdownNow();
    }

    /** Evaluations a batch runs ahead of the one it hands on: enough to keep every core busy. */
    static final int AHEAD = 2 * Runtime.getRuntime().availableProcessors();
}
