package io.nqpf.advisor.report;

import com.github.houbb.opencc4j.util.ZhConverterUtil;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.engine.facts.Bottleneck;
import io.nqpf.advisor.engine.facts.CityIndustryStage;
import io.nqpf.advisor.engine.facts.Evidence;
import io.nqpf.advisor.engine.facts.Stage;
import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.Citation;
import io.nqpf.advisor.knowledge.CityStageEntry;
import io.nqpf.advisor.knowledge.Comparison;
import io.nqpf.advisor.knowledge.CountermeasureEntry;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.knowledge.SourceDocument;
import io.nqpf.advisor.knowledge.ThresholdDef;
import io.nqpf.advisor.ranking.Ranked;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sentences of the report built from the region's own numbers, in zh-CN or en. Labels, references, factor texts
 * and the sentences for yes/no facts come from the catalog, source titles from {@code sources.yaml}; only the
 * sentence frames live here. A reference follows its figure after a dash rather than in brackets, so that the
 * brackets of a reference never nest inside the sentence's own.
 */
final class Wording {

    private final Catalog catalog;
    private final Map<String, SourceDocument> documents;
    private final Language lang;
    private final boolean zh;
    /** The catalog's texts of this ruleset and language, made once; null to word every citation anew. */
    private final CatalogTexts texts;

    Wording(Catalog catalog, Map<String, SourceDocument> documents, Language lang) {
        this(catalog, documents, lang, null);
    }

    /** Wording for reports of this ruleset: citations and actions come from its {@link CatalogTexts}. */
    Wording(Ruleset ruleset, Language lang) {
        this(ruleset.catalog(), ruleset.documents(), lang, CatalogTexts.of(ruleset, lang));
    }

    private Wording(Catalog catalog, Map<String, SourceDocument> documents, Language lang, CatalogTexts texts) {
        this.catalog = catalog;
        this.documents = documents;
        this.lang = lang;
        this.zh = lang == Language.ZH_CN;
        this.texts = texts;
    }

    Report.EvidenceView evidence(Evidence e) {
        ThresholdDef t = e.threshold();
        return new Report.EvidenceView(e.getIndicator(), catalog.indicatorLabel(e.getIndicator(), lang), e.getValue(),
                t.thresholdValue(), t.comparison().symbol(), t.reference().in(lang),
                e.basis() == Evidence.Basis.NEAR ? number(e.gap()) : null, e.valueYear(), t.benchmarkYear());
    }

    /**
     * The sentences of this report's evidence, each made once: the explanations of several measures and the stage
     * quote the same evidence (a Wording serves one report).
     */
    private final Map<Evidence, String> sentences = new IdentityHashMap<>();

    /** "研发经费投入强度为0.45%，低于2.65%——全国研发经费投入强度…", "R&D intensity is 0.45%, below 2.65% — …". */
    String sentence(Evidence e) {
        String made = sentences.get(e);
        if (made == null) {
            made = worded(e);
            sentences.put(e, made);
        }
        return made;
    }

    private String worded(Evidence e) {
        ThresholdDef t = e.threshold();
        String ref = t.reference().in(lang);
        if (!t.comparison().numeric()) {
            return fact(e.getIndicator(), e.getValue()) + (zh ? "——" : " — ") + ref;
        }
        String label = catalog.indicatorLabel(e.getIndicator(), lang);
        String unit = catalog.indicatorUnit(e.getIndicator(), lang);
        String value = format(e.getValue()) + unit;
        String threshold = format(t.thresholdValue()) + unit;
        String relation = switch (t.comparison()) {
            case LESS -> zh ? "低于" : "below ";
            case AT_MOST -> zh ? "不高于" : "at or below ";
            case AT_LEAST -> zh ? "不低于" : "at or above ";
            default -> zh ? "高于" : "above ";
        };
        if (zh) {
            return label + "为" + value + "，" + relation + threshold + "——" + ref;
        }
        return label + " is " + value + ", " + relation + threshold + " — " + ref;
    }

    String explanation(CountermeasureEntry entry, List<Bottleneck> addressed, Ranked ranked) {
        // the pieces joined once at the end, into a string of their exact length
        List<String> s = new ArrayList<>(16);
        if (!addressed.isEmpty()) {
            List<String> titles = new ArrayList<>(addressed.size());
            for (Bottleneck b : addressed) {
                titles.add(catalog.bottlenecks().get(b.getId()).title().in(lang) + (zh ? "（" : " (")
                        + severityWords(ReportAssembler.level(b.getSeverity())) + (zh ? "）" : ")"));
            }
            s.add(zh ? "针对本地区的" : "Answers the region's bottlenecks: ");
            s.add(String.join(zh ? "、" : "; ", titles));
            s.add(zh ? "。" : ". ");
            Set<String> seen = new HashSet<>();
            List<String> facts = new ArrayList<>(4);
            for (Bottleneck b : addressed) {
                for (Evidence e : b.getEvidence()) {
                    if (facts.size() < 4 && seen.add(e.getId())) {
                        facts.add(sentence(e));
                    }
                }
            }
            s.add(zh ? "依据：" : "Evidence: ");
            s.add(String.join(zh ? "；" : "; ", facts));
            s.add(zh ? "。" : ". ");
        } else {
            s.add(zh ? "本地区具备实施条件，作为发展机遇提出。" : "Proposed as an opportunity the region is ready for. ");
        }
        List<String> reasons = new ArrayList<>();
        for (Ranked.Factor f : ranked.breakdown()) {
            if (f.kind() != null) {
                reasons.add(catalog.factor(f.key(), lang) + (zh ? "（" : " (") + signed(f.points()) + (zh ? "分）" : " points)"));
            }
        }
        if (!reasons.isEmpty()) {
            s.add(zh ? "调整：" : "Adjusted for: ");
            s.add(String.join(zh ? "；" : "; ", reasons));
            s.add(zh ? "。" : ". ");
        }
        if (!entry.sources().isEmpty()) {
            s.add(zh ? "出处：" : "Source: ");
            s.add(sources(entry.sources()).get(0).citation());
            s.add(zh ? "。" : ".");
        }
        return String.join("", s).trim();
    }

    /** A citation with the paper it quotes, as readers see it and as machines identify it. */
    Report.SourceView source(Citation c) {
        SourceDocument doc = documents.get(c.document());
        String title = doc == null || doc.title() == null ? null : simplified(doc.title().in(lang));
        String subject = doc == null || doc.subject() == null ? null : doc.subject().in(lang);
        List<String> authors = doc == null || doc.authors() == null ? List.of()
                : doc.authors().stream().map(SourceDocument::name).toList();
        Integer year = doc == null ? null : doc.year();
        String quoteShown = simplified(c.quote());

        List<String> parts = new ArrayList<>();
        if (title != null) {
            parts.add(zh ? "《" + title + "》" : "\u201c" + title + "\u201d");
        } else if (subject != null) {
            parts.add(zh ? "关于" + subject + "的文章" : "a paper on " + lowerFirst(subject));
        } else {
            parts.add(c.document());
        }
        if (!authors.isEmpty()) {
            parts.add(String.join(zh ? "、" : ", ", authors));
        } else if (doc != null && doc.venue() != null) {
            parts.add(doc.venue());
        }
        if (year != null) {
            parts.add(zh ? year + "年" : String.valueOf(year));
        }
        parts.add(c.section());
        String citation = String.join(zh ? "，" : ", ", parts)
                + (zh ? "：「" + quoteShown + "」" : ": \u201c" + quoteShown + "\u201d");
        return new Report.SourceView(c.document(), c.section(), c.quote(), title, subject, authors, year,
                zh ? quoteShown : null,
                citation);
    }

    /** The citations of a catalog entry as shown: made once per ruleset and language ({@link CatalogTexts}). */
    List<Report.SourceView> sources(List<Citation> citations) {
        List<Report.SourceView> made = texts == null ? null : texts.sources(citations);
        return made != null ? made : sourcesAsWorded(citations);
    }

    /** A measure's actions in the report's language, kept with their JSON where the ruleset has them. */
    List<String> actions(CountermeasureEntry entry) {
        List<String> made = texts == null ? null : texts.actions(entry);
        return made != null ? made : entry.actions().in(lang);
    }

    List<Report.SourceView> sourcesAsWorded(List<Citation> citations) {
        return citations.stream().map(this::source).toList();
    }

    String stageRationale(Stage stage, List<Evidence> evidence, List<String> missing, Map<String, Boolean> signals) {
        String base = catalog.factor("stage." + stage.name(), lang);
        if (stage == Stage.UNDETERMINED) {
            if (missing.isEmpty()) {
                return catalog.factor("stage.UNDETERMINED.neither", lang);
            }
            List<String> unknownSignals = signals.entrySet().stream().filter(e -> e.getValue() == null)
                    .map(Map.Entry::getKey).toList();
            List<String> others = missing.stream().filter(p -> !signals.containsKey(p))
                    .map(p -> catalog.indicatorLabel(p, lang)).toList();
            StringBuilder s = new StringBuilder(base);
            s.append(knownSignals(signals, unknownSignals));
            if (!others.isEmpty()) {
                s.append(zh ? "工业或资源基础尚缺：" + String.join("、", others) + "。"
                        : " Of the industrial or resource base, missing: " + String.join(", ", others) + ".");
            }
            return s.toString();
        }
        List<String> held = evidence.stream().filter(e -> Stage.SIGNALS.contains(e.getId())).map(this::sentence)
                .toList();
        List<String> foundation = evidence.stream().filter(e -> !Stage.SIGNALS.contains(e.getId()))
                .map(this::sentence).toList();
        StringBuilder s = new StringBuilder(base);
        if (!foundation.isEmpty()) {
            s.append(zh ? "工业或资源基础：" + String.join("；", foundation) + "。"
                    : " Industrial or resource base: " + String.join("; ", foundation) + ".");
        }
        s.append(signalCount(stage, held));
        return s.toString();
    }

    /** The stage of city industry (003) with its evidence and passages; UNDETERMINED when no rule decided it. */
    Report.CityIndustryStageView cityStage(CityIndustryStage found, boolean certain, List<String> decidedBy) {
        CityStageEntry entry = found == null ? null : catalog.cityStages().get(found.getStage().name());
        List<Report.IndicatorRef> by = certain ? null : refs(decidedBy);
        String open = certain || decidedBy.isEmpty() ? "" : presumedBy(decidedBy, entry == null);
        if (entry == null) {
            return new Report.CityIndustryStageView("UNDETERMINED", null,
                    catalog.factor("cityStage.UNDETERMINED", lang) + open, List.of(), List.of(),
                    found == null ? null : found.rule(), null, by);
        }
        List<String> facts = found.evidence().stream().map(this::sentence).toList();
        String rationale = catalog.factor("cityStage.heading", lang) + entry.title().in(lang) + (zh ? "。" : ". ")
                + entry.description().in(lang)
                + (facts.isEmpty() ? "" : zh ? "依据：" + String.join("；", facts) + "。"
                        : " Evidence: " + String.join("; ", facts) + ".") + open;
        return new Report.CityIndustryStageView(found.getStage().name(), entry.title().in(lang), rationale,
                found.evidence().stream().map(this::evidence).toList(), sources(entry.sources()), found.rule(),
                certain ? "CERTAIN" : "PRESUMED", by);
    }

    /** "推定：取决于尚未填报的X、Y。", "Presumed: X and Y, not given, decide it." */
    String presumedBy(List<String> decidedBy, boolean undetermined) {
        String labels = String.join(zh ? "、" : ", ", decidedBy.stream().map(p -> catalog.indicatorLabel(p, lang)).toList());
        if (undetermined) {
            return zh ? "取决于尚未填报的：" + labels + "。" : " Decided by values not given: " + labels + ".";
        }
        return zh ? "（推定：取决于尚未填报的" + labels + "）" : " (Presumed: decided by values not given: " + labels + ".)";
    }

    /**
     * What is known of the signals of stage 2 when the stage is undetermined: "第二阶段6项信号中已知2项，均具备；其余4项未填报：…",
     * "Of the 6 signals of stage 2, 2 are known and both hold; the other 4 are not reported: …".
     */
    private String knownSignals(Map<String, Boolean> signals, List<String> unknown) {
        int of = signals.size();
        int known = of - unknown.size();
        long hold = signals.values().stream().filter(Boolean.TRUE::equals).count();
        String missing = String.join(zh ? "、" : ", ", unknown.stream().map(p -> catalog.indicatorLabel(p, lang)).toList());
        if (zh) {
            String held = known == 0 ? "" : hold == known ? (known == 1 ? "具备" : "均具备") : hold == 0
                    ? (known == 1 ? "不具备" : "均不具备") : "具备" + hold + "项";
            if (unknown.isEmpty()) {
                return "第二阶段" + of + "项信号均已知，" + held + "。";
            }
            return known == 0 ? "第二阶段" + of + "项信号均未填报：" + missing + "。"
                    : "第二阶段" + of + "项信号中已知" + known + "项，" + held + "；其余" + unknown.size() + "项未填报：" + missing + "。";
        }
        String held = hold == known ? (known == 1 ? "it holds" : known == 2 ? "both hold" : "all hold")
                : hold == 0 ? (known == 1 ? "it does not hold" : "none holds") : hold + " hold";
        if (unknown.isEmpty()) {
            return " All " + of + " signals of stage 2 are known; " + held + ".";
        }
        return known == 0 ? " None of the " + of + " signals of stage 2 is reported: " + missing + "."
                : " Of the " + of + " signals of stage 2, " + known + " " + (known == 1 ? "is" : "are") + " known and "
                        + held + "; the other " + unknown.size() + " " + (unknown.size() == 1 ? "is" : "are")
                        + " not reported: " + missing + ".";
    }

    /** The indicators that decide a finding, with their labels; null for none. */
    List<Report.IndicatorRef> refs(List<String> paths) {
        return paths == null ? null
                : paths.stream().map(p -> new Report.IndicatorRef(p, catalog.indicatorLabel(p, lang))).toList();
    }

    /** "具备第二阶段六项信号中的4项：…", "4 of the 6 signals of stage 2 hold: …". */
    private String signalCount(Stage stage, List<String> signals) {
        int n = signals.size();
        int of = Stage.SIGNALS.size();
        String listed = String.join(zh ? "；" : "; ", signals);
        if (n == 0) {
            return zh ? "第二阶段" + chineseCount(of) + "项信号一项也不具备。" : " None of the " + of + " signals of stage 2 holds.";
        }
        boolean only = stage == Stage.STAGE_1_RELATED_DIVERSIFICATION;
        if (zh) {
            return (only ? "仅" : "") + "具备第二阶段" + chineseCount(of) + "项信号中的" + n + "项：" + listed + "。";
        }
        return " " + (only ? "Only " : "") + n + " of the " + of + " signals of stage 2 " + (n == 1 ? "holds" : "hold")
                + ": " + listed + ".";
    }

    private static String chineseCount(int n) {
        return n >= 0 && n <= 10 ? "零一二三四五六七八九十".substring(n, n + 1) : String.valueOf(n);
    }

    /**
     * A yes/no or category value as a clause: the catalog's sentence for a yes/no fact ({@code fact.<path>.true}),
     * else the label with the value's catalog label ({@code value.<path>.<VALUE>}).
     */
    private String fact(String indicator, Object value) {
        String key = (value instanceof Boolean ? "fact." : "value.") + indicator + "." + value;
        if (value instanceof Boolean && catalog.factors().containsKey(key)) {
            return catalog.factor(key, lang);
        }
        String label = catalog.indicatorLabel(indicator, lang);
        if (value instanceof Boolean b) {
            return zh ? label + "：" + (b ? "有" : "无") : label + ": " + (b ? "in place" : "absent");
        }
        String shown = catalog.factors().containsKey(key) ? catalog.factor(key, lang) : String.valueOf(value);
        return zh ? label + "为" + shown : label + " is " + shown;
    }

    /**
     * Traditional characters in simplified form for zh-CN readers; English reports show the text verbatim. The
     * texts are the catalog's titles and quotes, converted once per ruleset with the citations that show them
     * ({@link CatalogTexts}): OpenCC took a third of a full report's time when it ran on every request
     * (docs/performance.md).
     */
    private String simplified(String text) {
        if (!zh || text == null) {
            return text;
        }
        return ZhConverterUtil.containsTraditional(text) ? ZhConverterUtil.toSimple(text) : text;
    }

    private String severityWords(String level) {
        return switch (level) {
            case "HIGH" -> zh ? "严重度高" : "high severity";
            case "MEDIUM" -> zh ? "严重度中" : "medium severity";
            default -> zh ? "严重度低" : "low severity";
        };
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String signed(double points) {
        return (points > 0 ? "+" : "") + format(points);
    }

    static String format(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(String.valueOf(n.doubleValue())).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    private static double number(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
