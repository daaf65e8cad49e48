package io.nqpf.advisor.authoring;

import io.nqpf.advisor.engine.RuleError;
import io.nqpf.advisor.engine.RuleSources;
import io.nqpf.advisor.engine.RulesetBuilder;
import io.nqpf.advisor.knowledge.CitationCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
        Path dir = Path.of(args.length > 0 ? args[0] : "rules");
        Path coverageFile = Path.of(args.length > 1 ? args[1] : "target/rule-coverage.txt");
        Path texts = args.length > 2 && !args[2].isBlank() ? Path.of(args[2]) : CitationCheck.textsDirFromEnvironment();
        System.exit(check(dir, coverageFile, texts));
    }

    /** The service's default limit on one evaluation (advisor.rules.evaluation-time-limit). */
    private static final java.time.Duration EVALUATION_LIMIT = java.time.Duration.ofSeconds(2);

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
            for (RuleError e : outcome.errors()) {
                System.out.printf("%s:%d:%d: %s%n", dir.resolve(e.file()), e.line(), e.column(), e.message());
            }
            System.out.printf("%d error(s): the rules in %s do not build%n", outcome.errors().size(), dir);
            return 1;
        }
        System.out.printf("Ruleset %s builds: %d rules%n", outcome.ruleset().version(), outcome.ruleset().rules().size());
        System.out.println(outcome.ruleset().citations());
        ScenarioRunner runner = new ScenarioRunner(outcome.ruleset());
        List<ScenarioRunner.Case> cases = ScenarioRunner.load(dir);
        int failed = 0;
        for (ScenarioRunner.Case c : cases) {
            ScenarioRunner.Result r = runner.run(c);
            if (!r.passed()) {
                failed++;
                System.out.println("FAIL " + c.displayName());
                r.failures().forEach(f -> System.out.println("     " + f));
            }
        }
        String coverage = runner.coverageReport();
        if (coverageFile.getParent() != null) {
            Files.createDirectories(coverageFile.getParent());
        }
        Files.writeString(coverageFile, coverage);
        System.out.print(coverage.lines().findFirst().orElse("") + System.lineSeparator());
        runner.neverFired().forEach(r -> System.out.println("never fired: " + r));
        System.out.printf("%d passed, %d failed%n", cases.size() - failed, failed);
        return failed == 0 && runner.neverFired().isEmpty() ? 0 : 1;
    }
}
