package io.nqpf.advisor.engine;

import io.nqpf.advisor.engine.facts.Adjustment;
import io.nqpf.advisor.engine.facts.CityIndustryStage;
import io.nqpf.advisor.engine.facts.Evidence;
import io.nqpf.advisor.engine.facts.Findings;
import io.nqpf.advisor.engine.facts.Stage;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which findings hold whatever the missing values would be. Every threshold of a missing indicator is unknown: the
 * real pass leaves its evidence out (and inserts an {@link io.nqpf.advisor.engine.facts.Unknown} for it), the settling
 * pass puts it in as if the value lay past the threshold (running diagnosis and stage rules only). A rule's positive conditions can only gain from more
 * evidence and its {@code not} conditions and signal counts at most N can only lose, so a rule that fires in both
 * passes fires for every value the missing indicators could take: its finding is CERTAIN. A finding that only the real
 * pass makes, or only a rule matching an Unknown, is PRESUMED, decided by the missing indicators its rules read.
 *
 * @param presumed        bottleneck id to the missing indicators that decide it, for each PRESUMED bottleneck
 * @param cityStage       the stage of city industry the real pass found (null: none)
 * @param cityCertain     whether that stage (or its absence) holds whatever the missing values are
 * @param cityDecidedBy   for a presumed or undetermined stage of city industry, the indicators that decide it
 * @param stageDecidedBy  for an undetermined smart-specialization stage, the missing indicators that decide it
 * @param adjustments     each PRESUMED score adjustment (by identity) to the indicators that decide it
 * @param possible        the bottlenecks some values of the missing indicators could give (those of the settling
 *                        pass): a bottleneck not among them is certainly absent
 * @param signals         the indicator of each of {@link Stage#SIGNALS} the profile's year has: true when it holds,
 *                        false when it does not, null when the profile does not give it
 */
public record Certainty(Map<String, List<String>> presumed, CityIndustryStage.Phase cityStage, boolean cityCertain,
        List<String> cityDecidedBy, List<String> stageDecidedBy, Map<Adjustment, List<String>> adjustments,
        Set<String> possible, Map<String, Boolean> signals) {

    /** CERTAIN or PRESUMED, as the report says it. */
    public static final String CERTAIN = "CERTAIN";
    public static final String PRESUMED = "PRESUMED";

    /** Null when the bottleneck is CERTAIN, else the indicators that decide it. */
    public List<String> decidedBy(String bottleneck) {
        return presumed.get(bottleneck);
    }

    /**
     * @param real        the real pass (observed evidence and Unknown facts; its stage bounded by the settling pass)
     * @param settling    the settling pass (observed and every missing value past its thresholds); null when nothing is
     *                    missing, and then everything the real pass found is CERTAIN
     * @param missingIds  the threshold id of every missing indicator, to its indicator
     * @param signals     the stage signals, as in {@link #signals()}
     * @param missingTypology the profile fields of the region's typology that the profile left out: a rule that
     *                    fired while reading one ({@code resourceCityStage != DECLINING} with no stage given) fired
     *                    on a missing value, so its finding is PRESUMED, decided by that field
     */
    static Certainty of(Ruleset ruleset, Findings real, Findings settling, Map<String, String> missingIds,
            Map<String, Boolean> signals, Set<String> missingTypology) {
        Map<String, List<String>> presumed = new LinkedHashMap<>();
        if (settling != null || !missingTypology.isEmpty()) {
            for (String id : real.bottlenecks().keySet()) {
                Set<String> settled = settling == null ? null : rulesFor(settling.hits(), id);
                boolean certain = real.hits().stream().anyMatch(h -> h.target().equals(id) && h.unknown().isEmpty()
                        && (settled == null || settled.contains(h.rule()))
                        && typologyRead(ruleset, h.rule(), missingTypology).isEmpty());
                if (!certain) {
                    TreeSet<String> by = new TreeSet<>();
                    real.hits().stream().filter(h -> h.target().equals(id)).forEach(h -> {
                        deciders(ruleset, h, missingIds, by);
                        by.addAll(typologyRead(ruleset, h.rule(), missingTypology));
                    });
                    presumed.put(id, List.copyOf(by));
                }
            }
        }
        CityIndustryStage.Phase city = real.cityStage() == null ? null : real.cityStage().getStage();
        boolean cityCertain = true;
        TreeSet<String> cityBy = new TreeSet<>();
        if (settling != null) {
            CityIndustryStage.Phase upper = settling.cityStage() == null ? null : settling.cityStage().getStage();
            // as for bottlenecks, the same rule must find the stage in both passes: a stage that the real pass finds
            // through a not on a missing value and the settling pass through another rule holds for neither value
            // of it (growth, or not losing people: a city losing 0.9% a year has neither)
            Set<String> settledCity = city == null ? Set.of() : rulesFor(settling.cityHits(), city.name());
            boolean firm = real.cityHits().stream().filter(h -> city != null && h.target().equals(city.name()))
                    .anyMatch(h -> h.unknown().isEmpty() && settledCity.contains(h.rule()));
            cityCertain = city == upper && (city == null || firm);
            if (!cityCertain) {
                real.cityHits().stream().filter(h -> city != null && h.target().equals(city.name()))
                        .forEach(h -> deciders(ruleset, h, missingIds, cityBy));
                settling.cityHits().stream().filter(h -> city == null || !h.target().equals(city.name()))
                        .forEach(h -> missing(h, cityBy));
            }
        }
        TreeSet<String> stageBy = new TreeSet<>();
        if (settling != null && real.stage() == null) {
            settling.hits().stream().filter(h -> isStage(h.target())).forEach(h -> missing(h, stageBy));
        }
        Map<Adjustment, List<String>> adjustments = new IdentityHashMap<>();
        if (settling != null || !missingTypology.isEmpty()) {
            for (Findings.AdjustmentMatch m : real.adjustments()) {
                // the settling pass runs diagnosis and stage rules only: an adjustment is certain when it reads no
                // missing threshold (no condition, not even a not, on an unknown value) and rests on no presumed
                // bottleneck or stage of city industry (the smart-specialization stage stands only when certain)
                RuleInfo rule = ruleset.rulesByName().get(m.adjustment().rule());
                boolean readsMissing = rule != null && rule.ids().stream().anyMatch(missingIds::containsKey);
                List<String> typology = typologyRead(ruleset, m.adjustment().rule(), missingTypology);
                boolean certain = !readsMissing && typology.isEmpty() && m.unknown().isEmpty()
                        && m.bottlenecks().stream().noneMatch(presumed::containsKey)
                        && (m.cityStage() == null || cityCertain);
                if (!certain) {
                    TreeSet<String> by = new TreeSet<>(m.unknown());
                    by.addAll(typology);
                    m.bottlenecks().stream().filter(presumed::containsKey).forEach(b -> by.addAll(presumed.get(b)));
                    if (m.cityStage() != null && !cityCertain) {
                        by.addAll(cityBy);
                    }
                    RuleInfo info = ruleset.rulesByName().get(m.adjustment().rule());
                    if (info != null) {
                        info.ids().stream().filter(missingIds::containsKey).map(missingIds::get).forEach(by::add);
                    }
                    adjustments.put(m.adjustment(), List.copyOf(by));
                }
            }
        }
        Set<String> possible = new java.util.TreeSet<>(real.bottlenecks().keySet());
        if (settling != null) {
            possible.addAll(settling.bottlenecks().keySet());
        }
        return new Certainty(presumed, city, cityCertain, List.copyOf(cityBy), List.copyOf(stageBy), adjustments,
                possible, signals);
    }

    /** The missing indicators a hit rests on: its Unknown facts and the missing thresholds its rule reads. */
    private static void deciders(Ruleset ruleset, Findings.Hit hit, Map<String, String> missingIds,
            Collection<String> into) {
        into.addAll(hit.unknown());
        RuleInfo info = ruleset.rulesByName().get(hit.rule());
        if (info != null) {
            info.ids().stream().filter(missingIds::containsKey).map(missingIds::get).forEach(into::add);
        }
    }

    /** The fields of the region's typology that a rule reads and the profile left out. */
    private static List<String> typologyRead(Ruleset ruleset, String rule, Set<String> missingTypology) {
        RuleInfo info = ruleset.rulesByName().get(rule);
        return info == null || missingTypology.isEmpty() ? List.of()
                : info.reads().stream().filter(missingTypology::contains).toList();
    }

    /** The indicators of the missing evidence a hit of the settling pass matched. */
    private static void missing(Findings.Hit hit, Collection<String> into) {
        hit.evidence().stream().filter(e -> e.basis() == Evidence.Basis.MISSING).map(Evidence::getIndicator)
                .forEach(into::add);
    }

    private static Set<String> rulesFor(List<Findings.Hit> hits, String target) {
        Set<String> rules = new java.util.HashSet<>();
        hits.stream().filter(h -> h.target().equals(target)).forEach(h -> rules.add(h.rule()));
        return rules;
    }

    static boolean isStage(String target) {
        return target != null && STAGES.contains(target);
    }

    private static final Set<String> STAGES =
            java.util.Arrays.stream(Stage.values()).map(Stage::name).collect(java.util.stream.Collectors.toUnmodifiableSet());
}
