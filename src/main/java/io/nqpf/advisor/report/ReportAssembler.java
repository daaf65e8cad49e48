package io.nqpf.advisor.report;

import io.nqpf.advisor.engine.Certainty;
import io.nqpf.advisor.engine.Evaluation;
import io.nqpf.advisor.engine.facts.Stage;
import io.nqpf.advisor.engine.RuleInfo;
import io.nqpf.advisor.engine.facts.Bottleneck;
import io.nqpf.advisor.knowledge.BottleneckEntry;
import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.CountermeasureEntry;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.ranking.Counterfactuals;
import io.nqpf.advisor.ranking.Ranked;
import io.nqpf.advisor.ranking.Ranker;
import io.nqpf.advisor.ranking.ScoreModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Turns an evaluation into the report of the HTTP contract, in one language. */
public final class ReportAssembler {

    /** Severity at or above which a bottleneck is HIGH, and MEDIUM. */
    public static final double HIGH = 0.7;
    public static final double MEDIUM = 0.45;

    private ReportAssembler() {
    }

    /** Countermeasures listed unless a client asks for more or fewer: a list that names everything prioritizes nothing. */
    public static final int DEFAULT_LIMIT = 12;

    public static Report assemble(RegionProfile profile, Evaluation ev, Language lang, boolean explain) {
        return assemble(profile, ev, lang, explain, DEFAULT_LIMIT);
    }

    /** @param limit the most countermeasures to list, in rank order */
    public static Report assemble(RegionProfile profile, Evaluation ev, Language lang, boolean explain, int limit) {
        Catalog catalog = ev.ruleset().catalog();
        Wording words = new Wording(ev.ruleset(), lang);
        CatalogString.use(ev.ruleset());
        Map<String, Bottleneck> found = ev.findings().bottlenecks();

        List<Report.BottleneckView> bottlenecks = new ArrayList<>();
        for (Bottleneck b : mostSevereFirst(found)) {
            BottleneckEntry entry = catalog.bottlenecks().get(b.getId());
            List<String> decidedBy = ev.certainty().decidedBy(b.getId());
            bottlenecks.add(new Report.BottleneckView(b.getId(), entry.title().in(lang), entry.description().in(lang),
                    round3(b.getSeverity()), level(b.getSeverity()),
                    b.getEvidence().stream().map(words::evidence).toList(), clearsWhen(b, ev), words.sources(entry.sources()),
                    b.getRules().iterator().next(), List.copyOf(b.getRules()), certainty(decidedBy), words.refs(decidedBy)));
        }

        List<Report.RecommendationView> recommendations = new ArrayList<>();
        for (Ranked r : Ranker.rank(ev.findings().candidates(), found, catalog.sequences(), limit)) {
            CountermeasureEntry entry = catalog.countermeasures().get(r.candidate().getId());
            List<String> addresses = addresses(r, found);
            List<Report.ScoreFactorView> breakdown = r.breakdown().stream()
                    .map(f -> {
                        List<String> by = f.adjustment() == null ? null : ev.certainty().adjustments().get(f.adjustment());
                        return new Report.ScoreFactorView(catalog.factor(f.key(), lang), f.key(), f.points(), kind(f),
                                f.adjustment() == null ? null : certainty(by), words.refs(by));
                    })
                    .toList();
            recommendations.add(new Report.RecommendationView(r.rank(), entry.id(), entry.title().in(lang),
                    entry.summary().in(lang), words.actions(entry), r.score(), breakdown, addresses,
                    words.explanation(entry, addresses.stream().map(found::get).toList(), r), words.sources(entry.sources()),
                    List.copyOf(r.candidate().getRules())));
        }

        List<Report.WatchItem> watchlist = ev.watchlist().entrySet().stream()
                .filter(e -> catalog.bottlenecks().containsKey(e.getKey()))
                .map(e -> new Report.WatchItem(e.getKey(), catalog.bottlenecks().get(e.getKey()).title().in(lang),
                        e.getValue().evidence().stream().map(words::evidence).toList(),
                        List.copyOf(e.getValue().rules())))
                .sorted(Comparator.comparing(Report.WatchItem::id))
                .toList();

        List<Report.DataGapView> gaps = DataGaps.ranked(ev, lang);

        List<Report.TraceItem> trace = null;
        if (explain) {
            trace = new ArrayList<>();
            for (String rule : ev.fired()) {
                RuleInfo info = ev.ruleset().rulesByName().get(rule);
                trace.add(new Report.TraceItem(trace.size() + 1, rule, info == null ? null : info.file()));
            }
        }

        var stageFinding = ev.stageFinding();
        boolean undetermined = ev.stage() == Stage.UNDETERMINED;
        Report.SmartSpecializationView stage = new Report.SmartSpecializationView(stageName(ev.stage()),
                readiness(ev), ev.stage() == Stage.TRANSITION, words.stageRationale(ev.stage(),
                        stageFinding == null ? List.of() : stageFinding.evidence(), ev.stageMissing(),
                        ev.certainty().signals()),
                stageFinding == null ? List.of() : stageFinding.evidence().stream().map(words::evidence).toList(),
                ev.stageMissing(), stageFinding == null ? null : stageFinding.rule(),
                words.cityStage(ev.findings().cityStage(), ev.certainty().cityCertain(), ev.certainty().cityDecidedBy()),
                undetermined ? null : Certainty.CERTAIN, undetermined ? words.refs(ev.stageMissing()) : null);

        return new Report(UUID.randomUUID(), Instant.now(), lang.tag(),
                new Report.RulesetRef(ev.ruleset().version(), ev.ruleset().sha256()),
                new Report.RegionRef(profile.regionId(), profile.name(), profile.year()),
                Coverage.of(profile, ev, bottlenecks.size(), lang), Plausibility.of(ev.values(), ev.ruleset().catalog(), lang),
                stage, bottlenecks, recommendations, sequencing(found.keySet(), recommendations, ev, lang), watchlist,
                gaps, DataGaps.next(gaps, ev, lang), Peers.of(profile, ev.values(), catalog, lang), trace);
    }

    /**
     * The stage as the API names it: the transition band is stage 1 (it gets stage 1's measures) with
     * {@code transition} set, so that the stage enumeration clients know stays as it was.
     */
    static String stageName(Stage stage) {
        return (stage == Stage.TRANSITION ? Stage.STAGE_1_RELATED_DIVERSIFICATION : stage).name();
    }

    /** The share of the six stage-2 signals that hold, two decimals; null while the stage is undetermined. */
    static Double readiness(Evaluation ev) {
        if (ev.stage() == Stage.UNDETERMINED || ev.stageFinding() == null) {
            return null;
        }
        long signals = ev.stageFinding().evidence().stream().map(e -> e.getId()).filter(Stage.SIGNALS::contains)
                .distinct().count();
        return Math.round(100.0 * signals / Stage.SIGNALS.size()) / 100.0;
    }

    static List<Bottleneck> mostSevereFirst(Map<String, Bottleneck> found) {
        return found.values().stream()
                .sorted(Comparator.comparingDouble(Bottleneck::getSeverity).reversed().thenComparing(Bottleneck::getId))
                .toList();
    }

    static List<Report.ClearsWhenView> clearsWhen(Bottleneck b, Evaluation ev) {
        List<Counterfactuals.Change> changes = Counterfactuals.clearsWhen(b, ev.values());
        List<Report.ClearsWhenView> views = new ArrayList<>(changes.size());
        for (Counterfactuals.Change c : changes) {
            views.add(new Report.ClearsWhenView(c.indicator(), c.current(), c.target(), c.actionable(),
                    c.balancing() ? Boolean.TRUE : null));
        }
        return java.util.Collections.unmodifiableList(views);
    }

    /** The bottlenecks of this report a ranked measure answers, most severe first. */
    static List<String> addresses(Ranked r, Map<String, Bottleneck> found) {
        return r.candidate().getAddresses().keySet().stream()
                .filter(found::containsKey)
                .sorted(Comparator.comparingDouble((String id) -> -found.get(id).getSeverity()).thenComparing(id -> id))
                .toList();
    }

    /**
     * The orders of {@code catalog/sequencing.yaml} in force (002 四、(一): reform as the 制度根基 comes first while an
     * institutional bottleneck stands), worded where a measure they hold back is listed; the ranking honours them.
     */
    private static String sequencing(java.util.Set<String> found, List<Report.RecommendationView> listed, Evaluation ev,
            Language lang) {
        Catalog catalog = ev.ruleset().catalog();
        List<String> texts = catalog.sequences().stream()
                .filter(q -> q.whenAny().stream().anyMatch(found::contains)
                        && listed.stream().anyMatch(r -> q.then().contains(r.id())))
                .map(q -> catalog.factor(q.text(), lang)).toList();
        return texts.isEmpty() ? null : String.join(" ", texts);
    }

    /** CERTAIN without deciding indicators, PRESUMED with them. */
    static String certainty(List<String> decidedBy) {
        return decidedBy == null ? Certainty.CERTAIN : Certainty.PRESUMED;
    }

    static String level(double severity) {
        return severity >= HIGH ? "HIGH" : severity >= MEDIUM ? "MEDIUM" : "LOW";
    }

    static String kind(Ranked.Factor f) {
        if (f.kind() != null) {
            return f.kind().name();
        }
        return switch (f.key()) {
            case ScoreModel.FACTOR_NEED -> "NEED";
            case ScoreModel.FACTOR_BREADTH -> "BREADTH";
            case ScoreModel.FACTOR_OPPORTUNITY -> "OPPORTUNITY";
            default -> "BOUNDS";
        };
    }

    static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
