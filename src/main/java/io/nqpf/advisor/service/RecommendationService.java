package io.nqpf.advisor.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nqpf.advisor.config.AdvisorConfig;
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
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
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

    public RecommendationService(RulesetService rulesets, ProfileReader reader, AdvisorConfig config,
            MeterRegistry registry) {
        this.rulesets = rulesets;
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
     * The report on the profile in the body; {@code explain} adds the trace of fired rules, {@code limit} is the most
     * countermeasures listed.
     */
    public Report evaluate(byte[] body, Language language, boolean explain, int limit) {
        PayloadTooLargeException.requireWithin(body, limits.profileBytes());
        RegionProfile profile = reader.read(body, RegionProfile.class);
        return evaluate(profile, language, explain, limit, rulesets.active());
    }

    /**
     * One outcome per profile of the batch in the body, in request order: a bad profile fails only itself.
     * Every profile is evaluated with the ruleset active when the batch starts.
     */
    public List<BatchItem> evaluateBatch(byte[] body, Language language, int limit) {
        PayloadTooLargeException.requireWithin(body, limits.batchBytes());
        List<BatchReader.Item> items;
        try {
            items = new BatchReader(reader, limits.batchProfiles(), limits.profileBytes()).read(body);
        } catch (BatchReader.TooManyProfilesException e) {
            throw new PayloadTooLargeException(e.getMessage());
        }
        Ruleset ruleset = rulesets.active();
        BatchItem[] outcomes = new BatchItem[items.size()];
        IntStream.range(0, items.size()).parallel()
                .forEach(i -> outcomes[i] = one(items.get(i), language, limit, ruleset));
        return List.of(outcomes);
    }

    private BatchItem one(BatchReader.Item item, Language language, int limit, Ruleset ruleset) {
        if (item.problem() != null) {
            return new BatchItem(item.index(), item.regionId(), null, item.problem(), null);
        }
        try {
            return new BatchItem(item.index(), item.regionId(),
                    evaluate(item.profile(), language, false, limit, ruleset), null, null);
        } catch (RunawayRulesException e) {
            return new BatchItem(item.index(), item.regionId(), null, null, e);
        }
    }

    /** Evaluates both profiles of the body ({@code {"before": …, "after": …}}) with one ruleset and compares them. */
    public ComparisonReport compare(byte[] body, Language language) {
        PayloadTooLargeException.requireWithin(body, 2 * limits.profileBytes());
        JsonNode root = ProfileReader.tree(body);
        List<Violation> violations = new ArrayList<>();
        if (!RequestEnvelope.check(root, "before and after", violations, "before", "after")) {
            throw new InvalidProfileException("Invalid comparison request", violations);
        }
        RegionProfile before = side(root, "before", violations);
        RegionProfile after = side(root, "after", violations);
        if (!violations.isEmpty()) {
            throw new InvalidProfileException("Invalid comparison request", violations);
        }
        Ruleset ruleset = rulesets.active();
        // a comparison ranks every measure, so that a move out of the top of the list is seen
        Report a = evaluate(before, language, false, Integer.MAX_VALUE, ruleset);
        Report b = evaluate(after, language, false, Integer.MAX_VALUE, ruleset);
        return ComparisonAssembler.compare(before, a, after, b, ruleset, language);
    }

    /** One side of a comparison, its violations named {@code before.…} or {@code after.…}. */
    private RegionProfile side(JsonNode root, String name, List<Violation> violations) {
        JsonNode node = root.get(name);
        if (node == null || node.isNull()) {
            violations.add(new Violation(name, "must not be null"));
            return null;
        }
        try {
            return reader.read(node, RegionProfile.class);
        } catch (InvalidProfileException e) {
            e.violations().forEach(v -> violations.add(new Violation(
                    v.field().isEmpty() ? name : name + "." + v.field(), v.message())));
            return null;
        }
    }

    /** @throws RunawayRulesException when a rule keeps firing on this profile: counted and logged here */
    private Report evaluate(RegionProfile profile, Language language, boolean explain, int limit, Ruleset ruleset) {
        try {
            return evaluations.record(() -> ReportAssembler.assemble(profile, Evaluator.evaluate(profile, ruleset),
                    language, explain, limit));
        } catch (RunawayRulesException e) {
            runaways.increment();
            LOG.errorf("Ruleset %s ran away on region %s: rule \"%s\" kept firing past %d firings; no report given",
                    e.version(), profile.regionId(), e.rule(), e.limit());
            throw e;
        }
    }
}
