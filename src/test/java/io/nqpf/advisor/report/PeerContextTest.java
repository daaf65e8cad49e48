package io.nqpf.advisor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.Level;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.regions.CensusFigures;
import io.nqpf.advisor.regions.CensusRegion;
import io.nqpf.advisor.regions.CensusTable;
import io.nqpf.advisor.regions.PeerGroups;
import io.nqpf.advisor.regions.RegionDirectory;
import io.nqpf.advisor.support.Rules;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** A prefecture's report says where it stands among all prefecture-level units of the nearest census. */
class PeerContextTest {

    private static final ProfileReader READER = new ProfileReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    private static Report report(RegionProfile p, Language lang) {
        return ReportAssembler.assemble(p, Evaluator.evaluate(p, Rules.bundled()), lang, false);
    }

    @Test
    void qitaiheIsAmongTheSteepestLosersOf2020AndTheFiguresMatchTheTable() {
        RegionProfile p = new RegionDirectory().startingProfile("230900", 2020).profile();
        Map<String, Report.PeerView> en = report(p, Language.EN).peerContext().stream()
                .collect(Collectors.toMap(Report.PeerView::indicator, v -> v));
        assertEquals(PeerGroups.INDICATORS.stream().sorted().toList(), en.keySet().stream().sorted().toList());

        // the same standing computed here from the census table, independently
        List<CensusRegion> prefectures = CensusTable.load().stream().filter(r -> r.level() == Level.PREFECTURE).toList();
        double[] changes = prefectures.stream().filter(r -> r.figures(2010).isPresent() && r.figures(2020).isPresent())
                .mapToDouble(r -> Math.round((Math.pow((double) r.figures(2020).get().population()
                        / r.figures(2010).get().population(), 0.1) - 1) * 10000) / 100.0).sorted().toArray();
        Report.PeerView change = en.get("talent.populationChangePct");
        assertEquals(2020, change.censusYear());
        assertEquals(-2.85, ((Number) change.value()).doubleValue());
        assertEquals(changes.length, change.of());
        assertEquals(1 + Arrays.stream(changes).filter(c -> c > -2.85).count(), (long) change.rank());
        assertTrue(change.percentile() < 5, "七台河 lost people faster than 95% of prefectures: " + change);
        assertEquals(median(changes), ((Number) change.median()).doubleValue(), 1e-9);
        assertTrue(change.sentence().contains("rank " + change.rank() + " of " + change.of()), change.sentence());

        double[] aged = prefectures.stream().map(r -> r.figures(2020)).flatMap(java.util.Optional::stream)
                .map(CensusFigures::agedSharePct).filter(Objects::nonNull).mapToDouble(Double::doubleValue).sorted().toArray();
        Report.PeerView agedView = en.get("talent.agedSharePct");
        assertEquals(aged.length, agedView.of());
        assertEquals(1 + Arrays.stream(aged).filter(a -> a > 15.16).count(), (long) agedView.rank());

        Report.PeerView population = report(p, Language.ZH_CN).peerContext().stream()
                .filter(v -> v.indicator().equals("talent.residentPopulation")).findFirst().orElseThrow();
        assertEquals(689611L, population.value());
        assertTrue(population.sentence().startsWith("常住人口689611人：在2020年人口普查的"), population.sentence());
    }

    @Test
    void aValueIsRankedOnlyAmongTheCensusOfItsOwnYearAndOnlyPrefecturesGetPeers() throws Exception {
        String json = "{\"regionId\":\"x\",\"name\":\"x\",\"year\":2012,\"level\":\"PREFECTURE\","
                + "\"talent\":{\"urbanizationRatePct\":100,\"populationChangePct\":-1}}";
        RegionProfile p = READER.read(ProfileReader.tree(json.getBytes(StandardCharsets.UTF_8)), RegionProfile.class);
        List<Report.PeerView> peers = report(p, Language.EN).peerContext();
        // values of 2012 are no census values: listed against the nearest census that has each, never ranked
        assertEquals(List.of("talent.urbanizationRatePct", "talent.populationChangePct"),
                peers.stream().map(Report.PeerView::indicator).toList());
        assertEquals(List.of(2010, 2020), peers.stream().map(Report.PeerView::censusYear).toList());
        assertTrue(peers.stream().noneMatch(Report.PeerView::comparable), peers.toString());
        assertTrue(peers.stream().allMatch(v -> v.rank() == null && v.percentile() == null && v.valueYear() == 2012));

        // dated to the 2010 census, the same urbanization is ranked among it
        RegionProfile dated = READER.read(ProfileReader.tree(json.replace("}}", "},\"asOf\":{\"talent.urbanizationRatePct\":2010}}")
                .getBytes(StandardCharsets.UTF_8)), RegionProfile.class);
        Report.PeerView urban = report(dated, Language.EN).peerContext().get(0);
        assertTrue(urban.comparable(), urban.toString());
        assertEquals(2010, urban.censusYear());
        assertEquals(1, urban.rank());
        assertTrue(urban.percentile() > 99, urban.toString());
        RegionProfile county = READER.read(ProfileReader.tree(json.replace("PREFECTURE", "COUNTY")
                .getBytes(StandardCharsets.UTF_8)), RegionProfile.class);
        assertEquals(List.of(), report(county, Language.EN).peerContext());
    }

    private static double median(double[] sorted) {
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
