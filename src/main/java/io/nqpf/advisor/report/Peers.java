package io.nqpf.advisor.report;

import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.Level;
import io.nqpf.advisor.profile.ProfileIndicators;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.regions.PeerGroups;
import java.util.List;
import java.util.Map;

/** Where a prefecture-level region stands among all prefecture-level units of the nearest census, in words. */
final class Peers {

    private Peers() {
    }

    /** Empty for a profile that is not of a prefecture-level region: cities are no peers of provinces or counties. */
    static List<Report.PeerView> of(RegionProfile profile, Map<String, Object> values, Catalog catalog, Language lang) {
        if (profile.level() != Level.PREFECTURE) {
            return List.of();
        }
        return PeerGroups.standings(profile.regionId(), profile.year(), values).stream().map(s -> {
            boolean whole = ProfileIndicators.all().get(s.indicator()).integral();
            Object value = whole ? (Object) Math.round(s.value()) : s.value();
            Object median = whole ? (Object) Math.round(s.median()) : s.median();
            String label = catalog.indicatorLabel(s.indicator(), lang);
            String unit = catalog.indicatorUnit(s.indicator(), lang);
            String sentence = catalog.factor("peers.sentence", lang).replace("{label}", label)
                    .replace("{value}", Wording.format(value)).replace("{unit}", unit)
                    .replace("{year}", String.valueOf(s.censusYear())).replace("{of}", String.valueOf(s.of()))
                    .replace("{rank}", String.valueOf(s.rank())).replace("{percentile}", Wording.format(s.percentile()))
                    .replace("{median}", Wording.format(median));
            return new Report.PeerView(s.indicator(), label, value, s.censusYear(), s.percentile(), median, s.rank(),
                    s.of(), sentence);
        }).toList();
    }
}
