package io.nqpf.advisor.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nqpf.advisor.authoring.ScenarioRunner;
import io.nqpf.advisor.engine.facts.Bottleneck;
import io.nqpf.advisor.profile.InvalidProfileException;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.support.Examples;
import io.nqpf.advisor.support.Rules;
import jakarta.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * Findings are monotone: moving any numeric indicator of any scenario or example profile a step toward healthier
 * makes no bottleneck appear and raises no severity. A finding must never appear because a weakness got smaller (an
 * R&D gate once made a city at R&D 1.6% show two innovation bottlenecks that the same city at 1.5% did not).
 * <p>
 * "Healthier" is a judgement about each indicator, stated below; shares of the three sectors, the urbanization rate,
 * the population and the registered–resident gap describe a structure rather than a health and are not moved.
 */
class MonotonicityTest {

    /** +1: higher is healthier; -1: lower is healthier. */
    private static final Map<String, Integer> HEALTHIER = new LinkedHashMap<>();

    static {
        for (String up : List.of("economy.gdpPerCapitaYuan", "economy.gdpGrowthPct", "economy.strategicEmergingSharePct",
                "economy.digitalEconomyCoreSharePct", "economy.highTechEnterprises", "economy.privateEconomySharePct",
                "economy.foreignTradePctGdp", "economy.highTechManufacturingSharePct", "economy.specializedSmes",
                "innovation.rdIntensityPct", "innovation.enterpriseRdSharePct", "innovation.inventionPatentsPer10k",
                "innovation.techContractTurnoverPctGdp", "innovation.nationalInnovationPlatforms",
                "innovation.universities", "talent.populationChangePct", "talent.tertiaryEducatedSharePct",
                "talent.skilledWorkerSharePct", "digital.internetPenetrationUrbanPct",
                "digital.internetPenetrationRuralPct", "digital.fiveGStationsPer10k", "digital.govServicesOnlinePct",
                "urbanRural.ruralIncomeYuan", "urbanRural.ruralTelemedicineCoveragePct",
                "fiscal.fiscalSelfSufficiencyPct", "governance.businessEnvironmentScore",
                "publicServices.hospitalBedsPer1000", "publicServices.physiciansPer1000",
                "publicServices.elderlyCareBedsPer1000Aged", "publicServices.telemedicineCoveragePct",
                "publicServices.onlineEducationCoveragePct", "urbanFunction.greenCoveragePct",
                "urbanFunction.goodAirDaysPct")) {
            HEALTHIER.put(up, 1);
        }
        for (String down : List.of("economy.stateOwnedIndustrySharePct", "economy.resourceIndustrySharePct",
                "economy.largestIndustrySharePct", "economy.energyIntensityTcePer10kYuan",
                "economy.unemploymentRatePct", "talent.agedSharePct", "talent.ruralLaborLowEducationPct",
                "digital.dataIncidentsPer100k", "urbanRural.incomeRatio", "fiscal.govDebtRatioPct",
                "governance.approvalDays", "urbanFunction.oldHousingSharePct",
                "urbanFunction.idleIndustrialLandSharePct", "urbanFunction.pm25")) {
            HEALTHIER.put(down, -1);
        }
    }

    private static final ProfileReader READER = new ProfileReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    @Test
    void aStepTowardHealthierNeverAddsABottleneckNorRaisesASeverity() throws Exception {
        List<RegionProfile> profiles = new ArrayList<>();
        for (Path example : Examples.all()) {
            profiles.add(READER.read(Files.readAllBytes(example), RegionProfile.class));
        }
        ScenarioRunner runner = new ScenarioRunner(Rules.bundled());
        for (ScenarioRunner.Case c : ScenarioRunner.load(Rules.DIR).cases()) {
            RegionProfile p = runner.profile(c);
            if (p != null) {
                profiles.add(p);
            }
        }
        List<String> problems = new ArrayList<>();
        int moves = 0;
        for (RegionProfile profile : profiles) {
            Map<String, Bottleneck> before = Evaluator.evaluate(profile, Rules.bundled(), false).findings().bottlenecks();
            ObjectNode tree = ProfileReader.mapper().valueToTree(profile);
            for (var e : HEALTHIER.entrySet()) {
                String[] path = e.getKey().split("\\.");
                JsonNode group = path.length == 1 ? tree : tree.get(path[0]);
                JsonNode value = group == null ? null : group.get(path[path.length - 1]);
                if (value == null || !value.isNumber()) {
                    continue;
                }
                ObjectNode moved = tree.deepCopy();
                ObjectNode target = path.length == 1 ? moved : (ObjectNode) moved.get(path[0]);
                double v = value.asDouble();
                double step = Math.max(Math.abs(v) * 0.1, value.isIntegralNumber() ? 1 : 0.05);
                double next = v + e.getValue() * step;
                if (value.isIntegralNumber()) {
                    target.put(path[path.length - 1], Math.round(next));
                } else {
                    target.put(path[path.length - 1], Math.round(next * 1000) / 1000.0);
                }
                RegionProfile after;
                try {
                    after = READER.read(moved, RegionProfile.class);
                } catch (InvalidProfileException outOfRange) {
                    continue;
                }
                moves++;
                Map<String, Bottleneck> now = Evaluator.evaluate(after, Rules.bundled(), false).findings().bottlenecks();
                for (Bottleneck b : now.values()) {
                    Bottleneck was = before.get(b.getId());
                    String where = profile.regionId() + ": " + e.getKey() + " " + v + " -> " + target.get(path[path.length - 1]);
                    if (was == null) {
                        problems.add(where + " makes " + b.getId() + " appear");
                    } else if (b.getSeverity() > was.getSeverity() + 1e-9) {
                        problems.add(where + " raises " + b.getId() + " from " + was.getSeverity() + " to " + b.getSeverity());
                    }
                }
            }
        }
        assertTrue(moves > 500, "only " + moves + " moves tried");
        assertTrue(problems.isEmpty(), problems.size() + " non-monotone findings:\n" + String.join("\n", problems));
    }
}
