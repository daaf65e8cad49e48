package io.nqpf.advisor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.nqpf.advisor.engine.Evaluation;
import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.knowledge.BottleneckEntry;
import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.I18n;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.support.Examples;
import io.nqpf.advisor.support.Rules;
import jakarta.validation.Validation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * The catalog's texts of a report are made once per ruleset and language and written as the JSON made the first
 * time (issue 20): what a client reads must be exactly what serializing the report afresh gives, with any writer
 * configuration, and a reloaded ruleset must not show the texts of the one it replaced.
 */
class CatalogTextsTest {

    private static final ProfileReader READER = new ProfileReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
    /** As the service writes: nulls left out. */
    private static final ObjectMapper SERVICE = JsonMapper.builder().findAndAddModules()
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();
    /** A writer that keeps nulls: the same lists must come out with their null fields. */
    private static final ObjectMapper WITH_NULLS = JsonMapper.builder().findAndAddModules().build();
    /** A writer that escapes every non-ASCII character and {@code /}: kept texts must not come out as plain UTF-8. */
    private static final ObjectMapper ESCAPING = JsonMapper.builder().findAndAddModules()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII, JsonWriteFeature.ESCAPE_FORWARD_SLASHES).build();

    @Test
    void reportsWrittenFromKeptTextsAreByteForByteWhatWritingThemAfreshGives() throws Exception {
        for (Path example : Examples.all()) {
            RegionProfile profile = READER.read(Files.readAllBytes(example), RegionProfile.class);
            Evaluation ev = Evaluator.evaluate(profile, Rules.bundled());
            for (Language lang : Language.values()) {
                Report report = ReportAssembler.assemble(profile, ev, lang, false);
                for (ObjectMapper mapper : new ObjectMapper[] {SERVICE, WITH_NULLS, ESCAPING, SERVICE}) {
                    // a writer with a (minimal, so same-looking) pretty printer serializes every list afresh: the reference
                    String fresh = mapper.writer(new MinimalPrettyPrinter()).writeValueAsString(report);
                    String written = new String(mapper.writeValueAsBytes(report), StandardCharsets.UTF_8);
                    same(fresh, written, example + " " + lang + " " + mapper.getSerializationConfig()
                            .getDefaultPropertyInclusion());
                    same(fresh, mapper.writeValueAsString(report), example + " " + lang + " through a Writer");
                }
                for (Report.RecommendationView r : report.recommendations()) {
                    // written from the JSON kept for each of the three configurations, not serialized again
                    assertEquals(3, ((PreRendered<?>) r.sources()).renderings(), r.id());
                    assertEquals(3, ((PreRendered<?>) r.actions()).renderings(), r.id());
                    assertTrue(CatalogString.kept(r.title()) && CatalogString.kept(r.summary()), r.id());
                }
                for (Report.BottleneckView b : report.bottlenecks()) {
                    // titles, descriptions and labels are written from the JSON kept for the ruleset
                    assertTrue(CatalogString.kept(b.title()) && CatalogString.kept(b.description()), b.id());
                    b.evidence().forEach(e -> assertTrue(CatalogString.kept(e.label()), e.indicator()));
                }
            }
        }
    }

    /** Equal, or the first difference with some context (reports are long). */
    private static void same(String expected, String actual, String what) {
        int i = 0;
        while (i < Math.min(expected.length(), actual.length()) && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        if (i < expected.length() || i < actual.length()) {
            int from = Math.max(0, i - 200);
            assertEquals(expected.substring(from, Math.min(expected.length(), i + 200)),
                    actual.substring(from, Math.min(actual.length(), i + 200)), what + " differs at " + i);
        }
    }

    @Test
    void textsBelongToTheirRulesetAndLanguage() {
        Ruleset rules = Rules.bundled();
        CatalogTexts zh = CatalogTexts.of(rules, Language.ZH_CN);
        assertSame(zh, CatalogTexts.of(rules, Language.ZH_CN), "made once per ruleset and language");
        assertNotSame(zh, CatalogTexts.of(rules, Language.EN));
        var entry = rules.catalog().bottlenecks().values().iterator().next();
        assertFalse(entry.sources().isEmpty());
        assertEquals(new Wording(rules.catalog(), rules.documents(), Language.ZH_CN).sourcesAsWorded(entry.sources()),
                zh.sources(entry.sources()));

        // a ruleset built again (a reload) makes its own: nothing of the old one is shown
        Ruleset reloaded = new Ruleset(rules.kieBase(), rules.catalog(), rules.version(), rules.sha256(),
                rules.loadedAt(), rules.files(), rules.rules(), rules.rulesByName(), rules.citations(),
                rules.documents());
        assertNotSame(zh, CatalogTexts.of(reloaded, Language.ZH_CN));
        assertTrue(zh.sources(java.util.List.of()) == null, "a list that is not the catalog's is worded afresh");
    }

    @Test
    void aReportWrittenAfterAReloadShowsItsOwnTexts() throws Exception {
        Ruleset rules = Rules.bundled();
        RegionProfile profile = READER.read(Files.readAllBytes(Examples.all().get(0)), RegionProfile.class);
        Report before = ReportAssembler.assemble(profile, Evaluator.evaluate(profile, rules), Language.EN, false);
        String fresh = SERVICE.writer(new MinimalPrettyPrinter()).writeValueAsString(before);
        assertFalse(before.bottlenecks().isEmpty());

        // reloaded rules whose bottlenecks are titled otherwise: their texts are the ones kept from now on
        Catalog c = rules.catalog();
        Map<String, BottleneckEntry> retitled = new LinkedHashMap<>();
        c.bottlenecks().forEach((id, b) -> retitled.put(id, new BottleneckEntry(id,
                new I18n(b.title().zh() + "（新）", b.title().en() + " (new)"), b.description(), b.sources())));
        Ruleset reloaded = new Ruleset(rules.kieBase(), new Catalog(retitled, c.countermeasures(), c.indicators(),
                c.factors(), c.thresholds(), c.benchmarks(), c.cityStages(), c.thresholdsByYear(), c.dictionary(),
                c.sequences()), rules.version(), rules.sha256(), rules.loadedAt(), rules.files(), rules.rules(),
                rules.rulesByName(), rules.citations(), rules.documents());
        Report after = ReportAssembler.assemble(profile, Evaluator.evaluate(profile, reloaded), Language.EN, false);
        String title = after.bottlenecks().get(0).title();
        assertTrue(title.endsWith(" (new)") && CatalogString.kept(title), title);
        assertFalse(CatalogString.kept(before.bottlenecks().get(0).title()), "the old ruleset's texts are not kept");

        // a report of the old rules written now (in flight during the reload) still reads as it was made
        same(fresh, new String(SERVICE.writeValueAsBytes(before), StandardCharsets.UTF_8), "old report after reload");
        same(SERVICE.writer(new MinimalPrettyPrinter()).writeValueAsString(after),
                new String(SERVICE.writeValueAsBytes(after), StandardCharsets.UTF_8), "new report");
    }
}
