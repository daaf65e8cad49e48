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
 * index has seen its stage tries and its region. The settling and what-if passes make no session of their own: their
 * stage part is looked up in the index and their diagnosis matches are joined ({@code PassIndexTest} compares them
 * with sessions).
 */
@QuarkusTest
class PassesPerViewTest {

    @Inject
    RecommendationService service;

    private static final ReportOptions FULL = ReportOptions.full(Language.EN, false, 10);
    private static final ReportOptions SUMMARY = new ReportOptions(Language.EN, true, false, 10, false, false);

    @Test
    void aReportMakesOnePassTheRealOne() {
        byte[] coal = body("declining-coal-city.json");
        byte[] sparse = body("sparse-profile.json");
        // the coal city gives every value: the real pass; the what-if pass of the full view needs no session
        assertEquals(1, passes(() -> service.evaluate(coal, FULL)), "coal city, full report (2 before)");
        assertEquals(1, passes(() -> service.evaluate(coal, SUMMARY)), "coal city, summary");
        // the sparse profile's settling and what-if passes and its stage-decider tries need no session either
        assertEquals(1, passes(() -> service.evaluate(sparse, FULL)), "sparse profile, full report (3 before)");
        assertEquals(1, passes(() -> service.evaluate(sparse, SUMMARY)), "sparse profile, summary (2 before)");
    }

    @Test
    void aComparisonMakesEachSidesRealPassOnly() {
        String coal = Examples.read("declining-coal-city.json");
        String sparse = Examples.read("sparse-profile.json");
        byte[] coalToRegenerating = pair(coal, Examples.read("regenerating-resource-city.json"));
        // each side's real pass; the side that gains values from the other is completed with them, and its
        // bottlenecks are joined without a session (4 before)
        assertEquals(2, passes(() -> service.compare(coalToRegenerating, Language.EN)));
        // a workbook shows both reports: their what-if passes need no session (6 before)
        assertEquals(2, passes(() -> service.compareWithReports(coalToRegenerating, Language.EN)));
        // sparse → coal city (4 before)
        assertEquals(2, passes(() -> service.compare(pair(sparse, coal), Language.EN)));
        // the same profile on both sides (4 before for the sparse profile)
        assertEquals(2, passes(() -> service.compare(pair(sparse, sparse), Language.EN)));
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
