package io.nqpf.advisor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.InvalidProfileException;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.profile.Violation;
import io.nqpf.advisor.regions.RegionDirectory;
import io.nqpf.advisor.regions.StartingProfile;
import io.nqpf.advisor.support.Rules;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * Every value has a year: a 2023 profile that takes its age structure from the 2020 census is judged by the 2020
 * national figures, ranked among the 2020 census, and the coverage says that some of its values are older.
 */
class ValueYearsTest {

    private static final ProfileReader READER = new ProfileReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    /**
     * 13.7% aged 65+ in 2020: above the national 13.5% of 2020, below the national 15.4% of 2023. R&D, digital economy
     * and tertiary education low together are a factor disadvantage, its evidence of two years.
     */
    private static final String CENSUS_VALUES = """
            {"regionId":"t-years","name":"年份市","year":2023,"level":"PREFECTURE",
             "talent":{"agedSharePct":13.7,"urbanizationRatePct":58.0,"tertiaryEducatedSharePct":9.0},
             "innovation":{"rdIntensityPct":1.2},"economy":{"digitalEconomyCoreSharePct":4.0}%s}""";

    /** The profile with more members, written with single quotes for double. */
    private static RegionProfile profile(String members) {
        String json = CENSUS_VALUES.formatted(members.replace('\'', '"'));
        return READER.read(ProfileReader.tree(json.getBytes(StandardCharsets.UTF_8)),
                RegionProfile.class);
    }

    private static Report report(RegionProfile p, Language lang) {
        return ReportAssembler.assemble(p, Evaluator.evaluate(p, Rules.bundled()), lang, false);
    }

    private static Report.EvidenceView evidence(Report r, String indicator) {
        return r.bottlenecks().stream().flatMap(b -> b.evidence().stream()).filter(e -> e.indicator().equals(indicator))
                .findFirst().orElse(null);
    }

    @Test
    void aCensusValueInALaterProfileIsJudgedByItsOwnYearsBenchmark() {
        RegionProfile dated = profile(",'asOf':{'talent.agedSharePct':2020,'talent.tertiaryEducatedSharePct':2020},'sources':{'talent':'第七次全国人口普查公报'}");
        Report r = report(dated, Language.EN);
        Report.EvidenceView aged = evidence(r, "talent.agedSharePct");
        assertTrue(aged != null, "13.7% of 2020 is above the national 13.5% of 2020: " + r.bottlenecks());
        assertEquals(2020, aged.valueYear());
        assertEquals(2020, aged.benchmarkYear());
        assertEquals(13.5, ((Number) aged.threshold()).doubleValue(), 1e-9);
        assertTrue(r.bottlenecks().stream().anyMatch(b -> b.id().equals("B-DEMOGRAPHIC-PRESSURE")));

        // a value of the profile's year beside it keeps the profile's year and its benchmark
        assertEquals(2020, evidence(r, "talent.tertiaryEducatedSharePct").valueYear());
        Report.EvidenceView rd = evidence(r, "innovation.rdIntensityPct");
        assertTrue(rd != null, r.bottlenecks().toString());
        assertEquals(2023, rd.valueYear());
        assertEquals(2023, rd.benchmarkYear());

        // the same numbers taken as 2023 values: 13.7% is below the national 15.4% of 2023, no ageing pressure
        Report undated = report(profile(""), Language.EN);
        assertNull(evidence(undated, "talent.agedSharePct"), undated.bottlenecks().toString());
        assertFalse(undated.bottlenecks().stream().anyMatch(b -> b.id().equals("B-DEMOGRAPHIC-PRESSURE")));
    }

    @Test
    void aGroupYearAppliesToEachOfItsFieldsAndAFieldsOwnYearWins() {
        RegionProfile p = profile(",'asOf':{'talent':2020,'talent.urbanizationRatePct':2023}");
        Map<String, Integer> years = io.nqpf.advisor.profile.ValueYears.of(p);
        assertEquals(2020, years.get("talent.agedSharePct"));
        assertEquals(2023, years.get("talent.urbanizationRatePct"));
        assertEquals(2023, years.get("innovation.rdIntensityPct"));
        assertEquals("第七次全国人口普查公报", io.nqpf.advisor.profile.ValueYears.source(profile(",'sources':{'talent':'第七次全国人口普查公报'}"), "talent.agedSharePct"));
    }

    @Test
    void peersCompareACensusYearValueAmongThatCensusAndRankNoOtherYear() {
        RegionProfile p = profile(",'asOf':{'talent.agedSharePct':2020}");
        Map<String, Report.PeerView> en = report(p, Language.EN).peerContext().stream()
                .collect(Collectors.toMap(Report.PeerView::indicator, v -> v));
        Report.PeerView aged = en.get("talent.agedSharePct");
        assertTrue(aged.comparable(), aged.toString());
        assertEquals(2020, aged.valueYear());
        assertEquals(2020, aged.censusYear());
        assertTrue(aged.rank() != null && aged.percentile() != null, aged.toString());

        // urbanization of 2023 is not a census value: listed, not ranked, and the sentence says why
        Report.PeerView urban = en.get("talent.urbanizationRatePct");
        assertFalse(urban.comparable(), urban.toString());
        assertEquals(2023, urban.valueYear());
        assertNull(urban.rank());
        assertNull(urban.percentile());
        assertTrue(urban.sentence().contains("describes 2023, not the 2020 census"), urban.sentence());
        String zh = report(p, Language.ZH_CN).peerContext().stream()
                .filter(v -> v.indicator().equals("talent.urbanizationRatePct")).findFirst().orElseThrow().sentence();
        assertTrue(zh.contains("2023年的数值，不是2020年人口普查的数值"), zh);
    }

    @Test
    void aOneYearPopulationChangeIsNotRankedAmongTenYearAverages() {
        String json = """
                {"regionId":"t-change","name":"变化市","year":2023,"level":"PREFECTURE",
                 "talent":{"populationChangePct":-1.2}}""";
        RegionProfile p = READER.read(ProfileReader.tree(json.getBytes(StandardCharsets.UTF_8)), RegionProfile.class);
        Report.PeerView change = report(p, Language.EN).peerContext().get(0);
        assertEquals("talent.populationChangePct", change.indicator());
        assertFalse(change.comparable());
        assertTrue(change.sentence().contains("average annual change over 2010-2020"), change.sentence());
    }

    @Test
    void coverageCountsTheValuesOlderThanTheProfile() {
        RegionProfile p = profile(",'asOf':{'talent':2020}");
        Report.CoverageView en = report(p, Language.EN).coverage();
        assertEquals(3, en.olderValues());
        assertEquals(2020, en.oldestYear());
        assertTrue(en.summary().contains("3 values describe years before the profile's 2023 (the earliest 2020)"),
                en.summary());
        assertTrue(report(p, Language.ZH_CN).coverage().summary().contains("其中3项数值早于画像年份2023年（最早为2020年）"));
        Report.CoverageView none = report(profile(""), Language.EN).coverage();
        assertEquals(0, none.olderValues());
        assertNull(none.oldestYear());
        assertFalse(none.summary().contains("describe years before"), none.summary());
    }

    @Test
    void startingProfilesCarryTheirCensusYearAndSource() {
        StartingProfile start = new RegionDirectory().startingProfile("230900", 2020);
        RegionProfile p = start.profile();
        assertEquals(start.provenance().derivations().stream().map(StartingProfile.Derivation::indicator)
                .collect(Collectors.toSet()), p.asOf().keySet());
        assertTrue(p.asOf().values().stream().allMatch(y -> y == 2020), p.asOf().toString());
        assertEquals(p.asOf().keySet(), p.sources().keySet());
        // moved to 2023 by a planner, the census values stay 2020 values: valid, and judged as such
        String moved = ProfileReader.mapper().valueToTree(p).toString().replace("\"year\":2020", "\"year\":2023");
        RegionProfile later = READER.read(ProfileReader.tree(moved.getBytes(StandardCharsets.UTF_8)),
                RegionProfile.class);
        assertTrue(report(later, Language.EN).peerContext().stream().allMatch(Report.PeerView::comparable));
    }

    @Test
    void badYearsAndSourcesAreRefusedNamingTheEntry() {
        InvalidProfileException e = assertThrows(InvalidProfileException.class, () -> profile(",'asOf':{'talent.agedSharePct':2024,'talent.agedShare':2020,'economy':1999},'sources':{'talent.agedSharePct':'  ','nowhere':'x','talent':'%s'}".formatted("x".repeat(501))));
        assertEquals(List.of("asOf.economy", "asOf.talent.agedShare", "asOf.talent.agedSharePct", "sources.nowhere",
                "sources.talent", "sources.talent.agedSharePct"), e.violations().stream().map(Violation::field).toList());
        assertEquals(List.of("asOf.year-range", "asOf.unknown-path", "asOf.year-range", "asOf.unknown-path",
                "sources.too-long", "constraint.not-blank"), e.violations().stream().map(v -> v.text().key()).toList());

        InvalidProfileException text = assertThrows(InvalidProfileException.class,
                () -> profile(",'asOf':{'talent.agedSharePct':'2020'}"));
        assertEquals("asOf.talent.agedSharePct", text.violations().get(0).field());
        InvalidProfileException fraction = assertThrows(InvalidProfileException.class,
                () -> profile(",'asOf':{'talent.agedSharePct':2020.5}"));
        assertEquals("asOf.talent.agedSharePct", fraction.violations().get(0).field());
    }
}
