package io.nqpf.advisor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Catalog defects are reported with the line of the entry they concern, so authors can find them. */
class CatalogLoaderTest {

    @Test
    void aMissingTranslationIsReportedAtItsEntry() {
        String yaml = """
                bottlenecks:
                  - id: B-ONE
                    title: {zh-CN: "一", en: "one"}
                    description: {zh-CN: "一", en: "one"}
                    sources: [{document: d.txt, section: "x", quote: "abcd"}]
                  - id: B-TWO
                    title: {zh-CN: "二"}
                    description: {zh-CN: "二", en: "two"}
                    sources: [{document: d.txt, section: "x", quote: "abcd"}]
                """;
        List<CatalogProblem> problems = CatalogLoader.load(Map.of("catalog/x.yaml", yaml)).problems();
        assertEquals(List.of(new CatalogProblem("catalog/x.yaml", 6, 9, "B-TWO: title needs both zh-CN and en")), problems);
    }

    @Test
    void aThresholdOnAnUnknownIndicatorIsReportedAtItsEntry() {
        String yaml = """
                thresholds:
                  - id: RD_LOW
                    indicator: economy.rdIntensityPct
                    comparison: "<"
                    threshold: 2.65
                    reference: {zh-CN: "参考", en: "reference"}
                """;
        List<CatalogProblem> problems = CatalogLoader.load(Map.of("thresholds.yaml", yaml)).problems();
        assertEquals(1, problems.size());
        assertEquals(2, problems.get(0).line());
        assertEquals("RD_LOW: indicator economy.rdIntensityPct is not a field of the region profile",
                problems.get(0).message());
    }
}
