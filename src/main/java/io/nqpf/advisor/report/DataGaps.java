package io.nqpf.advisor.report;

import io.nqpf.advisor.engine.Evaluation;
import io.nqpf.advisor.engine.facts.Evidence;
import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.ranking.Counterfactuals;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The data gaps of a report ranked by leverage (how much each missing indicator alone could change the answer), and
 * the few indicators most worth collecting next, each with its reason.
 */
final class DataGaps {

    /** The most indicators {@code nextIndicators} names. */
    static final int NEXT = 5;

    private DataGaps() {
    }

    static List<Report.DataGapView> ranked(Evaluation ev, Language lang) {
        Catalog catalog = ev.ruleset().catalog();
        record Weighed(Evaluation.DataGap gap, Counterfactuals.Leverage leverage) {
        }
        List<Weighed> weighed = new ArrayList<>(ev.dataGaps().size());
        for (Evaluation.DataGap g : ev.dataGaps().values()) {
            weighed.add(new Weighed(g, Counterfactuals.leverage(g)));
        }
        // most leverage first, then what could be revealed most, then needed by most rules, then by indicator
        weighed.sort((a, b) -> {
            int c = Double.compare(-a.leverage().leverage(), -b.leverage().leverage());
            if (c == 0) {
                c = Integer.compare(-a.gap().couldReveal().size(), -b.gap().couldReveal().size());
            }
            if (c == 0) {
                c = Integer.compare(-a.gap().neededBy().size(), -b.gap().neededBy().size());
            }
            return c != 0 ? c : a.leverage().indicator().compareTo(b.leverage().indicator());
        });
        List<Report.DataGapView> gaps = new ArrayList<>(weighed.size());
        for (Weighed w : weighed) {
            Evaluation.DataGap g = w.gap();
            Counterfactuals.Leverage l = w.leverage();
            List<Report.PartlyObserved> partly = new ArrayList<>(l.partlyObserved().size());
            for (Counterfactuals.Partial p : l.partlyObserved()) {
                partly.add(new Report.PartlyObserved(p.bottleneck(), p.observed(), p.missing()));
            }
            gaps.add(new Report.DataGapView(g.indicator(), catalog.indicatorLabel(g.indicator(), lang),
                    List.copyOf(g.neededBy()), List.copyOf(g.couldReveal()), gaps.size() + 1, l.leverage(),
                    l.revealsAlone(), l.decidesStage(), Collections.unmodifiableList(partly)));
        }
        return gaps;
    }

    static List<Report.NextIndicator> next(List<Report.DataGapView> gaps, Evaluation ev, Language lang) {
        return gaps.stream().filter(g -> g.leverage() > 0).limit(NEXT).map(g -> {
            List<String> also = alsoNeeded(g, ev);
            return new Report.NextIndicator(g.indicator(), g.label(), reason(g, also, ev, lang), also);
        }).toList();
    }

    /**
     * The other missing values the finding a reason names still needs: none when the value alone reveals a bottleneck
     * or decides the stage; else those of the partly observed rule, or of the what-if match, needing the fewest.
     */
    private static List<String> alsoNeeded(Report.DataGapView g, Evaluation ev) {
        if (!g.revealsAlone().isEmpty() || g.decidesStage()) {
            return List.of();
        }
        if (!g.partlyObserved().isEmpty()) {
            Report.PartlyObserved p = nearest(g);
            return p.missing().stream().filter(i -> !i.equals(g.indicator())).toList();
        }
        return ev.dataGaps().get(g.indicator()).hits().stream().filter(h -> g.couldReveal().contains(h.target()))
                .map(h -> h.evidence().stream().filter(e -> e.basis() == Evidence.Basis.MISSING)
                        .map(Evidence::getIndicator).filter(i -> !i.equals(g.indicator())).distinct().sorted().toList())
                .min(Comparator.comparingInt((List<String> l) -> l.size()).thenComparing(l -> String.join(",", l)))
                .orElse(List.of());
    }

    /** The half-observed rule that waits on the fewest missing values. */
    private static Report.PartlyObserved nearest(Report.DataGapView g) {
        return g.partlyObserved().stream()
                .min(Comparator.comparingInt((Report.PartlyObserved x) -> x.missing().size())).orElseThrow();
    }

    private static String reason(Report.DataGapView g, List<String> also, Evaluation ev, Language lang) {
        Catalog catalog = ev.ruleset().catalog();
        String others = also.stream().map(i -> catalog.indicatorLabel(i, lang))
                .collect(Collectors.joining(lang == Language.EN ? ", " : "、"));
        String key;
        String bottlenecks;
        if (!g.revealsAlone().isEmpty()) {
            key = g.decidesStage() ? "gap.reason.alone-stage" : "gap.reason.alone";
            bottlenecks = titles(g.revealsAlone(), catalog, lang);
        } else if (g.decidesStage()) {
            key = "gap.reason.stage";
            bottlenecks = "";
        } else if (!g.partlyObserved().isEmpty()) {
            Report.PartlyObserved p = nearest(g);
            String observed = p.observed().stream().map(i -> catalog.indicatorLabel(i, lang))
                    .collect(Collectors.joining(lang == Language.EN ? ", " : "、"));
            // one more value settles it only when the rule waits on this value alone
            return catalog.factor(also.isEmpty() ? "gap.reason.completes" : "gap.reason.completes-with", lang)
                    .replace("{label}", g.label())
                    .replace("{bottleneck}", titles(List.of(p.bottleneck()), catalog, lang))
                    .replace("{observed}", observed).replace("{others}", others)
                    .replace("{count}", String.valueOf(also.size() + 1));
        } else {
            bottlenecks = titles(g.couldReveal().stream().filter(id -> id.startsWith("B-")).toList(), catalog, lang);
            key = also.isEmpty() || bottlenecks.isEmpty() ? "gap.reason.stage-part"
                    : also.size() == 1 ? "gap.reason.together-one" : "gap.reason.together";
        }
        return catalog.factor(key, lang).replace("{label}", g.label()).replace("{bottlenecks}", bottlenecks)
                .replace("{others}", others).replace("{count}", String.valueOf(also.size()));
    }

    private static String titles(List<String> ids, Catalog catalog, Language lang) {
        return ids.stream().map(id -> catalog.bottlenecks().containsKey(id)
                        ? "“" + catalog.bottlenecks().get(id).title().in(lang) + "”" : id)
                .collect(Collectors.joining(lang == Language.EN ? ", " : "、"));
    }
}
