package io.nqpf.advisor.authoring;

import io.nqpf.advisor.engine.RuleError;
import io.nqpf.advisor.engine.RuleInfo;
import io.nqpf.advisor.engine.RuleSources;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.engine.RulesetBuilder;
import io.nqpf.advisor.knowledge.CitationCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Checks a rules directory without starting the service: builds it (every error with file:line:column, citations
 * checked against the source texts where present), runs its scenarios, writes the rule coverage, and exits non-zero
 * when anything fails or a rule never fires.
 * <pre>./mvnw -q -Prules-check -Drules.dir=path/to/rules -Dsources.dir=path/to/texts</pre>
 */
public final class RulesCheck {

    private RulesCheck() {
    }

    public static void main(String[] args) throws IOException {
        // the check prints all an author needs; library log lines would only add Java class names to it
        Logger.getLogger("").setLevel(Level.OFF);
        Path dir = Path.of(args.length > 0 ? args[0] : "rules");
        Path coverageFile = Path.of(args.length > 1 ? args[1] : "target/rule-coverage.txt");
        Path texts = args.length > 2 && args[2] != null && !args[2].isBlank() ? Path.of(args[2]) : CitationCheck.textsDirFromEnvironment();
        System.exit(check(dir, coverageFile, texts));
    }

    /** The service's default limit on one evaluation (advisor.rules.evaluation-time-limit). */
    private static final java.time.Duration EVALUATION_LIMIT = java.time.Duration.ofSeconds(10);

    static int check(Path dir, Path coverageFile, Path texts) throws IOException {
        RulesetBuilder.Outcome outcome;
        try {
            outcome = RulesetBuilder.build(RuleSources.read(dir), texts);
        } catch (RuleSources.UnreadableException e) {
            outcome = new RulesetBuilder.Outcome(null, e.errors());
        }
        if (outcome.ok()) {
            List<RuleError> runaway = new RunawayProbe(EVALUATION_LIMIT).probe(outcome.ruleset(), dir);
            outcome = runaway.isEmpty() ? outcome : new RulesetBuilder.Outcome(null, runaway);
        }
        if (!outcome.ok()) {
            outcome.errors().forEach(e -> report(dir, e.file(), e.line(), e.column(), e.message()));
            System.out.printf("%d error(s): the rules in %s do not build%n", outcome.errors().size(), dir);
            return 1;
        }
        Ruleset ruleset = outcome.ruleset();
        System.out.printf("Ruleset %s builds: %d rules%n", ruleset.version(), ruleset.rules().size());
        System.out.println(ruleset.citations());
        ScenarioRunner runner = new ScenarioRunner(ruleset);
        ScenarioRunner.Loaded loaded = ScenarioRunner.load(dir);
        loaded.problems().forEach(e -> report(dir, e.file(), e.line(), e.column(), e.message()));
        int failed = loaded.problems().size();
        for (ScenarioRunner.Case c : loaded.cases()) {
            ScenarioRunner.Result r = runner.run(c);
            if (!r.passed()) {
                failed++;
                r.failures().forEach(f -> report(dir, c.file(), c.at().line(), c.at().column(),
                        "scenario '" + c.scenario().name() + "': " + f));
            }
        }
        String coverage = runner.coverageReport();
        if (coverageFile.getParent() != null) {
            Files.createDirectories(coverageFile.getParent());
        }
        Files.writeString(coverageFile, coverage);
        // with scenarios that did not load, rules they would fire are no news: the load problems come first
        if (loaded.problems().isEmpty()) {
            runner.neverFired().stream().map(ruleset.rulesByName()::get)
                    .sorted(Comparator.comparing(RuleInfo::file).thenComparingInt(RuleInfo::line))
                    .forEach(r -> report(dir, r.file(), r.line(), 1,
                            "rule \"" + r.name() + "\" never fires in any scenario of tests/"));
        }
        System.out.print(coverage.lines().findFirst().orElse("") + System.lineSeparator());
        System.out.printf("%d passed, %d failed%n", loaded.cases().size() + loaded.problems().size() - failed, failed);
        return failed == 0 && runner.neverFired().isEmpty() ? 0 : 1;
    }

    private static void report(Path dir, String file, int line, int column, String message) {
        System.out.printf("%s:%d:%d: %s%n", dir.resolve(file), line, column, message);
    }
}
