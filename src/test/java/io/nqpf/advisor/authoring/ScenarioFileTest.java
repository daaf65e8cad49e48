package io.nqpf.advisor.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nqpf.advisor.engine.RuleError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A scenario file that does not load is reported as file:line:column in plain words, and the scenarios of the
 * other files and the other cases of the same file still load.
 */
class ScenarioFileTest {

    private static final String GOOD_CASE = """
              - name: good
                profile: {regionId: x}
            """;

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("unknown key", """
                          - name: typo
                            profile: {regionId: x}
                            expcet: {bottlenecks: [B-X]}
                        """, new RuleError("tests/b.yaml", 4, 5,
                                "unknown key 'expcet'; known keys: expect, name, profile, why"), 2),
                Arguments.of("unknown expectation", """
                          - name: typo
                            profile: {regionId: x}
                            expect: {bottleneck: [B-X]}
                        """, new RuleError("tests/b.yaml", 4, 14, "unknown key 'bottleneck'; known keys: absent, "
                                + "bottlenecks, certain, cityIndustryStage, cityStageCertainty, dataGaps, inTop, leadingBottlenecks, "
                                + "maxBottlenecks, maxRecommendations, minBottlenecks, notBottlenecks, notInClearsWhen, notInTop, "
                                + "presumed, ranksBefore, stage, stageDecidedBy, top, watchlist"), 2),
                Arguments.of("wrong value type", """
                          - name: typo
                            profile: {regionId: x}
                            expect: {top: many}
                        """, new RuleError("tests/b.yaml", 4, 19, "'top' must be a whole number, not 'many'"), 2),
                Arguments.of("missing profile file", """
                          - name: missing
                            profile: no-such-profile.json
                        """, new RuleError("tests/b.yaml", 3, 14, "profile file 'no-such-profile.json' not found "
                                + "beside this file nor in the working directory"), 2),
                Arguments.of("bad YAML", """
                          - name: bad: yaml
                            profile: {regionId: x}
                        """, new RuleError("tests/b.yaml", 2, 14, "a ':' that YAML cannot read here: put quotes "
                                + "around a text that contains ': ', or check the indentation of this line"), 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void reportedWhereItStandsAndTheOthersStillLoad(String mistake, String brokenCase, RuleError expected,
            int loadedCases, @TempDir Path rules) throws IOException {
        Files.createDirectories(rules.resolve("tests"));
        Files.writeString(rules.resolve("tests/a.yaml"), "cases:\n" + GOOD_CASE);
        Files.writeString(rules.resolve("tests/b.yaml"), "cases:\n" + brokenCase + GOOD_CASE);

        ScenarioRunner.Loaded loaded = ScenarioRunner.load(rules);

        assertEquals(List.of(expected), loaded.problems());
        assertEquals(loadedCases, loaded.cases().size(), "cases still loaded");
    }
}
