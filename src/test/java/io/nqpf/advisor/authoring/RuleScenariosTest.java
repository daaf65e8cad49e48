package io.nqpf.advisor.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.support.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario of rules/tests/*.yaml against the bundled rules, one test per case, then enforces rule
 * coverage: every rule must fire in at least one scenario (report in target/rule-coverage.txt).
 */
class RuleScenariosTest {

    @TestFactory
    List<DynamicTest> scenarios() {
        ScenarioRunner runner = new ScenarioRunner(Rules.bundled());
        ScenarioRunner.Loaded loaded = ScenarioRunner.load(Rules.DIR);
        List<ScenarioRunner.Case> cases = loaded.cases();
        assertFalse(cases.isEmpty(), "rules/tests holds no scenario");
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("every scenario file loads", () -> assertEquals(List.of(), loaded.problems())));
        for (ScenarioRunner.Case c : cases) {
            tests.add(DynamicTest.dynamicTest(c.displayName(), () -> {
                ScenarioRunner.Result result = runner.run(c);
                assertTrue(result.passed(), String.join("\n", result.failures()));
            }));
        }
        tests.add(DynamicTest.dynamicTest("rule coverage: every rule fires in some scenario", () -> {
            String report = runner.coverageReport();
            Path file = Path.of("target/rule-coverage.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, report);
            System.out.println(report.lines().findFirst().orElse(""));
            assertEquals(List.of(), runner.neverFired(), "rules no scenario exercises (see target/rule-coverage.txt)");
        }));
        return tests;
    }
}
