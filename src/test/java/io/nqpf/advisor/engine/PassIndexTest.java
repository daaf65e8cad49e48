package io.nqpf.advisor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.engine.facts.Adjustment;
import io.nqpf.advisor.engine.facts.Evidence;
import io.nqpf.advisor.engine.facts.Findings;
import io.nqpf.advisor.profile.InvalidProfileException;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.ranking.ReportPropertiesTest;
import io.nqpf.advisor.support.Examples;
import io.nqpf.advisor.support.Rules;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * The settling and what-if passes computed without a session of their own (their stage part from the ruleset's index,
 * their diagnosis matches joined by {@link DiagnosisIndex}) answer what running them as sessions answers: the whole
 * evaluation, in order, for every example and scenario profile and for generated ones; a diagnosis rule the join
 * cannot model turns it off; and a profile evaluated again makes one pass, the real one.
 */
class PassIndexTest {

    private static final Ruleset INDEXED = Rules.bundled();
    /** The same ruleset, every pass a session of its own (what the service did before the index). */
    private static final Ruleset SESSIONS = new Ruleset(INDEXED.kieBase(), INDEXED.catalog(), INDEXED.version(),
            INDEXED.sha256(), INDEXED.loadedAt(), INDEXED.files(), INDEXED.rules(), INDEXED.rulesByName(),
            INDEXED.citations(), INDEXED.documents());
    private static final ProfileReader READER = new ProfileReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    @Test
    void theIndexAnswersWhatTheSessionsAnswerOnEveryExampleAndScenario() throws IOException {
        assertTrue(INDEXED.stageIndex().replacesPasses(), () -> "the bundled rules: " + INDEXED.stageIndex().passesWhy());
        assertFalse(SESSIONS.stageIndex().replacesPasses());
        List<RegionProfile> profiles = profiles();
        int settled = 0;
        int watched = 0;
        // twice: the first time fills the index, the second looks the stage parts up
        for (int round = 0; round < 2; round++) {
            for (RegionProfile p : profiles) {
                Evaluation a = Evaluator.evaluate(p, SESSIONS);
                Evaluation b = Evaluator.evaluate(p, INDEXED);
                assertEquals(shape(a), shape(b), p.regionId());
                assertEquals(bottlenecks(a.findings().bottlenecks()), bottlenecks(Evaluator.bottlenecks(p, INDEXED)),
                        p.regionId() + ": the bottlenecks without a session");
                if (round == 0 && !a.certainty().presumed().isEmpty()) {
                    settled++;
                }
                if (round == 0 && !a.watchlist().isEmpty()) {
                    watched++;
                }
            }
        }
        assertTrue(settled > 0, "some profile has presumed findings, so the settling pass matters");
        assertTrue(watched > 0, "some profile has a watchlist, so near values are tried");
        assertTrue(INDEXED.stageIndex().diagnoses().regionsProbed() > 0);
    }

    @Property(tries = 150)
    void theIndexAnswersWhatTheSessionsAnswerOnGeneratedProfiles(@ForAll long seed) {
        RegionProfile p;
        try {
            p = READER.read(ReportPropertiesTest.generate(new Random(seed)), RegionProfile.class);
        } catch (InvalidProfileException e) {
            return;
        }
        assertEquals(shape(Evaluator.evaluate(p, SESSIONS)), shape(Evaluator.evaluate(p, INDEXED)), p.regionId());
        Evaluation real = Evaluator.evaluate(p, SESSIONS, false);
        assertEquals(shape(real), shape(Evaluator.evaluate(p, INDEXED, false)));
        assertEquals(bottlenecks(real.findings().bottlenecks()), bottlenecks(Evaluator.bottlenecks(p, INDEXED)));
    }

    @Test
    void aProfileEvaluatedAgainMakesOnlyTheRealPass() {
        RegionProfile sparse = ProfileReader.mapper().convertValue(read("sparse-profile.json"), RegionProfile.class);
        Evaluator.evaluate(sparse, INDEXED);
        long before = Evaluator.passesOnThisThread();
        Evaluation again = Evaluator.evaluate(sparse, INDEXED);
        assertEquals(null, again.stageFinding(), "the sparse profile's stage is undetermined");
        assertFalse(again.dataGaps().isEmpty());
        assertEquals(1, Evaluator.passesOnThisThread() - before);
        // without the index: settling, real and what-if
        before = Evaluator.passesOnThisThread();
        Evaluator.evaluate(sparse, SESSIONS);
        assertTrue(Evaluator.passesOnThisThread() - before >= 3);
    }

    @Test
    void aDiagnosisRuleTheJoinCannotModelTurnsItOff() {
        String header = """
                package rules.t;
                import io.nqpf.advisor.engine.facts.*;
                import io.nqpf.advisor.profile.*;
                global io.nqpf.advisor.engine.facts.Findings findings;
                """;
        String plain = header + """
                rule "D" @kind(diagnosis)
                when
                    Region( !county )
                    Evidence( id == "RD_LOW" )
                    Evidence( id in ("HOSPITAL_BEDS_LOW", "PHYSICIANS_LOW") )
                    Unknown( id == "RESOURCE_SHARE_HIGH" )
                then
                    findings.bottleneck(kcontext, "B-FACTOR-DISADVANTAGE");
                end
                """;
        assertTrue(judged(plain).applies(), () -> judged(plain).why());
        for (String condition : List.of("Evidence( id == \"RD_LOW\", excess > 0.5 )",
                "not Evidence( id == \"RD_LOW\" )", "Evidence( id == \"RD_LOW\" ) or Evidence( id == \"FISCAL_WEAK\" )",
                "eval( true )", "$e : Evidence( id == \"RD_LOW\" )\n Region( sizeClass == $e.value )",
                "Evidence( id == \"RD_LOW\" )\n Evidence( id in (\"RD_LOW\", \"FISCAL_WEAK\") )",
                "Evidence( id in (\"RD_LOW\", \"FISCAL_WEAK\") )\n Evidence( id in (\"PM25_HIGH\", \"DEBT_HIGH\") )",
                "Bottleneck( id == \"B-INST-MARKET\" )", "Evidence( id == \"RD_LOW\" ) from java.util.List.of()",
                "accumulate( Evidence( id == \"RD_LOW\" ); $n : count() )")) {
            String text = header + """
                    rule "D" @kind(diagnosis)
                    when
                        %s
                    then
                        findings.bottleneck(kcontext, "B-FACTOR-DISADVANTAGE");
                    end
                    """.formatted(condition);
            assertFalse(judged(text).applies(), condition);
        }
        assertFalse(judged(plain.replace("@kind(diagnosis)", "@kind(diagnosis) salience 10")).applies());
        assertFalse(judged(plain.replace("findings.bottleneck(kcontext, \"B-FACTOR-DISADVANTAGE\");",
                "findings.bottleneck(kcontext, \"B-FACTOR-DISADVANTAGE\"); insert(new Object());")).applies());
    }

    /** Judges one DRL text against the bundled knowledge base's load order (each rule's order is looked up there). */
    private static DiagnosisIndex judged(String drl) {
        org.kie.api.KieServices kie = org.kie.api.KieServices.Factory.get();
        org.kie.api.builder.KieFileSystem fs = kie.newKieFileSystem().write("src/main/resources/rules/t/t.drl", drl);
        org.kie.api.builder.KieBuilder builder = kie.newKieBuilder(fs).buildAll();
        org.kie.api.KieBase base = builder.getResults().hasMessages(org.kie.api.builder.Message.Level.ERROR) ? null
                : kie.newKieContainer(kie.getRepository().getDefaultReleaseId()).getKieBase();
        // a text that does not compile is judged by its shape alone: every refusal above happens before the lookup
        return RulesetStageIndex.of(Map.of("t.drl", drl), base == null ? INDEXED.kieBase() : base).diagnoses();
    }

    /** Everything an evaluation holds that a report reads, in order. */
    static List<Object> shape(Evaluation e) {
        List<Object> shape = new ArrayList<>();
        shape.add(e.stage());
        shape.add(e.stageFinding() == null ? null
                : List.of(e.stageFinding().rule(), e.stageFinding().getStage(), evidence(e.stageFinding().evidence())));
        shape.add(e.stageMissing());
        Findings f = e.findings();
        shape.add(bottlenecks(f.bottlenecks()));
        f.candidates().forEach((id, c) -> shape.add(List.of(id, c.getAddresses(), c.getAdjustments(),
                List.copyOf(c.getRules()), c.getOpportunity())));
        f.hits().forEach(h -> shape.add(hit(h)));
        f.cityHits().forEach(h -> shape.add(hit(h)));
        shape.add(f.cityStage() == null ? null : f.cityStage().getStage());
        f.adjustments().forEach(m -> shape.add(List.of(m.candidate(), adjustment(m.adjustment()), m.bottlenecks(),
                String.valueOf(m.cityStage()), m.unknown())));
        e.watchlist().forEach((id, w) -> shape.add(List.of(id, evidence(w.evidence()), List.copyOf(w.rules()))));
        e.dataGaps().forEach((indicator, gap) -> {
            shape.add(List.of(indicator, List.copyOf(gap.neededBy()), List.copyOf(gap.couldReveal())));
            gap.hits().forEach(h -> shape.add(hit(h)));
        });
        shape.add(e.fired());
        Certainty c = e.certainty();
        shape.add(List.of(c.presumed(), String.valueOf(c.cityStage()), c.cityCertain(), c.cityDecidedBy(),
                c.stageDecidedBy(), c.possible(), String.valueOf(c.signals())));
        Map<String, List<String>> adjustments = new TreeMap<>();
        c.adjustments().forEach((a, by) -> adjustments.put(adjustment(a), by));
        shape.add(adjustments);
        return shape;
    }

    /** Each bottleneck with its severity, rules, evidence and findings, in order. */
    private static List<Object> bottlenecks(Map<String, io.nqpf.advisor.engine.facts.Bottleneck> found) {
        List<Object> shape = new ArrayList<>();
        found.forEach((id, b) -> shape.add(List.of(id, b.getSeverity(), List.copyOf(b.getRules()),
                evidence(b.getEvidence()), b.getFindings().stream().map(PassIndexTest::evidence).toList())));
        return shape;
    }

    private static String adjustment(Adjustment a) {
        return a.toString();
    }

    private static List<Object> hit(Findings.Hit h) {
        return List.of(h.rule(), h.target(), h.unknown(), evidence(h.evidence()));
    }

    private static List<String> evidence(java.util.Collection<Evidence> evidence) {
        return evidence.stream().map(x -> x + " " + x.valueYear() + " " + x.getExcess() + " " + x.gap()).toList();
    }

    static com.fasterxml.jackson.databind.JsonNode read(String example) {
        try {
            return ProfileReader.mapper().readTree(Examples.read(example));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<RegionProfile> profiles() throws IOException {
        List<RegionProfile> profiles = new ArrayList<>();
        for (Path p : Examples.all()) {
            profiles.add(ProfileReader.mapper().readValue(Files.readString(p), RegionProfile.class));
        }
        io.nqpf.advisor.authoring.ScenarioRunner runner = new io.nqpf.advisor.authoring.ScenarioRunner(Rules.bundled());
        for (io.nqpf.advisor.authoring.ScenarioRunner.Case c : io.nqpf.advisor.authoring.ScenarioRunner.load(Rules.DIR).cases()) {
            RegionProfile p = runner.profile(c);
            if (p != null) {
                profiles.add(p);
            }
        }
        return profiles;
    }
}
