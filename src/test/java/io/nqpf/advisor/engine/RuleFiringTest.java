package io.nqpf.advisor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.engine.facts.Stage;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.support.Examples;
import io.nqpf.advisor.support.Rules;
import jakarta.validation.Validation;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/** How the engine fires the bundled rules over the nine examples, and what it does with rules that never stop. */
class RuleFiringTest {

    private static final ProfileReader READER = new ProfileReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    static Stream<Path> examples() {
        return Examples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void noRuleFiresTwiceForTheSameFacts(Path example) throws IOException {
        List<String> firings = new ArrayList<>();
        Ruleset traced = traced(Rules.bundled(), firings);
        Evaluator.evaluate(profile(example), traced);
        Set<String> seen = new HashSet<>();
        List<String> again = firings.stream().filter(f -> !seen.add(f)).toList();
        assertTrue(again.isEmpty(), () -> "fired again for the same facts: " + again);
    }

    /**
     * Stages as the salience-ordered engine decided them before stage rules got their own agenda group, updated once
     * on purpose: knowledge base v2 decides the stage from six signals with a transition band, which puts the
     * regenerating resource city between the stages (rules/tests/examples.yaml says why).
     */
    static Stream<Arguments> stages() {
        return Stream.of(
                Arguments.of("agricultural-county-digital-divide.json", Stage.UNDETERMINED),
                Arguments.of("declining-coal-city.json", Stage.STAGE_1_RELATED_DIVERSIFICATION),
                Arguments.of("extra-large-west-hub.json", Stage.STAGE_2_PATH_BREAKING),
                Arguments.of("mature-resource-city.json", Stage.STAGE_1_RELATED_DIVERSIFICATION),
                Arguments.of("megacity-innovation-hub.json", Stage.STAGE_2_PATH_BREAKING),
                Arguments.of("mid-size-inland-city.json", Stage.STAGE_1_RELATED_DIVERSIFICATION),
                Arguments.of("old-industrial-base.json", Stage.STAGE_1_RELATED_DIVERSIFICATION),
                Arguments.of("regenerating-resource-city.json", Stage.TRANSITION),
                Arguments.of("sparse-profile.json", Stage.UNDETERMINED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stages")
    void stageIsUnchanged(String example, Stage stage) throws IOException {
        assertEquals(stage, Evaluator.evaluate(profile(Examples.DIR.resolve(example)), Rules.bundled()).stage());
    }

    @Test
    void theStageNeedsNoSalience() throws Exception {
        assertEquals(Examples.all().size(), stages().count(), "a recorded stage for every example");
        for (Map.Entry<String, String> drl : RuleSources.read(Rules.DIR).drl().entrySet()) {
            for (RuleDescr rule : new DrlParser().parse(false, drl.getValue()).getRules()) {
                assertTrue(rule.getSalience() == null, drl.getKey() + ": rule \"" + rule.getName() + "\" has a salience");
            }
        }
    }

    @Test
    void aRuleThatNeverStopsIsNamed() throws IOException {
        String drl = """
                package rules.draft;
                import io.nqpf.advisor.engine.facts.*;
                global io.nqpf.advisor.engine.facts.Findings findings;

                rule "Draft: start counting"
                    @kind(diagnosis)
                when
                    Region()
                then
                    insert(Integer.valueOf(0));
                end

                rule "Draft: every number makes the next"
                    @kind(diagnosis)
                when
                    $n : Integer()
                then
                    insert(Integer.valueOf($n + 1));
                end
                """;
        RulesetBuilder.Outcome outcome = RulesetBuilder.build(RuleSources.read(Rules.DIR).with(Map.of("draft.drl", drl)), Rules.SOURCE_TEXTS);
        assertEquals(List.of(), outcome.errors());
        RunawayRulesException e = assertThrows(RunawayRulesException.class,
                () -> Evaluator.evaluate(profile(Examples.DIR.resolve("sparse-profile.json")), outcome.ruleset()));
        assertEquals(List.of(outcome.ruleset().version(), Evaluator.MAX_FIRINGS, "Draft: every number makes the next"),
                List.of(e.version(), e.limit(), e.rule()));
    }

    private static RegionProfile profile(Path example) throws IOException {
        return READER.read(Files.readAllBytes(example), RegionProfile.class);
    }

    /** The ruleset with every session it opens recording each firing as its rule and the facts it matched. */
    private static Ruleset traced(Ruleset ruleset, List<String> firings) {
        KieBase base = ruleset.kieBase();
        java.util.concurrent.atomic.AtomicInteger sessions = new java.util.concurrent.atomic.AtomicInteger();
        KieBase proxy = (KieBase) Proxy.newProxyInstance(KieBase.class.getClassLoader(), new Class<?>[] {KieBase.class},
                (self, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(base, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (result instanceof KieSession session) {
                        // facts by identity: an updated fact is the same fact; each session (real, what-if) apart
                        Map<Object, Integer> facts = new IdentityHashMap<>();
                        int opened = sessions.incrementAndGet();
                        session.addEventListener(new DefaultAgendaEventListener() {
                            @Override
                            public void afterMatchFired(AfterMatchFiredEvent event) {
                                firings.add(opened + ": " + event.getMatch().getRule().getName() + " " + event.getMatch().getObjects()
                                        .stream().map(o -> facts.computeIfAbsent(o, k -> facts.size())).toList());
                            }
                        });
                    }
                    return result;
                });
        return new Ruleset(proxy, ruleset.catalog(), ruleset.version(), ruleset.sha256(), ruleset.loadedAt(),
                ruleset.files(), ruleset.rules(), ruleset.rulesByName(), ruleset.citations(), ruleset.documents());
    }
}
