package io.nqpf.advisor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nqpf.advisor.authoring.ScenarioRunner;
import io.nqpf.advisor.engine.facts.Stage;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.InvalidProfileException;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.report.Report;
import io.nqpf.advisor.report.ReportAssembler;
import io.nqpf.advisor.support.Rules;
import jakarta.validation.Validation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** What a planner relies on from the calibrated knowledge base (KNOWLEDGE §7, §8). */
class CalibrationTest {

    private static final ProfileReader READER = new ProfileReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    private static List<RegionProfile> scenarioProfiles() {
        ScenarioRunner runner = new ScenarioRunner(Rules.bundled());
        List<RegionProfile> profiles = new ArrayList<>();
        for (ScenarioRunner.Case c : ScenarioRunner.load(Rules.DIR).cases()) {
            RegionProfile p = runner.profile(c);
            if (p != null) {
                profiles.add(p);
            }
        }
        return profiles;
    }

    private static Stage stage(RegionProfile p) {
        return Evaluator.evaluate(p, Rules.bundled()).stage();
    }

    @Test
    void noChangeOfOneIndicatorByATenthFlipsAStageOneRegionIntoStageTwoOrBack() {
        Set<Stage> extremes = Set.of(Stage.STAGE_1_RELATED_DIVERSIFICATION, Stage.STAGE_2_PATH_BREAKING);
        int tried = 0;
        List<String> flips = new ArrayList<>();
        for (RegionProfile profile : scenarioProfiles()) {
            Stage before = stage(profile);
            ObjectNode tree = ProfileReader.mapper().valueToTree(profile);
            for (String path : numericPaths(tree, "")) {
                for (double delta : new double[] {-0.1, 0.1}) {
                    ObjectNode changed = tree.deepCopy();
                    ObjectNode parent = path.contains(".")
                            ? (ObjectNode) changed.get(path.substring(0, path.indexOf('.'))) : changed;
                    String field = path.substring(path.indexOf('.') + 1);
                    JsonNode value = parent.get(field);
                    if (!value.isFloatingPointNumber()) {
                        continue;
                    }
                    parent.put(field, Math.round((value.asDouble() + delta) * 1000) / 1000.0);
                    RegionProfile variant;
                    try {
                        variant = READER.read(changed, RegionProfile.class);
                    } catch (InvalidProfileException e) {
                        continue;
                    }
                    tried++;
                    Stage after = stage(variant);
                    if (after != before && extremes.contains(before) && extremes.contains(after)) {
                        flips.add(profile.regionId() + " " + path + " " + delta + ": " + before + " -> " + after);
                    }
                }
            }
        }
        assertTrue(tried > 200, "too few variants were tried: " + tried);
        assertEquals(List.of(), flips);
    }

    private static List<String> numericPaths(JsonNode node, String prefix) {
        List<String> paths = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            if (e.getValue().isObject() && prefix.isEmpty()) {
                paths.addAll(numericPaths(e.getValue(), path));
            } else if (e.getValue().isNumber()) {
                paths.add(path);
            }
        }
        return paths;
    }

    private static Report report(String json) {
        RegionProfile p = READER.read(ProfileReader.tree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                RegionProfile.class);
        return ReportAssembler.assemble(p, Evaluator.evaluate(p, Rules.bundled()), Language.EN, false);
    }

    private static Report.EvidenceView agedEvidence(Report r) {
        return r.bottlenecks().stream().filter(b -> b.id().equals("B-DEMOGRAPHIC-PRESSURE"))
                .flatMap(b -> b.evidence().stream()).filter(e -> e.indicator().equals("talent.agedSharePct"))
                .findFirst().orElseThrow(() -> new AssertionError("no demographic pressure in " + r.bottlenecks()));
    }

    @Test
    void aProfileIsJudgedByTheNationalFigureOfItsYearAndSaysWhenItHadToUseTheNearestOne() {
        String profile = "{\"regionId\":\"y\",\"name\":\"y\",\"year\":%d,\"level\":\"PREFECTURE\","
                + "\"talent\":{\"agedSharePct\":14.5}}";
        Report in2020 = report(profile.formatted(2020));
        Report.EvidenceView e = agedEvidence(in2020);
        assertEquals(2020, e.benchmarkYear());
        assertEquals(13.5, ((Number) e.threshold()).doubleValue(), 1e-9);
        assertTrue(e.reference().contains("13.5"), e.reference());
        assertFalse(e.reference().contains("nearest"), e.reference());

        Report in2023 = report(profile.formatted(2023));
        assertTrue(in2023.bottlenecks().stream().noneMatch(b -> b.id().equals("B-DEMOGRAPHIC-PRESSURE")),
                "14.5% is younger than the nation's 15.4% of 2023");

        Report in2030 = report(profile.formatted(2030).replace("14.5", "17"));
        Report.EvidenceView latest = agedEvidence(in2030);
        assertEquals(2024, latest.benchmarkYear());
        assertTrue(latest.reference().contains("no national figure for 2030"), latest.reference());
    }

    @Test
    void theReportSaysInstitutionsComeFirstOnlyWhereAnInstitutionalBottleneckStands() throws Exception {
        Report coal = report(java.nio.file.Files.readString(io.nqpf.advisor.support.Examples.DIR.resolve("declining-coal-city.json")));
        assertTrue(coal.bottlenecks().stream().anyMatch(b -> b.id().equals("B-INST-MARKET")));
        assertTrue(coal.sequencing() != null && coal.sequencing().startsWith("Reform first"), coal.sequencing());
        Report hub = report(java.nio.file.Files.readString(io.nqpf.advisor.support.Examples.DIR.resolve("megacity-innovation-hub.json")));
        assertEquals(null, hub.sequencing());
    }

    @Test
    void everyReportSaysWhetherItsDataCanTellAndAnEmptyReportIsNotCalledHealthyOnSparseData() throws Exception {
        Report sparse = report(java.nio.file.Files.readString(io.nqpf.advisor.support.Examples.DIR.resolve("sparse-profile.json")));
        assertEquals("INSUFFICIENT", sparse.coverage().verdict());
        assertTrue(sparse.bottlenecks().isEmpty());
        assertTrue(sparse.coverage().summary().contains("cannot tell"), sparse.coverage().summary());

        Report coal = report(java.nio.file.Files.readString(io.nqpf.advisor.support.Examples.DIR.resolve("declining-coal-city.json")));
        assertEquals("GOOD", coal.coverage().verdict());
        assertTrue(coal.coverage().share() > 0.9, "the coal city gives almost every indicator: " + coal.coverage());

        // a census-only profile of a city that lost a quarter of its people: the loss is reported, and the verdict
        // says the rest cannot be told
        Report census = report("{\"regionId\":\"cn-230900\",\"name\":\"七台河市\",\"year\":2020,\"level\":\"PREFECTURE\","
                + "\"macroRegion\":\"NORTHEAST\",\"talent\":{\"residentPopulation\":689611,\"urbanizationRatePct\":77.2,"
                + "\"agedSharePct\":15.16,\"populationChangePct\":-2.85}}");
        assertEquals("INSUFFICIENT", census.coverage().verdict());
        assertTrue(census.bottlenecks().stream().anyMatch(b -> b.id().equals("B-INST-TALENT")));
        assertTrue(census.coverage().share() < 0.2, census.coverage().toString());
    }

    @Test
    void theTransitionBandIsStageOneWithTheTransitionFlagAndReadinessCountsTheSignals() throws Exception {
        Report regenerating = report(java.nio.file.Files.readString(
                io.nqpf.advisor.support.Examples.all().stream()
                        .filter(x -> x.getFileName().toString().equals("regenerating-resource-city.json")).findFirst()
                        .orElseThrow()));
        assertEquals("STAGE_1_RELATED_DIVERSIFICATION", regenerating.smartSpecialization().stage());
        assertTrue(regenerating.smartSpecialization().transition());
        assertEquals(0.5, regenerating.smartSpecialization().readiness(), "3 of the 6 signals");
        assertTrue(regenerating.recommendations().stream().anyMatch(r -> r.id().equals("C-S3-STAGE1")));
        for (java.nio.file.Path example : io.nqpf.advisor.support.Examples.all()) {
            Report r = report(java.nio.file.Files.readString(example));
            String stage = r.smartSpecialization().stage();
            assertTrue(List.of("STAGE_1_RELATED_DIVERSIFICATION", "STAGE_2_PATH_BREAKING", "UNDETERMINED").contains(stage),
                    example + ": " + stage);
            if (stage.equals("STAGE_2_PATH_BREAKING")) {
                assertTrue(r.smartSpecialization().readiness() >= 4 / 6.0 - 0.01, example.toString());
            } else if (stage.equals("UNDETERMINED")) {
                assertEquals(null, r.smartSpecialization().readiness(), example.toString());
            } else if (!r.smartSpecialization().transition()) {
                assertTrue(r.smartSpecialization().readiness() <= 2 / 6.0 + 0.01, example.toString());
            }
        }
    }

    @Test
    void valuesThatLookMisEnteredAreWarnedAboutWithoutRefusingTheProfile() throws Exception {
        Report odd = report("{\"regionId\":\"w\",\"name\":\"w\",\"year\":2020,\"level\":\"PREFECTURE\","
                + "\"typology\":{\"resourceCityStage\":\"DECLINING\"},"
                + "\"talent\":{\"agedSharePct\":0.1762,\"populationChangePct\":-17.9}}");
        assertEquals(List.of("talent.agedSharePct", "talent.populationChangePct", "typology.resourceCityStage"),
                odd.warnings().stream().map(Report.Warning::field).toList());
        assertEquals(List.of("FRACTION_FOR_PERCENT", "TEN_YEAR_CHANGE_AS_ANNUAL", "STAGE_WITHOUT_RESOURCE_TYPE"),
                odd.warnings().stream().map(Report.Warning::code).toList());
        assertTrue(odd.warnings().get(0).message().contains("0.1762"), odd.warnings().get(0).message());
        RegionProfile p = READER.read(ProfileReader.tree(("{\"regionId\":\"w\",\"name\":\"w\",\"year\":2020,"
                + "\"level\":\"PREFECTURE\",\"talent\":{\"agedSharePct\":0.1762}}").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                RegionProfile.class);
        Report zh = ReportAssembler.assemble(p, Evaluator.evaluate(p, Rules.bundled()), Language.ZH_CN, false);
        assertTrue(zh.warnings().get(0).message().startsWith("请核对"), zh.warnings().get(0).message());

        for (java.nio.file.Path example : io.nqpf.advisor.support.Examples.all()) {
            assertEquals(List.of(), report(java.nio.file.Files.readString(example)).warnings(), example.toString());
        }
    }

    @Test
    void noIndicatorDrivesMoreThanTwoBottlenecksAtOnce() {
        for (RegionProfile profile : scenarioProfiles()) {
            Evaluation ev = Evaluator.evaluate(profile, Rules.bundled());
            Map<String, Set<String>> byIndicator = new java.util.TreeMap<>();
            ev.findings().bottlenecks().forEach((id, b) -> b.getFindings().forEach(hit -> hit.forEach(evidence ->
                    byIndicator.computeIfAbsent(evidence.getIndicator(), k -> new java.util.TreeSet<>()).add(id))));
            byIndicator.forEach((indicator, ids) -> assertTrue(ids.size() <= 2,
                    profile.regionId() + ": " + indicator + " drives " + ids));
        }
    }
}
