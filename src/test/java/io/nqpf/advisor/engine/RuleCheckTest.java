package io.nqpf.advisor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.support.Rules;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules checker, one draft file per hole it once had: each draft beside the bundled rules must give exactly
 * the expected error at the line and column of the offending id, or build with the draft's rule listed.
 */
class RuleCheckTest {

    private static final String HEADER = """
            package rules.draft;
            import io.nqpf.advisor.engine.facts.*;
            global io.nqpf.advisor.engine.facts.Findings findings;
            """;

    static Stream<Arguments> typos() {
        return Stream.of(
                Arguments.of("unknown id inside ||", """
                        rule "Draft: or"
                            @kind(diagnosis)
                        when
                            Evidence( id == "RD_LOW" || id == "RD_LOWW" )
                        then
                            findings.bottleneck(kcontext, "B-INST-MARKET");
                        end
                        """, "RD_LOWW", "unknown threshold id 'RD_LOWW'"),
                Arguments.of("unknown id in a multi-line in (...)", """
                        rule "Draft: in across lines"
                            @kind(diagnosis)
                        when
                            Evidence( id in ("RD_LOW",
                                             "RD_LOWW") )
                        then
                            findings.bottleneck(kcontext, "B-INST-MARKET");
                        end
                        """, "RD_LOWW", "unknown threshold id 'RD_LOWW'"),
                Arguments.of("unknown id in a reversed comparison", """
                        rule "Draft: reversed"
                            @kind(diagnosis)
                        when
                            Evidence( "RD_LOWW" == id )
                        then
                            findings.bottleneck(kcontext, "B-INST-MARKET");
                        end
                        """, "RD_LOWW", "unknown threshold id 'RD_LOWW'"),
                Arguments.of("unknown id under not, exists and accumulate", """
                        rule "Draft: nested"
                            @kind(countermeasure)
                        when
                            exists Bottleneck( id == "B-INST-MARKET" )
                            not ( Candidate( id == "C-INST-BIZENV" ) and Candidate( id == "C-INST-TALENT" ) )
                            Number( intValue > 1 ) from accumulate( Evidence( id == "RD_LOWW" ), count(1) )
                        then
                            findings.recommend(kcontext, "C-INST-BIZENV", 1.0);
                        end
                        """, "RD_LOWW", "unknown threshold id 'RD_LOWW'"),
                Arguments.of("unknown id in a consequence call", """
                        rule "Draft: consequence"
                            @kind(countermeasure)
                        when
                            Bottleneck( id == "B-INST-MARKET" )
                        then
                            // findings.recommend(kcontext, "C-COMMENTED-OUT", 1.0);
                            findings.recommend(kcontext, "C-INST-BIZENVV", 1.0); /* "C-ALSO-A-COMMENT" */
                        end
                        """, "C-INST-BIZENVV", "unknown countermeasure id 'C-INST-BIZENVV'"),
                Arguments.of("unknown factor key in a consequence call", """
                        rule "Draft: factor"
                            @kind(adjustment)
                        when
                            Candidate( id == "C-INST-BIZENV" )
                        then
                            findings.fit(kcontext, "C-INST-BIZENV", 5,
                                    "fit.resource-cty");
                        end
                        """, "fit.resource-cty", "unknown factor key 'fit.resource-cty'"),
                Arguments.of("unknown id in a rule with an unquoted name", """
                        rule DraftUnquoted
                            @kind(diagnosis)
                        when
                            Evidence( id == "RD_LOWW" )
                        then
                            findings.bottleneck(kcontext, "B-INST-MARKET");
                        end
                        """, "RD_LOWW", "unknown threshold id 'RD_LOWW'"),
                Arguments.of("missing @kind", """
                        rule "Draft: no kind"
                        when
                            Evidence( id == "RD_LOW" )
                        then
                            findings.bottleneck(kcontext, "B-INST-MARKET");
                        end
                        """, "rule \"Draft: no kind\"", "has no @kind"),
                Arguments.of("invalid @kind", """
                        rule "Draft: bad kind"
                            @kind(diagnosys)
                        when
                            Evidence( id == "RD_LOW" )
                        then
                            findings.bottleneck(kcontext, "B-INST-MARKET");
                        end
                        """, "rule \"Draft: bad kind\"", "@kind(diagnosys)"),
                Arguments.of("@kind that contradicts the findings call", """
                        rule "Draft: wrong kind"
                            @kind(countermeasure)
                        when
                            Evidence( id == "RD_LOW" )
                        then
                            findings.bottleneck(kcontext, "B-INST-MARKET");
                        end
                        """, "bottleneck(kcontext", "reports a diagnosis"),
                Arguments.of("stage rule outside the stage agenda group", """
                        rule "Draft: stage"
                            @kind(stage)
                        when
                            Evidence( id == "RD_LOW" )
                        then
                            findings.stage(kcontext, Stage.STAGE_1_RELATED_DIVERSIFICATION);
                        end
                        """, "rule \"Draft: stage\"", "needs agenda-group \"stage\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("typos")
    void reportsTheErrorAtItsLineAndColumn(String hole, String rule, String at, String message) {
        String drl = HEADER + rule;
        List<RuleError> errors = build(drl).errors();
        assertEquals(1, errors.size(), () -> "errors: " + errors);
        RuleError e = errors.get(0);
        int offset = drl.indexOf(at);
        int line = (int) drl.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        int column = at.startsWith("rule ") ? 1 : offset - drl.lastIndexOf('\n', offset - 1);
        assertEquals(List.of("draft.drl", line, column), List.of(e.file(), e.line(), e.column()), e.message());
        assertTrue(e.message().contains(message), e.message());
    }

    static Stream<Arguments> clean() {
        return Stream.of(
                Arguments.of("a rule with an unquoted name is listed", """
                        rule DraftUnquoted
                            @kind(diagnosis)
                        when
                            Evidence( id == "RD_LOW" || id == "RD_STRONG" )
                        then
                            findings.bottleneck(kcontext, "B-INST-MARKET");
                        end
                        """, "DraftUnquoted", List.of("RD_LOW", "RD_STRONG", "B-INST-MARKET")),
                Arguments.of("a rule inside a block comment is no rule", """
                        /*
                        rule "Draft: commented out"
                        when
                            Evidence( id == "RD_LOWW" )
                        then
                            findings.bottleneck(kcontext, "B-NOT-AN-ID");
                        end
                        */
                        rule "Draft: live"
                            @kind(diagnosis)
                        when
                            Evidence( id == "RD_LOW" ) // not "RD_LOWW"
                        then
                            findings.bottleneck(kcontext, "B-INST-MARKET"); // not "B-NOT-AN-ID"
                        end
                        """, "Draft: live", List.of("RD_LOW", "B-INST-MARKET")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clean")
    void buildsAndListsTheRule(String hole, String rule, String name, List<String> ids) {
        RulesetBuilder.Outcome outcome = build(HEADER + rule);
        assertEquals(List.of(), outcome.errors());
        RuleInfo info = outcome.ruleset().rulesByName().get(name);
        assertEquals(List.of("draft.drl", "DIAGNOSIS", ids), List.of(info.file(), info.kind(), info.ids()));
        assertTrue(outcome.ruleset().rules().stream().noneMatch(r -> r.name().equals("Draft: commented out")));
    }

    private static RulesetBuilder.Outcome build(String drl) {
        return RulesetBuilder.build(RuleSources.read(Rules.DIR).with(Map.of("draft.drl", drl)), Rules.SOURCE_TEXTS);
    }
}
