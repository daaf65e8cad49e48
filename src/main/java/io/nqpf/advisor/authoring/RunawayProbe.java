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
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jboss.logging.Logger;
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
 * not by a planner's request. Expectations of the scenarios are not judged here; the rules check does that. A clean
 * verdict is remembered under the data directory ({@code probe-verdicts/}), keyed by the rules' sha256, the scenario
 * profiles, the limit and this build of the service, so that a start with unchanged rules does not run them again.
 */
@ApplicationScoped
public class RunawayProbe implements RulesetProbe {

    private static final Logger LOG = Logger.getLogger(RunawayProbe.class);

    private final Duration evaluationLimit;
    /** Where clean verdicts are remembered, one empty file named by its key; null to remember none. */
    private final Path verdicts;

    @Inject
    public RunawayProbe(AdvisorConfig config) {
        this(config.rules().evaluationTimeLimit(), Path.of(config.dataDir()).resolve("probe-verdicts"));
    }

    public RunawayProbe(Duration evaluationLimit) {
        this(evaluationLimit, null);
    }

    /** @param verdicts the directory where clean verdicts are remembered, or null */
    public RunawayProbe(Duration evaluationLimit, Path verdicts) {
        this.evaluationLimit = evaluationLimit;
        this.verdicts = verdicts;
    }

    @Override
    public List<RuleError> probe(Ruleset ruleset, Path rulesDir) {
        // scenario files that do not load are the rules check's to report; here only their profiles matter
        List<ScenarioRunner.Case> cases = ScenarioRunner.load(rulesDir).cases();
        String key = verdicts == null ? null : key(ruleset, cases, evaluationLimit);
        if (key != null && Files.exists(verdicts.resolve(key))) {
            LOG.debugf("The scenarios ran clean on ruleset %s before (verdict %s): not run again", ruleset.version(), key);
            return List.of();
        }
        List<RuleError> errors = run(ruleset, cases);
        if (errors.isEmpty() && key != null) {
            remember(key, ruleset);
        }
        return errors;
    }

    /**
     * What a verdict depends on: the exact rules (their sha256), every scenario profile run on them, the evaluation
     * limit, and this build of the service (its code may judge differently).
     */
    static String key(Ruleset ruleset, List<ScenarioRunner.Case> cases, Duration evaluationLimit) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            java.util.function.Consumer<String> add = text -> {
                digest.update(text.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            };
            add.accept(CODE);
            add.accept(ruleset.sha256());
            add.accept(evaluationLimit.toString());
            for (ScenarioRunner.Case c : cases) {
                add.accept(c.file());
                add.accept(c.scenario().name());
                JsonNode profile;
                try {
                    profile = ScenarioRunner.profileNode(c);
                } catch (RuntimeException e) {
                    profile = null;
                }
                add.accept(String.valueOf(profile));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This build of the service: where its classes are, how large and when written. */
    private static final String CODE = code();

    private static String code() {
        try {
            Path where = Path.of(RunawayProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path file = Files.isDirectory(where) ? where.resolve(RunawayProbe.class.getName().replace('.', '/') + ".class")
                    : where;
            return where + " " + Files.size(file) + " " + Files.getLastModifiedTime(file);
        } catch (Exception e) {
            return "unknown " + System.nanoTime(); // remembers nothing across starts
        }
    }

    private void remember(String key, Ruleset ruleset) {
        try {
            Files.createDirectories(verdicts);
            Files.writeString(verdicts.resolve(key), ruleset.version() + "\n");
        } catch (java.io.IOException | RuntimeException e) {
            LOG.debugf("Cannot remember the verdict on ruleset %s in %s: %s", ruleset.version(), verdicts, e);
        }
    }

    private List<RuleError> run(Ruleset ruleset, List<ScenarioRunner.Case> cases) {
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
