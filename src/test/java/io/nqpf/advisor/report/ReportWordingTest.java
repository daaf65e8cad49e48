package io.nqpf.advisor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.engine.facts.Stage;
import io.nqpf.advisor.knowledge.BottleneckEntry;
import io.nqpf.advisor.knowledge.Citation;
import io.nqpf.advisor.knowledge.CountermeasureEntry;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.Level;
import io.nqpf.advisor.profile.MacroRegion;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.profile.ResourceCityStage;
import io.nqpf.advisor.profile.ResourceType;
import io.nqpf.advisor.profile.SizeClass;
import io.nqpf.advisor.support.Examples;
import io.nqpf.advisor.support.Rules;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** What a reader of any example's report relies on, in both languages: sentences, not machine output. */
class ReportWordingTest {

    private static final Ruleset RULES = Rules.bundled();
    private static final ProfileReader READER = new ProfileReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
    private static final String TRADITIONAL_DOCUMENT = "002_7e91f5c9a91c3b3b.txt";
    /** A unit with a base ("件/万人", "per 10,000 residents") right after a figure. */
    private static final Pattern COMPOUND_UNIT = Pattern.compile("\\d(\\S{0,3}/(万人|千人|十万人|千名老年人)| per [\\d,]+ \\w*\\s?residents)");
    private static final Pattern EVIDENCE_FIGURES = Pattern.compile("[\\d.]+\\S*?[，,] ?(低于|高于|below |above )[\\d.]+");

    private static List<Report> reports() throws IOException {
        List<Report> reports = new ArrayList<>();
        for (Path example : Examples.all()) {
            RegionProfile profile = READER.read(Files.readAllBytes(example), RegionProfile.class);
            for (Language lang : Language.values()) {
                reports.add(ReportAssembler.assemble(profile, Evaluator.evaluate(profile, RULES), lang, true));
            }
        }
        return reports;
    }

    /** Every text of a report a person reads, by where it stands. */
    private static List<String[]> readerTexts(Report r) {
        List<String[]> texts = new ArrayList<>();
        texts.add(new String[] {"smartSpecialization.rationale", r.smartSpecialization().rationale()});
        for (Report.BottleneckView b : r.bottlenecks()) {
            texts.add(new String[] {b.id() + ".title", b.title()});
            texts.add(new String[] {b.id() + ".description", b.description()});
            b.evidence().forEach(e -> texts.add(new String[] {b.id() + ".evidence.reference", e.reference()}));
            b.sources().forEach(s -> texts.add(new String[] {b.id() + ".sources.citation", s.citation()}));
        }
        for (Report.RecommendationView c : r.recommendations()) {
            texts.add(new String[] {c.id() + ".title", c.title()});
            texts.add(new String[] {c.id() + ".summary", c.summary()});
            c.actions().forEach(a -> texts.add(new String[] {c.id() + ".actions", a}));
            texts.add(new String[] {c.id() + ".explanation", c.explanation()});
            c.scoreBreakdown().forEach(f -> texts.add(new String[] {c.id() + ".scoreBreakdown.factor", f.factor()}));
            c.sources().forEach(s -> texts.add(new String[] {c.id() + ".sources.citation", s.citation()}));
        }
        return texts;
    }

    private static Set<String> enumIds() {
        Set<String> ids = new LinkedHashSet<>(List.of("HIGH", "MEDIUM", "LOW"));
        Stream.of(ResourceType.values(), ResourceCityStage.values(), SizeClass.values(), Level.values(),
                MacroRegion.values(), Stage.values()).flatMap(Arrays::stream).forEach(v -> ids.add(v.name()));
        return ids;
    }

    @Test
    void noEnumIdAppearsInProse() throws IOException {
        Pattern capsToken = Pattern.compile("(?<![A-Za-z0-9_.])([A-Z][A-Z0-9]*_[A-Z0-9_]+|[A-Z]{3,})(?![A-Za-z0-9_])");
        Set<String> ids = enumIds();
        List<String> found = new ArrayList<>();
        for (Report r : reports()) {
            for (String[] t : readerTexts(r)) {
                Matcher m = capsToken.matcher(t[1]);
                while (m.find()) {
                    if (ids.contains(m.group(1)) || m.group(1).contains("_")) {
                        found.add(r.region().regionId() + " " + r.language() + " " + t[0] + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void yesNoFactsReadAsSentencesAndEachFigureHasOneUnit() throws IOException {
        List<String> found = new ArrayList<>();
        for (Report r : reports()) {
            for (String[] t : readerTexts(r)) {
                String text = t[1];
                String where = r.region().regionId() + " " + r.language() + " " + t[0] + ": ";
                for (String machine : List.of("为是", "为否", "为true", "为false", "is yes", "is no ", "is no;",
                        "is no.", "is true", "is false")) {
                    if (text.contains(machine)) {
                        found.add(where + machine);
                    }
                }
                Matcher unit = COMPOUND_UNIT.matcher(clausesBeforeReferences(text));
                if (unit.find()) {
                    found.add(where + "unit repeats the base of its label: " + unit.group());
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void bracketsNeverNest() throws IOException {
        List<String> found = new ArrayList<>();
        for (Report r : reports()) {
            for (String[] t : readerTexts(r)) {
                int depth = 0;
                for (char ch : t[1].toCharArray()) {
                    if (ch == '（' || ch == '(') {
                        depth++;
                        if (depth > 1) {
                            found.add(r.region().regionId() + " " + r.language() + " " + t[0] + ": " + t[1]);
                            break;
                        }
                    } else if (ch == '）' || ch == ')') {
                        depth--;
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void simplifiedChineseShowsNoTraditionalCharacterOfTheQuotedPaper() throws IOException {
        Set<Character> traditional = new LinkedHashSet<>();
        Stream.concat(RULES.catalog().bottlenecks().values().stream().map(BottleneckEntry::sources),
                RULES.catalog().countermeasures().values().stream().map(CountermeasureEntry::sources))
                .flatMap(List::stream).filter(c -> c.document().equals(TRADITIONAL_DOCUMENT)).map(Citation::quote)
                .forEach(q -> q.chars().filter(ch -> ZhConverterUtil.isTraditional((char) ch)
                        && !ZhConverterUtil.toSimple(String.valueOf((char) ch)).equals(String.valueOf((char) ch)))
                        .forEach(ch -> traditional.add((char) ch)));
        assertTrue(traditional.size() > 20, "the quotes of 002 are in traditional characters");
        List<String> found = new ArrayList<>();
        for (Report r : reports()) {
            if (!r.language().equals(Language.ZH_CN.tag())) {
                continue;
            }
            for (String[] t : readerTexts(r)) {
                for (char ch : t[1].toCharArray()) {
                    if (traditional.contains(ch)) {
                        found.add(r.region().regionId() + " " + t[0] + ": " + ch + " in " + t[1]);
                        break;
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void sourcesAreShownByTitleAndKeepTheVerbatimQuote() throws IOException {
        for (Report r : reports()) {
            boolean zh = r.language().equals(Language.ZH_CN.tag());
            for (String[] t : readerTexts(r)) {
                assertFalse(t[1].contains(".txt"), r.language() + " " + t[0] + " shows a file name: " + t[1]);
            }
            for (Report.RecommendationView c : r.recommendations()) {
                Report.SourceView first = c.sources().get(0);
                assertTrue(c.explanation().contains(first.citation()), c.id() + " cites its first source");
                String shownAs = first.title() != null ? first.title() : first.subject();
                assertNotNull(shownAs, first.document());
                assertTrue(first.citation().toLowerCase().contains(shownAs.toLowerCase()), first.citation());
                if (!first.authors().isEmpty()) {
                    assertTrue(first.citation().contains(first.authors().get(0)), first.citation());
                }
                if (first.year() != null) {
                    assertTrue(first.citation().contains(String.valueOf(first.year())), first.citation());
                }
                CountermeasureEntry entry = RULES.catalog().countermeasures().get(c.id());
                assertEquals(entry.sources().get(0).quote(), first.quote(), "the data keep the verbatim quote");
                assertEquals(entry.sources().get(0).document(), first.document());
                assertEquals(zh ? ZhConverterUtil.toSimple(first.quote()) : null, first.quoteSimplified());
            }
        }
    }

    @Test
    void theTraditionalTitleIsShownSimplifiedInChinese() {
        Wording zh = new Wording(RULES.catalog(), RULES.documents(), Language.ZH_CN);
        Report.SourceView shown = zh.source(new Citation(TRADITIONAL_DOCUMENT, "四、(二)", "以示范區現有的存量技術和知識"));
        assertEquals("以加快形成新质生产力推动产业转型升级示范区高质量发展", shown.title());
        assertEquals("以示范区现有的存量技术和知识", shown.quoteSimplified());
        assertEquals("《以加快形成新质生产力推动产业转型升级示范区高质量发展》，高新院 achie.org，2024年，四、(二)："
                + "「以示范区现有的存量技术和知识」", shown.citation());
    }

    /** The clauses stating the region's figure and the threshold, without the references that follow a dash. */
    private static String clausesBeforeReferences(String text) {
        StringBuilder figures = new StringBuilder();
        Matcher m = EVIDENCE_FIGURES.matcher(text);
        while (m.find()) {
            figures.append(text, Math.max(0, m.start() - 12), m.end()).append('\n');
        }
        return figures.toString();
    }
}
