package io.nqpf.advisor.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.support.Rules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules check on a broken copy of the bundled rules prints only what an author reads: located
 * {@code file:line:column: message} lines and its summary lines, the root cause first, and fails.
 */
class RulesCheckTest {

    private static final Pattern ALLOWED = Pattern.compile(String.join("|",
            "[^ ]+:\\d+:\\d+: [^\\n]+",
            "\\d+ error\\(s\\): the rules in .+ do not build",
            "Ruleset \\S+ builds: \\d+ rules",
            "citations (verified|not verified): .+",
            "Rule coverage: .+",
            "\\d+ passed, \\d+ failed"));
    private static final Pattern JAVA = Pattern.compile("io\\.nqpf|java\\.|Exception|\\tat ");

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                Arguments.of("catalog key typo", "catalog/bottlenecks.yaml", "    title:\n", "    titel:\n",
                        "catalog/bottlenecks.yaml:{line}:5: unknown key 'titel'", "1 error(s): "),
                Arguments.of("scenario key typo", "tests/examples.yaml", "    expect:\n", "    expcet:\n",
                        "tests/examples.yaml:{line}:5: unknown key 'expcet'", "{others} passed, 1 failed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void printsOnlyLocatedLinesAndSummaries(String mistake, String file, String correct, String wrong,
            String firstError, String lastLine, @TempDir Path dir) throws IOException {
        Path rules = dir.resolve("rules");
        copy(Rules.DIR, rules);
        // scenarios name their profiles as ../../examples/*.json
        copy(Path.of("examples"), dir.resolve("examples"));
        Path edited = rules.resolve(file);
        String text = Files.readString(edited);
        Files.writeString(edited, text.replaceFirst(Pattern.quote(correct), wrong));
        // where the mistake stands and how many scenarios remain follow the bundled files, which authors change
        int line = (int) text.substring(0, text.indexOf(correct)).chars().filter(c -> c == '\n').count() + 1;
        int others = ScenarioRunner.load(Rules.DIR).cases().size() - 1;
        firstError = firstError.replace("{line}", String.valueOf(line));
        lastLine = lastLine.replace("{others}", String.valueOf(others));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream console = System.out;
        int status;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            status = RulesCheck.check(rules, dir.resolve("coverage.txt"), Rules.SOURCE_TEXTS);
        } finally {
            System.setOut(console);
        }

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(1, status, String.join("\n", lines));
        lines.forEach(l -> assertTrue(ALLOWED.matcher(l).matches() && !JAVA.matcher(l).find(),
                () -> "not for authors: " + l));
        String first = lines.stream().filter(l -> l.startsWith(rules.toString())).findFirst().orElse("");
        assertTrue(first.startsWith(rules.resolve(firstError.substring(0, firstError.indexOf(':'))).toString()
                + firstError.substring(firstError.indexOf(':'))), first);
        assertTrue(lines.get(lines.size() - 1).startsWith(lastLine), lines.get(lines.size() - 1));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(p -> {
                try {
                    Files.copy(p, to.resolve(from.relativize(p).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
