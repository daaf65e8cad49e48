package io.nqpf.advisor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.engine.facts.Findings;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.support.Rules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stage-decider tries looked up in the ruleset's index answer what running each try as its own session answers,
 * for every example and scenario profile; a stage rule that reads more than threshold ids turns the index off; and
 * a profile evaluated again makes no stage-decider pass.
 */
class StageIndexTest {

    @Test
    void theIndexAnswersWhatASessionPerTryAnswers() throws IOException {
        Ruleset indexed = Rules.bundled();
        assertTrue(indexed.stageIndex().indexable(), () -> "the bundled stage rules read " + indexed.stageIndex().why());
        // the same ruleset, its tries each run as a session
        Ruleset sessions = new Ruleset(indexed.kieBase(), indexed.catalog(), indexed.version(), indexed.sha256(),
                indexed.loadedAt(), indexed.files(), indexed.rules(), indexed.rulesByName(), indexed.citations(),
                indexed.documents());
        assertFalse(sessions.stageIndex().indexable());
        List<RegionProfile> profiles = PassIndexTest.profiles();
        int undetermined = 0;
        // twice: the first time fills the index, the second looks every try up
        for (int round = 0; round < 2; round++) {
            for (RegionProfile p : profiles) {
                Evaluation a = Evaluator.evaluate(p, sessions);
                Evaluation b = Evaluator.evaluate(p, indexed);
                assertEquals(shape(a), shape(b), p.regionId());
                if (round == 0 && a.stageFinding() == null) {
                    undetermined++;
                }
            }
        }
        assertTrue(undetermined > 0, "some profile leaves the stage undetermined, so the index is tried");
        assertTrue(indexed.stageIndex().size() > 0);
    }

    @Test
    void aProfileEvaluatedAgainMakesNoStageDeciderPass() {
        RegionProfile sparse = ProfileReader.mapper().convertValue(PassIndexTest.read("sparse-profile.json"), RegionProfile.class);
        Ruleset ruleset = Rules.bundled();
        Evaluator.evaluate(sparse, ruleset);
        long before = Evaluator.passesOnThisThread();
        Evaluation again = Evaluator.evaluate(sparse, ruleset);
        assertEquals(null, again.stageFinding(), "the sparse profile's stage is undetermined");
        assertFalse(again.stageMissing().isEmpty());
        // the real pass only: every stage-decider try is looked up, and so are the stage parts of the settling and
        // what-if passes, whose diagnosis matches are joined without a session (PassIndexTest)
        assertEquals(1, Evaluator.passesOnThisThread() - before);
    }

    @Test
    void aStageRuleReadingMoreThanIdsTurnsTheIndexOff() {
        String header = """
                package rules.t;
                import io.nqpf.advisor.engine.facts.*;
                global io.nqpf.advisor.engine.facts.Findings findings;
                """;
        String ids = header + """
                rule "S" @kind(stage) agenda-group "stage"
                when
                    accumulate( $e : Evidence( id in ("RD_STRONG", "HIGH_TECH_MANY") ); $s : collectList( $e ); $s.size() >= 2 )
                    not Evidence( id == "POPULATION_DECLINING" )
                then
                    findings.stage(kcontext, Stage.STAGE_2_PATH_BREAKING);
                end
                """;
        assertTrue(RulesetStageIndex.of(Map.of("s.drl", ids)).indexable(),
                () -> RulesetStageIndex.of(Map.of("s.drl", ids)).why());
        for (String condition : List.of("Evidence( id == \"RD_STRONG\", excess > 0.5 )",
                "Evidence( id == \"RD_STRONG\", value != null )", "Region( sizeClass == SizeClass.LARGE )",
                "eval( true )", "accumulate( Evidence( $x : excess ); $s : sum( $x ); $s > 1 )",
                "Evidence( id == \"RD_STRONG\" ) from java.util.List.of()")) {
            String text = header + """
                    rule "S" @kind(stage) agenda-group "stage"
                    when
                        %s
                    then
                        findings.stage(kcontext, Stage.STAGE_2_PATH_BREAKING);
                    end
                    """.formatted(condition);
            assertFalse(RulesetStageIndex.of(Map.of("s.drl", text)).indexable(), condition);
        }
        String salience = ids.replace("agenda-group \"stage\"", "agenda-group \"stage\" salience ($e.excess)");
        assertFalse(RulesetStageIndex.of(Map.of("s.drl", salience)).indexable());
        String otherKind = header + """
                rule "D" @kind(diagnosis)
                when
                    Evidence( id == "RD_LOW", excess > 0.5 )
                then
                    findings.bottleneck(kcontext, "B-INNO-WEAK");
                end
                """;
        assertTrue(RulesetStageIndex.of(Map.of("s.drl", ids, "d.drl", otherKind)).indexable(),
                "only stage rules are judged");
    }

    /** What the stage deciders give: the stage, what it lacks and each data gap with its hits. */
    private static List<Object> shape(Evaluation e) {
        List<Object> shape = new ArrayList<>();
        shape.add(e.stage());
        shape.add(e.stageMissing());
        e.dataGaps().forEach((indicator, gap) -> {
            shape.add(indicator);
            shape.add(List.copyOf(gap.neededBy()));
            shape.add(List.copyOf(gap.couldReveal()));
            for (Findings.Hit h : gap.hits()) {
                shape.add(List.of(h.rule(), h.target(), h.unknown(),
                        h.evidence().stream().map(x -> x + " " + x.valueYear() + " " + x.getExcess() + " " + x.gap()).toList()));
            }
        });
        shape.add(e.watchlist().keySet());
        return shape;
    }
}
