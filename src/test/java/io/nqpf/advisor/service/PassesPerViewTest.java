package io.nqpf.advisor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.support.Examples;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * How many Drools passes each view makes (docs/performance.md, "Passes per view"): a regression guard on the work a
 * request costs, not a timing test. Each count is taken on the second request for the profile, when the ruleset's
 * stage-decider index has seen its tries.
 */
@QuarkusTest
class PassesPerViewTest {

    @Inject
    RecommendationService service;

    private static final ReportOptions FULL = ReportOptions.full(Language.EN, false, 10);
    private static final ReportOptions SUMMARY = new ReportOptions(Language.EN, true, false, 10, false, false);

    @Test
    void aReportMakesTheRealPassAndTheWhatIfPassAndASettlingPassWhenValuesAreMissing() {
        byte[] coal = body("declining-coal-city.json");
        byte[] sparse = body("sparse-profile.json");
        // the coal city gives every value: the real pass, and the what-if pass for the full view only
        assertEquals(2, passes(() -> service.evaluate(coal, FULL)), "coal city, full report");
        assertEquals(1, passes(() -> service.evaluate(coal, SUMMARY)), "coal city, summary");
        // the sparse profile adds the settling pass; its stage is undetermined, and every stage-decider try is
        // looked up in the ruleset's index (14 passes before it)
        assertEquals(3, passes(() -> service.evaluate(sparse, FULL)), "sparse profile, full report");
        assertEquals(2, passes(() -> service.evaluate(sparse, SUMMARY)), "sparse profile, summary");
    }

    @Test
    void aComparisonMakesNoWhatIfPassAndEvaluatesACompletedProfileOnlyWhenItGainsValues() {
        String coal = Examples.read("declining-coal-city.json");
        String sparse = Examples.read("sparse-profile.json");
        byte[] coalToRegenerating = pair(coal, Examples.read("regenerating-resource-city.json"));
        // each side's real pass (and settling pass when it lacks values), and the side that gains values from the
        // other completed with them (9 passes before)
        assertEquals(4, passes(() -> service.compare(coalToRegenerating, Language.EN)));
        // a workbook shows both reports: their what-if passes too
        assertEquals(6, passes(() -> service.compareWithReports(coalToRegenerating, Language.EN)));
        // sparse → coal city: the sparse side settles and is completed; the coal city gains nothing
        assertEquals(4, passes(() -> service.compare(pair(sparse, coal), Language.EN)));
        // the same profile on both sides: nothing is completed
        assertEquals(4, passes(() -> service.compare(pair(sparse, sparse), Language.EN)));
        assertEquals(2, passes(() -> service.compare(pair(coal, coal), Language.EN)));
    }

    private static byte[] body(String example) {
        return Examples.read(example).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] pair(String before, String after) {
        return ("{\"before\": " + before + ", \"after\": " + after + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** The passes of the second of two runs. */
    private static long passes(Runnable request) {
        request.run();
        long before = Evaluator.passesOnThisThread();
        request.run();
        return Evaluator.passesOnThisThread() - before;
    }
}
