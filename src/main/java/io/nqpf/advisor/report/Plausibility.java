package io.nqpf.advisor.report;

import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Values that are valid but look mis-entered: a share typed as a fraction, a ten-year population change typed as an
 * annual rate, a resource-city stage without a resource type. They are warnings, not errors: the report is given,
 * and the planner is asked to check the value.
 */
final class Plausibility {

    /** Shares that no prefecture-level region shows below 1%: a value in (0, 1) is most likely a fraction. */
    private static final List<String> SHARES_ABOVE_ONE = List.of("talent.urbanizationRatePct", "talent.agedSharePct",
            "talent.tertiaryEducatedSharePct", "economy.secondarySharePct", "economy.tertiarySharePct",
            "economy.privateEconomySharePct", "digital.internetPenetrationUrbanPct",
            "digital.internetPenetrationRuralPct", "talent.ruralLaborLowEducationPct");
    /** No city lost or gained more than this a year between the 2010 and 2020 censuses (七台河: −2.85%). */
    private static final double MAX_ANNUAL_CHANGE = 6;

    private Plausibility() {
    }

    static List<Report.Warning> of(Map<String, Object> values, Catalog catalog, Language lang) {
        List<Report.Warning> warnings = new ArrayList<>();
        for (String path : SHARES_ABOVE_ONE) {
            if (values.get(path) instanceof Number n && n.doubleValue() > 0 && n.doubleValue() < 1) {
                warnings.add(warning(path, "FRACTION_FOR_PERCENT", "warning.fraction", catalog, lang, n));
            }
        }
        if (values.get("talent.populationChangePct") instanceof Number n && Math.abs(n.doubleValue()) > MAX_ANNUAL_CHANGE) {
            warnings.add(warning("talent.populationChangePct", "TEN_YEAR_CHANGE_AS_ANNUAL", "warning.annual-change", catalog, lang, n));
        }
        Object type = values.get("typology.resourceType");
        Object stage = values.get("typology.resourceCityStage");
        if (stage != null && (type == null || ResourceType.NONE.name().equals(String.valueOf(type)))) {
            warnings.add(warning("typology.resourceCityStage", "STAGE_WITHOUT_RESOURCE_TYPE", "warning.stage-without-resource", catalog, lang, stage));
        }
        return warnings;
    }

    private static Report.Warning warning(String path, String code, String key, Catalog catalog, Language lang, Object value) {
        String text = catalog.factor(key, lang).replace("{label}", catalog.indicatorLabel(path, lang))
                .replace("{value}", String.valueOf(value));
        return new Report.Warning(path, code, text);
    }
}
