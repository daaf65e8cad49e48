package io.nqpf.advisor.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.engine.RuleError;
import io.nqpf.advisor.engine.RuleSources;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.engine.RulesetBuilder;
import io.nqpf.advisor.support.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runaway probe remembers clean verdicts by what they depend on, and only clean ones. */
class RunawayVerdictTest {

    private static final Duration LIMIT = Duration.ofSeconds(10);
    /** The bundled rules with {@link Rules#LOOP} added, built once for both tests. */
    private static Ruleset looping;
    @TempDir
    Path verdicts;

    private static synchronized Ruleset looping() {
        if (looping == null) {
            RulesetBuilder.Outcome loop = RulesetBuilder.build(RuleSources.read(Rules.DIR).with(Map.of("loop.drl", Rules.LOOP)),
                    Rules.SOURCE_TEXTS);
            assertTrue(loop.ok(), String.valueOf(loop.errors()));
            looping = loop.ruleset();
        }
        return looping;
    }

    @AfterAll
    static void forgetLooping() {
        looping = null;
    }

    private long remembered() throws Exception {
        try (Stream<Path> files = Files.list(verdicts)) {
            return files.count();
        }
    }

    @Test
    void aCleanVerdictIsRememberedAndARefusalIsNot() throws Exception {
        RunawayProbe probe = new RunawayProbe(LIMIT, verdicts);
        assertEquals(List.of(), probe.probe(Rules.bundled(), Rules.DIR));
        assertEquals(1, remembered());
        assertEquals(List.of(), probe.probe(Rules.bundled(), Rules.DIR));
        assertEquals(1, remembered());

        List<RuleError> refused = probe.probe(looping(), Rules.DIR);
        assertFalse(refused.isEmpty(), "the looping rules were not caught");
        assertEquals(1, remembered(), "a refusal was remembered");
        // caught again on the next try: nothing spares a ruleset that ran away
        assertEquals(refused, probe.probe(looping(), Rules.DIR));
    }

    @Test
    void aRememberedVerdictSparesTheRunAndIsKeyedByTheRulesTheScenariosAndTheLimit() throws Exception {
        Ruleset bundled = Rules.bundled();
        Ruleset loop = looping();
        List<ScenarioRunner.Case> cases = ScenarioRunner.load(Rules.DIR).cases();
        String key = RunawayProbe.key(loop, cases, LIMIT);
        assertFalse(key.equals(RunawayProbe.key(bundled, cases, LIMIT)), "other rules, same key");
        assertFalse(key.equals(RunawayProbe.key(loop, cases.subList(1, cases.size()), LIMIT)),
                "other scenarios, same key");
        assertFalse(key.equals(RunawayProbe.key(loop, cases, LIMIT.plusSeconds(1))), "another limit, same key");
        // a verdict on record for exactly these rules and scenarios is taken as it is: the scenarios do not run
        Files.writeString(verdicts.resolve(key), "clean\n");
        assertEquals(List.of(), new RunawayProbe(LIMIT, verdicts).probe(loop, Rules.DIR));
    }
}
