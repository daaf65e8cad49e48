package io.nqpf.advisor.report;

import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.Level;
import io.nqpf.advisor.profile.ProfileIndicators;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.profile.ValueYears;
import io.nqpf.advisor.regions.PeerGroups;
import java.util.List;
import java.util.Map;

/** Where a prefecture-level region stands among all prefecture-level units of the nearest census, in words. */
final class Peers {

    private Peers() {
    }

    /**
     * Empty for a profile that is not of a prefecture-level region: cities are no peers of provinces or counties. A
     * value of a year without a census is listed, not ranked, and the sentence says why.
     */
    static List<Report.PeerView> of(RegionProfile profile, Map<String, Object> values, Catalog catalog, Language lang) {
        if (profile.level() != Level.PREFECTURE) {
            return List.of();
        }
        return PeerGroups.standings(profile.regionId(), values, path -> ValueYears.of(profile, path)).stream().map(s -> {
            boolean whole = ProfileIndicators.all().get(s.indicator()).integral();
            Object value = whole ? (Object) Math.round(s.value()) : s.value();
            Object median = !s.comparable() ? null : whole ? (Object) Math.round(s.median()) : s.median();
            String label = catalog.indicatorLabel(s.indicator(), lang);
            String unit = catalog.indicatorUnit(s.indicator(), lang);
            String key = s.comparable() ? "peers.sentence"
                    : s.indicator().equals(ANNUAL_CHANGE) ? "peers.not-comparable.change" : "peers.not-comparable";
            String sentence = catalog.factor(key, lang).replace("{label}", label)
                    .replace("{value}", Wording.format(value)).replace("{unit}", unit)
                    .replace("{valueYear}", String.valueOf(s.valueYear()))
                    .replace("{year}", String.valueOf(s.censusYear())).replace("{of}", String.valueOf(s.of()))
                    .replace("{rank}", String.valueOf(s.rank()))
                    .replace("{percentile}", s.percentile() == null ? "" : Wording.format(s.percentile()))
                    .replace("{median}", median == null ? "" : Wording.format(median));
            return new Report.PeerView(s.indicator(), label, value, s.valueYear(), s.censusYear(), s.comparable(),
                    s.percentile(), median, s.rank(), s.of(), sentence);
        }).toList();
    }

    /** The census gives this one as the average annual change between two censuses, ten years apart. */
    private static final String ANNUAL_CHANGE = "talent.populationChangePct";
}
