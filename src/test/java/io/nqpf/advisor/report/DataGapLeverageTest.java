package io.nqpf.advisor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.JsonNode;
import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.knowledge.ThresholdDef;
import io.nqpf.advisor.profile.ProfileIndicators;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.support.Examples;
import io.nqpf.advisor.support.Rules;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** Data gaps are ranked by what each missing indicator alone could change, and the report names the next five. */
class DataGapLeverageTest {

    private static final ProfileReader READER = new ProfileReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    /** The 2020 census profile of 七台河 as the regions directory gives it. */
    static final String QITAIHE_2020 = "{\"regionId\":\"cn-230900\",\"name\":\"七台河市\",\"year\":2020,"
            + "\"level\":\"PREFECTURE\",\"macroRegion\":\"NORTHEAST\",\"talent\":{\"residentPopulation\":689611,"
            + "\"urbanizationRatePct\":77.2,\"agedSharePct\":15.16,\"populationChangePct\":-2.85}}";

    private static RegionProfile profile(String json) throws Exception {
        return READER.read(ProfileReader.tree(json.getBytes(StandardCharsets.UTF_8)), RegionProfile.class);
    }

    private static Report report(String json, Language lang) throws Exception {
        RegionProfile p = profile(json);
        return ReportAssembler.assemble(p, Evaluator.evaluate(p, Rules.bundled()), lang, false);
    }

    @Test
    void gapsAreRankedByLeverageAndTheReportNamesTheFiveMostValuableFirst() throws Exception {
        for (Language lang : Language.values()) {
            Report r = report(QITAIHE_2020, lang);
            List<Report.DataGapView> gaps = r.dataGaps();
            assertTrue(gaps.size() > 20, "a census-only profile lacks most indicators");
            for (int i = 0; i < gaps.size(); i++) {
                assertEquals(i + 1, gaps.get(i).rank());
                if (i > 0) {
                    assertTrue(gaps.get(i - 1).leverage() >= gaps.get(i).leverage(), gaps.get(i).indicator());
                }
            }
            assertEquals(5, r.nextIndicators().size());
            assertEquals(gaps.subList(0, 5).stream().map(Report.DataGapView::indicator).toList(),
                    r.nextIndicators().stream().map(Report.NextIndicator::indicator).toList());
            for (Report.NextIndicator next : r.nextIndicators()) {
                assertTrue(next.reason().contains(next.label()), next.reason());
                assertTrue(lang == Language.EN ? next.reason().endsWith(".") : next.reason().endsWith("。"), next.reason());
            }
            // an indicator that alone reveals a bottleneck or decides the stage outranks one that needs others with it
            Report.DataGapView first = gaps.get(0);
            assertTrue(!first.revealsAlone().isEmpty() || first.decidesStage(), first.toString());
            assertTrue(gaps.stream().filter(g -> g.revealsAlone().isEmpty() && !g.decidesStage())
                    .allMatch(g -> g.leverage() < first.leverage()));
        }
    }

    @Test
    void whatAGapRevealsAloneIsFoundWhenOnlyThatValueIsAdded() throws Exception {
        Report r = report(QITAIHE_2020, Language.EN);
        int checked = 0;
        for (Report.DataGapView gap : r.dataGaps()) {
            for (String bottleneck : gap.revealsAlone()) {
                assertTrue(revealedByOneValue(QITAIHE_2020, gap.indicator(), bottleneck),
                        gap.indicator() + " alone should reveal " + bottleneck);
                checked++;
            }
        }
        assertTrue(checked >= 10, "checked " + checked);
        // the stage rules count signals: a value decides the stage only when the signals still missing could not
        // change it. A census-only coal city gives none of the six: its resource type alone no longer makes it stage 1
        // (issue 18), and every value the report says decides the stage does so on its own
        assertEquals("UNDETERMINED", r.smartSpecialization().stage());
        List<String> deciders = r.dataGaps().stream().filter(Report.DataGapView::decidesStage)
                .map(Report.DataGapView::indicator).toList();
        assertFalse(deciders.contains("typology.resourceType"), "the six signals are missing: " + deciders);
        for (String indicator : deciders) {
            assertTrue(decidedByOneValue(QITAIHE_2020, indicator), indicator + " alone should decide the stage");
        }
        assertTrue(r.smartSpecialization().decidedBy().stream().map(Report.IndicatorRef::indicator).toList()
                .containsAll(List.of("innovation.rdIntensityPct", "innovation.universities")),
                r.smartSpecialization().decidedBy().toString());
    }

    private static boolean decidedByOneValue(String json, String indicator) throws Exception {
        return oneValue(json, indicator, ev -> ev.stage() != io.nqpf.advisor.engine.facts.Stage.UNDETERMINED);
    }

    @Test
    void aGapStatesWhichHalfOfATwoConditionRuleIsAlreadyObserved() throws Exception {
        // the sparse example: mild population loss is observed, the tertiary share that would complete
        // B-INST-TALENT's second rule is missing
        Report r = report(Files.readString(Examples.DIR.resolve("sparse-profile.json")), Language.EN);
        Report.DataGapView tertiary = r.dataGaps().stream()
                .filter(g -> g.indicator().equals("talent.tertiaryEducatedSharePct")).findFirst().orElseThrow();
        assertTrue(tertiary.partlyObserved().contains(new Report.PartlyObserved("B-INST-TALENT",
                List.of("talent.populationChangePct"), List.of("talent.tertiaryEducatedSharePct"))),
                tertiary.partlyObserved().toString());
        assertEquals(List.of("B-INST-TALENT"), tertiary.revealsAlone());
        assertTrue(r.nextIndicators().stream().anyMatch(n -> n.indicator().equals("talent.tertiaryEducatedSharePct")),
                "completing a half-observed rule is among the next five: " + r.nextIndicators());
        assertTrue(revealedByOneValue(Files.readString(Examples.DIR.resolve("sparse-profile.json")),
                "talent.tertiaryEducatedSharePct", "B-INST-TALENT"));
    }

    @Test
    void aNextIndicatorSaysHowManyValuesItsFindingStillNeedsAndWhich() throws Exception {
        // issue 18: "one more figure settles it" was said of a rule that waits on two missing values
        int named = 0;
        for (String json : List.of(QITAIHE_2020, Files.readString(Examples.DIR.resolve("sparse-profile.json")))) {
            for (Language lang : Language.values()) {
                Report r = report(json, lang);
                List<String> missing = r.dataGaps().stream().map(Report.DataGapView::indicator).toList();
                for (Report.NextIndicator next : r.nextIndicators()) {
                    Report.DataGapView gap = r.dataGaps().stream().filter(g -> g.indicator().equals(next.indicator()))
                            .findFirst().orElseThrow();
                    assertTrue(missing.containsAll(next.alsoNeeded()), next.toString());
                    assertFalse(next.alsoNeeded().contains(next.indicator()), next.toString());
                    boolean settlesAlone = next.reason().contains("would settle it") || next.reason().contains("即可作出判断");
                    assertEquals(settlesAlone, next.alsoNeeded().isEmpty() && !gap.partlyObserved().isEmpty()
                            && gap.revealsAlone().isEmpty() && !gap.decidesStage(), next.reason());
                    for (String other : next.alsoNeeded()) {
                        String label = r.dataGaps().stream().filter(g -> g.indicator().equals(other)).findFirst()
                                .orElseThrow().label();
                        assertTrue(next.reason().contains(label), next.reason() + " names " + label);
                        named++;
                    }
                }
                // a rule half observed that still waits on two values is not said to be settled by one
                for (Report.DataGapView g : r.dataGaps()) {
                    for (Report.PartlyObserved p : g.partlyObserved()) {
                        if (p.missing().size() > 1 && !g.revealsAlone().contains(p.bottleneck())) {
                            assertFalse(revealedByOneValue(json, g.indicator(), p.bottleneck()),
                                    g.indicator() + " alone should not reveal " + p.bottleneck());
                        }
                    }
                }
            }
        }
        assertTrue(named > 0, "no next indicator needed others");
    }

    /** Whether setting the indicator alone to a value past one of its thresholds makes the bottleneck fire. */
    private static boolean revealedByOneValue(String json, String indicator, String bottleneck) throws Exception {
        return oneValue(json, indicator, ev -> ev.findings().bottlenecks().containsKey(bottleneck));
    }

    /** Whether some value past one of the indicator's thresholds, set alone, gives an evaluation that passes. */
    private static boolean oneValue(String json, String indicator,
            java.util.function.Predicate<io.nqpf.advisor.engine.Evaluation> passes) throws Exception {
        RegionProfile base = profile(json);
        for (ThresholdDef t : Rules.bundled().catalog().thresholdsFor(base.year())) {
            if (!t.indicator().equals(indicator)) {
                continue;
            }
            for (JsonNode value : pastValues(t)) {
                ObjectNode tree = ProfileReader.mapper().valueToTree(base);
                set(tree, indicator, value);
                RegionProfile changed;
                try {
                    changed = READER.read(tree, RegionProfile.class);
                } catch (io.nqpf.advisor.profile.InvalidProfileException e) {
                    continue;
                }
                if (passes.test(Evaluator.evaluate(changed, Rules.bundled()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<JsonNode> pastValues(ThresholdDef t) {
        List<JsonNode> values = new ArrayList<>();
        var field = ProfileIndicators.all().get(t.indicator());
        switch (t.comparison()) {
            case LESS, AT_MOST, GREATER, AT_LEAST -> {
                for (double f : new double[] {0.25, 0.5, 1.0}) {
                    double v = t.numericThreshold() + (t.comparison().low() ? -1 : 1) * f * t.scaleOrDefault();
                    if (field.min() != null) {
                        v = Math.max(v, field.min());
                    }
                    if (field.max() != null) {
                        v = Math.min(v, field.max());
                    }
                    values.add(field.integral() ? LongNode.valueOf(Math.round(v)) : DoubleNode.valueOf(v));
                }
            }
            case EQUAL -> values.add(t.threshold().isBoolean() ? BooleanNode.valueOf(t.threshold().booleanValue())
                    : TextNode.valueOf(t.threshold().asText()));
            default -> {
                if (t.threshold().isBoolean()) {
                    values.add(BooleanNode.valueOf(!t.threshold().booleanValue()));
                } else {
                    for (Object c : field.type().getEnumConstants()) {
                        if (!String.valueOf(c).equals(t.threshold().asText())) {
                            values.add(TextNode.valueOf(String.valueOf(c)));
                        }
                    }
                }
            }
        }
        return values;
    }

    private static void set(ObjectNode tree, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode parent = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = parent.get(parts[i]);
            parent = child instanceof ObjectNode o ? o : parent.putObject(parts[i]);
        }
        parent.set(parts[parts.length - 1], value);
    }

}
