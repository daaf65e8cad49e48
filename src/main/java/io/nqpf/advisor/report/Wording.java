package io.nqpf.advisor.report;

import io.nqpf.advisor.engine.facts.Bottleneck;
import io.nqpf.advisor.engine.facts.Evidence;
import io.nqpf.advisor.engine.facts.Stage;
import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.Citation;
import io.nqpf.advisor.knowledge.Comparison;
import io.nqpf.advisor.knowledge.CountermeasureEntry;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.knowledge.ThresholdDef;
import io.nqpf.advisor.ranking.Ranked;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Sentences of the report built from the region's own numbers, in zh-CN or en. Labels, references and factor
 * texts come from the catalog; only the sentence frames live here.
 */
final class Wording {

    private final Catalog catalog;
    private final Language lang;
    private final boolean zh;

    Wording(Catalog catalog, Language lang) {
        this.catalog = catalog;
        this.lang = lang;
        this.zh = lang == Language.ZH_CN;
    }

    Report.EvidenceView evidence(Evidence e) {
        ThresholdDef t = e.threshold();
        return new Report.EvidenceView(e.getIndicator(), catalog.indicatorLabel(e.getIndicator(), lang), e.getValue(),
                t.thresholdValue(), t.comparison().symbol(), t.reference().in(lang),
                e.basis() == Evidence.Basis.NEAR ? number(e.gap()) : null, t.benchmarkYear());
    }

    /** "R&D intensity 0.6% is below 2.65% (national R&D intensity, 2023)". */
    String sentence(Evidence e) {
        ThresholdDef t = e.threshold();
        String label = catalog.indicatorLabel(e.getIndicator(), lang);
        String unit = catalog.indicatorUnit(e.getIndicator(), lang);
        String ref = t.reference().in(lang);
        if (!t.comparison().numeric()) {
            String value = display(e.getIndicator(), e.getValue());
            return zh ? label + "为" + value + "（" + ref + "）" : label + " is " + value + " (" + ref + ")";
        }
        String value = format(e.getValue()) + unit;
        String threshold = format(t.thresholdValue()) + unit;
        String relation = switch (t.comparison()) {
            case LESS -> zh ? "低于" : "below ";
            case AT_MOST -> zh ? "不高于" : "at or below ";
            case AT_LEAST -> zh ? "不低于" : "at or above ";
            default -> zh ? "高于" : "above ";
        };
        if (zh) {
            return label + value + "，" + relation + threshold + "（" + ref + "）";
        }
        return label + " " + value + " is " + relation + threshold + " (" + ref + ")";
    }

    String explanation(CountermeasureEntry entry, List<Bottleneck> addressed, Ranked ranked) {
        StringBuilder s = new StringBuilder();
        List<String> titles = addressed.stream()
                .map(b -> catalog.bottlenecks().get(b.getId()).title().in(lang) + (zh ? "（严重度" : " (")
                        + levelWord(ReportAssembler.level(b.getSeverity())) + (zh ? "）" : ")"))
                .toList();
        if (!titles.isEmpty()) {
            s.append(zh ? "针对本地区的" + String.join("、", titles) + "。"
                    : "Answers this region's " + String.join(", ", titles) + ". ");
            Set<String> seen = new LinkedHashSet<>();
            List<String> facts = new ArrayList<>();
            for (Bottleneck b : addressed) {
                for (Evidence e : b.getEvidence()) {
                    if (seen.add(e.getId()) && facts.size() < 4) {
                        facts.add(sentence(e));
                    }
                }
            }
            s.append(zh ? "依据：" + String.join("；", facts) + "。" : "Evidence: " + String.join("; ", facts) + ". ");
        } else {
            s.append(zh ? "本地区具备实施条件，作为发展机遇提出。" : "Proposed as an opportunity the region is ready for. ");
        }
        List<String> reasons = ranked.breakdown().stream()
                .filter(f -> f.kind() != null)
                .map(f -> catalog.factor(f.key(), lang) + (zh ? "（" : " (") + signed(f.points()) + (zh ? "分）" : " points)"))
                .toList();
        if (!reasons.isEmpty()) {
            s.append(zh ? "调整：" + String.join("；", reasons) + "。" : "Adjusted for: " + String.join("; ", reasons) + ". ");
        }
        if (!entry.sources().isEmpty()) {
            Citation c = entry.sources().get(0);
            s.append(zh ? "出处：" + c.document() + " " + c.section() + "「" + c.quote() + "」。"
                    : "Source: " + c.document() + " " + c.section() + " \u201c" + c.quote() + "\u201d.");
        }
        return s.toString().trim();
    }

    String stageRationale(Stage stage, List<Evidence> evidence, List<String> missing) {
        String base = catalog.factor("stage." + stage.name(), lang);
        if (stage == Stage.UNDETERMINED) {
            List<String> labels = missing.stream().map(p -> catalog.indicatorLabel(p, lang) + " (" + p + ")").toList();
            if (labels.isEmpty()) {
                return catalog.factor("stage.UNDETERMINED.neither", lang);
            }
            return base + (zh ? "缺少：" + String.join("、", labels) + "。" : " Missing: " + String.join(", ", labels) + ".");
        }
        List<String> facts = evidence.stream().map(this::sentence).toList();
        return base + (zh ? "依据：" + String.join("；", facts) + "。" : " Evidence: " + String.join("; ", facts) + ".");
    }

    /** Yes/no in the report's language; a category by its label in the catalog's factors, else its id. */
    private String display(String indicator, Object value) {
        if (value instanceof Boolean b) {
            return zh ? (b ? "是" : "否") : (b ? "yes" : "no");
        }
        String key = "value." + indicator + "." + value;
        return catalog.factors().containsKey(key) ? catalog.factor(key, lang) : String.valueOf(value);
    }

    private String levelWord(String level) {
        if (!zh) {
            return level;
        }
        return switch (level) {
            case "HIGH" -> "高";
            case "MEDIUM" -> "中";
            default -> "低";
        };
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
