package io.nqpf.advisor.report;

import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.engine.RulesetHolder;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.RegionProfile;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.nqpf.advisor.engine.RunawayRulesException;
import org.jboss.logging.Logger;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

/** Evaluates profiles against the active ruleset and words the report. */
@ApplicationScoped
public class RecommendationService {

    private static final Logger LOG = Logger.getLogger(RecommendationService.class);

    private final RulesetHolder rulesets;
    private final Timer evaluations;
    private final Counter runaways;

    public RecommendationService(RulesetHolder rulesets, MeterRegistry registry) {
        this.rulesets = rulesets;
        this.runaways = Counter.builder("advisor.evaluations.runaway")
                .description("Evaluations stopped because a rule kept firing past the limit (no report was given)")
                .register(registry);
        this.evaluations = Timer.builder("advisor.evaluations")
                .description("Evaluations of one profile: rules, ranking and wording, without HTTP and JSON")
                .publishPercentileHistogram()
                .register(registry);
    }

    public Report evaluate(RegionProfile profile, Language language, boolean explain) {
        return evaluate(profile, language, explain, ruleset());
    }

    /** @throws RunawayRulesException when a rule keeps firing on this profile: counted and logged here */
    public Report evaluate(RegionProfile profile, Language language, boolean explain, Ruleset ruleset) {
        try {
            return evaluations.record(
                    () -> ReportAssembler.assemble(profile, Evaluator.evaluate(profile, ruleset), language, explain));
        } catch (RunawayRulesException e) {
            runaways.increment();
            LOG.errorf("Ruleset %s ran away on region %s: rule \"%s\" kept firing past %d firings; no report given",
                    e.version(), profile.regionId(), e.rule(), e.limit());
            throw e;
        }
    }

    /** Evaluates both profiles with one ruleset and compares the reports. */
    public ComparisonReport compare(RegionProfile before, RegionProfile after, Language language) {
        Ruleset ruleset = ruleset();
        Report a = evaluate(before, language, false, ruleset);
        Report b = evaluate(after, language, false, ruleset);
        return ComparisonAssembler.compare(before, a, after, b, ruleset.catalog(), language);
    }

    /** The active ruleset, or {@link NoRulesetException} while none has built. */
    public Ruleset ruleset() {
        return rulesets.active().orElseThrow(NoRulesetException::new);
    }

    /** No ruleset has been built yet: the service is not ready. */
    public static class NoRulesetException extends RuntimeException {
        public NoRulesetException() {
            super("No ruleset is active: the rules directory did not build. Fix it and reload.");
        }
    }
}
