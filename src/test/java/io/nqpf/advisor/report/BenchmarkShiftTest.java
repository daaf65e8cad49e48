package io.nqpf.advisor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.support.Rules;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * Compare explains every move: a bottleneck that clears or appears while none of the region's values changed, only
 * because the national figure its threshold is set from moved, is a benchmark shift, never resolved or new.
 */
class BenchmarkShiftTest {

    private static final ProfileReader READER = new ProfileReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    /** 13.7% aged 65 and over: above the national 13.5% of 2020, below the national 15.4% of 2023. */
    private static RegionProfile profile(int year, String asOf) {
        String json = ("{'regionId':'t-shift','name':'移动市','year':%d,'level':'PREFECTURE',"
                + "'talent':{'agedSharePct':13.7,'urbanizationRatePct':58.0}%s}").formatted(year, asOf)
                .replace('\'', '"');
        return READER.read(ProfileReader.tree(json.getBytes(StandardCharsets.UTF_8)), RegionProfile.class);
    }

    private static ComparisonReport compare(RegionProfile before, RegionProfile after) {
        Ruleset rules = Rules.bundled();
        return ComparisonAssembler.compare(before, report(before), after, report(after), rules, Language.EN);
    }

    private static Report report(RegionProfile p) {
        return ReportAssembler.assemble(p, Evaluator.evaluate(p, Rules.bundled()), Language.EN, false);
    }

    private static List<String> ids(List<ComparisonReport.BottleneckChange> changes) {
        return changes.stream().map(ComparisonReport.BottleneckChange::id).toList();
    }

    @Test
    void onlyTheNationalFigureMovedSoTheAgeingPressureIsAShiftNotResolved() {
        ComparisonReport c = compare(profile(2020, ""), profile(2023, ""));
        assertTrue(!ids(c.resolved()).contains("B-DEMOGRAPHIC-PRESSURE"), c.resolved().toString());
        ComparisonReport.BenchmarkShift shift = c.benchmarkShift().stream()
                .filter(s -> s.id().equals("B-DEMOGRAPHIC-PRESSURE")).findFirst().orElseThrow(() -> new AssertionError(c.toString()));
        assertEquals("CLEARED", shift.shift());
        assertEquals("talent.agedSharePct", shift.indicator());
        assertEquals(13.7, ((Number) shift.value()).doubleValue(), 1e-9);
        assertEquals(2020, shift.valueYear());
        assertEquals(new ComparisonReport.National(2020, 13.5), shift.before());
        assertEquals(2023, shift.after().year());
        assertTrue(shift.after().national() > 13.7, shift.toString());
        // every resolved bottleneck names what resolved it
        assertTrue(c.resolved().stream().noneMatch(r -> r.causedBy().isEmpty()), c.resolved().toString());
    }

    @Test
    void theOtherWayTheBottleneckAppearsByTheBenchmarkAndIsNotNew() {
        ComparisonReport c = compare(profile(2023, ""), profile(2020, ""));
        assertTrue(!ids(c.introduced()).contains("B-DEMOGRAPHIC-PRESSURE"), c.introduced().toString());
        ComparisonReport.BenchmarkShift shift = c.benchmarkShift().stream()
                .filter(s -> s.id().equals("B-DEMOGRAPHIC-PRESSURE")).findFirst().orElseThrow(() -> new AssertionError(c.toString()));
        assertEquals("APPEARED", shift.shift());
        assertEquals(2023, shift.before().year());
        assertEquals(new ComparisonReport.National(2020, 13.5), shift.after());
    }

    @Test
    void aCensusValueKeptWithItsYearIsJudgedAlikeInBothYears() {
        // the 2023 profile says the value is the 2020 census's: same value, same year, same benchmark, nothing moved
        ComparisonReport c = compare(profile(2020, ""), profile(2023, ",'asOf':{'talent':2020}"));
        assertEquals(List.of(), c.benchmarkShift());
        assertTrue(ids(c.persisting()).contains("B-DEMOGRAPHIC-PRESSURE"), c.toString());
    }

    @Test
    void aRealChangeIsStillResolvedWithItsCause() {
        RegionProfile younger = READER.read(ProfileReader.tree(("{\"regionId\":\"t-shift\",\"name\":\"移动市\","
                + "\"year\":2020,\"level\":\"PREFECTURE\",\"talent\":{\"agedSharePct\":11.0,\"urbanizationRatePct\":58.0}}")
                .getBytes(StandardCharsets.UTF_8)), RegionProfile.class);
        ComparisonReport c = compare(profile(2020, ""), younger);
        assertEquals(List.of(), c.benchmarkShift());
        ComparisonReport.BottleneckChange resolved = c.resolved().stream()
                .filter(r -> r.id().equals("B-DEMOGRAPHIC-PRESSURE")).findFirst().orElseThrow(() -> new AssertionError(c.toString()));
        assertEquals(List.of("talent.agedSharePct"), resolved.causedBy());
        assertEquals(c.cityIndustryStage().before(), report(profile(2020, "")).smartSpecialization()
                .cityIndustryStage().stage());
    }
}
