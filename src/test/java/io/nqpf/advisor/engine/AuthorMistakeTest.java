package io.nqpf.advisor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.nqpf.advisor.support.Rules;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One mistake a new author makes in the bundled rules gives exactly one error, at the line and column of what is
 * wrong, in plain words: no follow-on "unknown id" errors from the entries that did not load, no Java class names.
 */
class AuthorMistakeTest {

    private static final Pattern JAVA = Pattern.compile("java\\.|io\\.nqpf|class |`|Exception|\\[ERR|\\n");

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("catalog key typo", "catalog/bottlenecks.yaml", "    title:\n", "    titel:\n", "titel",
                        "unknown key 'titel'; known keys: description, id, sources, title"),
                Arguments.of("thresholds key typo, last in the file", "thresholds.yaml",
                        "  - id: GDP_GROWTH_WEAK\n    indicator:", "  - id: GDP_GROWTH_WEAK\n    indicatr:", "indicatr",
                        "unknown key 'indicatr'; known keys: actionable, benchmark, comparison, factor, id, indicator, reference, scale, "
                                + "threshold, weight"),
                Arguments.of("wrong value type", "thresholds.yaml", "    scale: 30\n", "    scale: \"thirty\"\n",
                        "\"thirty\"", "'scale' must be a number, not 'thirty'"),
                Arguments.of("comparison that does not exist", "thresholds.yaml", "    comparison: \"<\"\n",
                        "    comparison: \"=<\"\n", "\"=<\"", "comparison must be one of <, >, <=, >=, ==, != but was =<"),
                Arguments.of("YAML syntax: a tab", "thresholds.yaml", "    threshold: 60\n", "\tthreshold: 60\n",
                        "\tthreshold", "a tab character: indent with spaces"),
                Arguments.of("key written twice", "catalog/bottlenecks.yaml", "  - id: B-INST-MARKET\n",
                        "  - id: B-INST-MARKET\n    id: B-INST-MARKT\n", "id: B-INST-MARKT",
                        "key 'id' is written twice in this mapping"),
                Arguments.of("sources.yaml key typo", "sources.yaml", "    sha256:", "    sha265:", "sha265",
                        "unknown key 'sha265'; known keys: authors, file, id, note, sha256, subject, title, venue, year"),
                Arguments.of("factor text not a mapping", "catalog/factors.yaml",
                        "  score.need:\n    zh-CN: \"所应对瓶颈的严重度\"\n    en: \"Severity of the bottleneck it answers\"\n",
                        "  score.need: [\"所应对瓶颈的严重度\"]\n", "[", "'score.need' must be a mapping of keys to values (key: value lines)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void oneErrorWhereTheMistakeIs(String mistake, String file, String correct, String wrong, String at,
            String message) {
        RuleSources bundled = RuleSources.read(Rules.DIR);
        String original = bundled.files().get(file);
        int first = original.indexOf(correct);
        assertFalse(first < 0, correct + " is not in " + file);
        String edited = original.substring(0, first) + wrong + original.substring(first + correct.length());

        List<RuleError> errors = RulesetBuilder.build(bundled.with(Map.of(file, edited)), Rules.SOURCE_TEXTS).errors();

        int offset = edited.indexOf(at, first);
        int line = (int) edited.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        int column = offset - edited.lastIndexOf('\n', offset - 1);
        assertEquals(1, errors.size(), () -> "errors: " + errors);
        RuleError e = errors.get(0);
        assertEquals(List.of(file, line, column), List.of(e.file(), e.line(), e.column()), e.message());
        assertEquals(message, e.message().replaceFirst(" \\(first at line \\d+\\)$", ""));
        assertFalse(JAVA.matcher(e.message()).find(), e.message());
    }

    static Stream<Arguments> drlMistakes() {
        return Stream.of(
                Arguments.of("unknown field", "Evidence( idd == \"DEBT_HIGH\" )", "idd", "Evidence has no field 'idd'"),
                Arguments.of("unknown fact type", "Evidense( id == \"DEBT_HIGH\" )", "Evidense",
                        "unknown fact type 'Evidense': check its spelling and the file's imports"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("drlMistakes")
    void drlCompilerErrorsInPlainWords(String mistake, String pattern, String at, String message) {
        String drl = """
                package rules.draft;
                import io.nqpf.advisor.engine.facts.*;
                global io.nqpf.advisor.engine.facts.Findings findings;
                rule "Draft"
                    @kind(diagnosis)
                when
                    %s
                then
                    findings.bottleneck(kcontext, "B-RENEWAL-CAPACITY");
                end
                """.formatted(pattern);
        List<RuleError> errors = RulesetBuilder.build(RuleSources.read(Rules.DIR).with(Map.of("draft.drl", drl)),
                Rules.SOURCE_TEXTS).errors();
        assertEquals(List.of(new RuleError("draft.drl", 7, 5 + pattern.indexOf(at), message)), errors);
    }
}
