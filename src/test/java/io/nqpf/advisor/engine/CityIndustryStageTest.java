package io.nqpf.advisor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.engine.facts.CityIndustryStage;
import io.nqpf.advisor.engine.facts.Stage;
import io.nqpf.advisor.knowledge.CityStageEntry;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.report.Report;
import io.nqpf.advisor.report.ReportAssembler;
import io.nqpf.advisor.support.Examples;
import io.nqpf.advisor.support.Rules;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * 003's stage of city industry as the report shows it and as fit rules use it, and the smart-specialization
 * rationale that counts its six signals in words.
 */
class CityIndustryStageTest {

    private static final Ruleset RULES = Rules.bundled();
    private static final ProfileReader READER = new ProfileReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    private static Report report(String example, Language lang) throws Exception {
        RegionProfile p = READER.read(Examples.read(example).getBytes(StandardCharsets.UTF_8), RegionProfile.class);
        return ReportAssembler.assemble(p, Evaluator.evaluate(p, RULES), lang, false, 100);
    }

    @Test
    void theStageRationaleCountsTheSixSignalsInBothLanguages() throws Exception {
        String en = report("regenerating-resource-city.json", Language.EN).smartSpecialization().rationale();
        String zh = report("regenerating-resource-city.json", Language.ZH_CN).smartSpecialization().rationale();
        assertTrue(en.contains(" 3 of the 6 signals of stage 2 hold: "), en);
        assertTrue(zh.contains("具备第二阶段六项信号中的3项："), zh);

        String coalEn = report("declining-coal-city.json", Language.EN).smartSpecialization().rationale();
        String coalZh = report("declining-coal-city.json", Language.ZH_CN).smartSpecialization().rationale();
        assertTrue(coalEn.contains("Industrial or resource base: ") && coalEn.contains("None of the 6 signals of stage 2 holds."),
                coalEn);
        assertTrue(coalZh.contains("工业或资源基础：") && coalZh.contains("第二阶段六项信号一项也不具备。"), coalZh);

        String hub = report("megacity-innovation-hub.json", Language.EN).smartSpecialization().rationale();
        assertTrue(hub.contains(" 6 of the 6 signals of stage 2 hold: "), hub);
    }

    @Test
    void theSignalsTheReportCountsAreTheOnesTheStageRulesCount() {
        List<RuleInfo> counting = RULES.rules().stream()
                .filter(r -> r.name().startsWith("Stage 2:") || r.name().startsWith("Stage transition:")).toList();
        assertEquals(2, counting.size(), "the stage-2 and transition rules of smart-specialization.drl");
        for (RuleInfo r : counting) {
            assertEquals(Set.copyOf(Stage.SIGNALS), Set.copyOf(r.ids()), r.name());
        }
        RuleInfo stage1 = RULES.rules().stream().filter(r -> r.name().startsWith("Stage 1:")).findFirst().orElseThrow();
        assertTrue(stage1.ids().containsAll(Stage.SIGNALS), stage1.ids().toString());
    }

    @Test
    void everyStageOfCityIndustryHasItsTextsAndRestsOnPassagesOf003() {
        for (CityIndustryStage.Phase phase : CityIndustryStage.Phase.values()) {
            CityStageEntry entry = RULES.catalog().cityStages().get(phase.name());
            assertNotNull(entry, phase.name());
            assertFalse(entry.sources().isEmpty(), phase.name());
            assertTrue(entry.sources().stream().allMatch(c -> c.document().startsWith("003_")), phase.name());
        }
    }

    @Test
    void theReportShowsTheCityStageAndItsFitPointsInTheScoreBreakdown() throws Exception {
        // a mature oil city, industry-led and growing as fast as the nation (the declining coal city, losing its
        // people, is not expanding)
        Report coal = report("mature-resource-city.json", Language.EN);
        Report.CityIndustryStageView stage = coal.smartSpecialization().cityIndustryStage();
        assertEquals("SCALE_EXPANSION", stage.stage());
        assertEquals("Scale expansion", stage.title());
        assertTrue(stage.rationale().startsWith("Stage of city industry (003): Scale expansion."), stage.rationale());
        assertFalse(stage.evidence().isEmpty());
        assertTrue(stage.sources().stream().anyMatch(s -> s.quote().equals("经历了以规模扩张为主要特征")));
        Report.RecommendationView upgrade = coal.recommendations().stream()
                .filter(r -> r.id().equals("C-IND-TRADITIONAL-UPGRADE")).findFirst().orElseThrow();
        assertTrue(upgrade.scoreBreakdown().stream()
                .anyMatch(f -> f.key().equals("fit.city-stage-scale") && f.points() == 4 && f.kind().equals("FIT")),
                upgrade.scoreBreakdown().toString());
        assertTrue(upgrade.explanation().contains("City industry in the scale-expansion stage"), upgrade.explanation());

        Report hub = report("megacity-innovation-hub.json", Language.ZH_CN);
        assertEquals("ECOSYSTEM_INNOVATION", hub.smartSpecialization().cityIndustryStage().stage());
        assertTrue(hub.recommendations().stream().filter(r -> r.id().equals("C-CITY-METRO-COORD"))
                .flatMap(r -> r.scoreBreakdown().stream()).anyMatch(f -> f.key().equals("fit.city-stage-ecosystem")));

        Report county = report("agricultural-county-digital-divide.json", Language.EN);
        Report.CityIndustryStageView none = county.smartSpecialization().cityIndustryStage();
        assertEquals("UNDETERMINED", none.stage());
        assertTrue(county.recommendations().stream().flatMap(r -> r.scoreBreakdown().stream())
                .noneMatch(f -> f.key().startsWith("fit.city-stage-")));
    }
}
