package io.nqpf.advisor.authoring;

import io.nqpf.advisor.config.AdvisorConfig;
import io.nqpf.advisor.engine.Evaluation;
import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.engine.RuleError;
import io.nqpf.advisor.engine.RuleInfo;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.engine.RulesetProbe;
import io.nqpf.advisor.engine.RunawayRulesException;
import io.nqpf.advisor.profile.RegionProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs the profiles of the rules directory's scenarios ({@code tests/*.yaml}) through a new ruleset and refuses it
 * when some rule keeps firing past the firing limit, or one evaluation takes more CPU time than the evaluation time limit,
 * naming the rule, so that rules that loop are caught where authors work (validate, reload, the rules check) and
 * not by a planner's request. Expectations of the scenarios are not judged here; the rules check does that.
 */
@ApplicationScoped
public class RunawayProbe implements RulesetProbe {

    private final Duration evaluationLimit;

    @Inject
    public RunawayProbe(AdvisorConfig config) {
        this(config.rules().evaluationTimeLimit());
    }

    public RunawayProbe(Duration evaluationLimit) {
        this.evaluationLimit = evaluationLimit;
    }

    @Override
    public List<RuleError> probe(Ruleset ruleset, Path rulesDir) {
        // scenario files that do not load are the rules check's to report; here only their profiles matter
        List<ScenarioRunner.Case> cases = ScenarioRunner.load(rulesDir).cases();
        ScenarioRunner runner = new ScenarioRunner(ruleset);
        List<RuleError> errors = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        for (ScenarioRunner.Case c : cases) {
            RegionProfile profile = runner.profile(c);
            if (profile == null) {
                continue;
            }
            long start = cpuNanos();
            try {
                Evaluation evaluation = Evaluator.evaluate(profile, ruleset);
                Duration took = Duration.ofNanos(cpuNanos() - start);
                if (took.compareTo(evaluationLimit) > 0) {
                    String busiest = busiest(evaluation.fired());
                    if (named.add(busiest)) {
                        errors.add(at(ruleset, busiest, "the rules took " + took.toMillis() + " ms of CPU time on scenario '"
                                + c.scenario().name() + "' (" + c.file() + "), over the limit of "
                                + evaluationLimit.toMillis() + " ms; rule \"" + busiest + "\" fired most"));
                    }
                }
            } catch (RunawayRulesException e) {
                if (named.add(e.rule())) {
                    errors.add(at(ruleset, e.rule(), "rule \"" + e.rule() + "\" keeps firing: the rules fired "
                            + e.limit() + " times on scenario '" + c.scenario().name() + "' (" + c.file()
                            + ") and were stopped; a rule that inserts or changes the facts it matches fires again"));
                }
            }
        }
        return errors;
    }

    /**
     * The CPU time of this thread, so that a busy machine does not make correct rules look slow; the clock where the
     * JVM cannot tell.
     */
    private static long cpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled()
                ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }

    private static String busiest(List<String> fired) {
        Map<String, Long> counts = new TreeMap<>(fired.stream().collect(Collectors.groupingBy(r -> r, Collectors.counting())));
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
    }

    private static RuleError at(Ruleset ruleset, String rule, String message) {
        RuleInfo info = ruleset.rulesByName().get(rule);
        return info == null ? new RuleError("", 0, 0, message) : new RuleError(info.file(), info.line(), 1, message);
    }
}
