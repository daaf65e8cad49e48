package io.nqpf.advisor.report;

import io.nqpf.advisor.engine.Evaluation;
import io.nqpf.advisor.engine.facts.Bottleneck;
import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.profile.ValueYears;
import io.nqpf.advisor.ranking.Ranked;
import io.nqpf.advisor.ranking.Ranker;
import io.nqpf.advisor.engine.facts.Evidence;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Turns an evaluation into the summary view: what {@link ReportAssembler} decides, without wording any of it. */
public final class SummaryAssembler {

    private SummaryAssembler() {
    }

    /**
     * @param limit    the most countermeasures to list, in rank order
     * @param watch    whether to list the watchlist (needs an evaluation with the what-if pass)
     * @param dataGaps whether to list the data gaps (likewise)
     */
    public static ReportSummary assemble(RegionProfile profile, Evaluation ev, int limit, boolean watch,
            boolean dataGaps) {
        return assemble(profile, ev, new Parts(Language.EN, limit, watch, dataGaps, false, false));
    }

    /**
     * What a summary lists besides what it always has.
     *
     * @param language       the language of the warnings, the summary's only texts
     * @param limit          the most countermeasures to list, in rank order
     * @param watchlist      whether to list the watchlist (needs an evaluation with the what-if pass)
     * @param dataGaps       whether to list the data gaps (likewise)
     * @param nextIndicators whether to list the indicators to collect next (likewise)
     * @param peerContext    whether to list the standing among the census's prefecture-level units
     */
    public record Parts(Language language, int limit, boolean watchlist, boolean dataGaps, boolean nextIndicators,
            boolean peerContext) {
    }

    /** The summary with the parts asked for; warnings are always listed. */
    public static ReportSummary assemble(RegionProfile profile, Evaluation ev, Parts options) {
        Map<String, Bottleneck> found = ev.findings().bottlenecks();
        double coverage = Coverage.share(ev);
        Map<String, Integer> older = ValueYears.older(profile);
        Catalog catalog = ev.ruleset().catalog();
        List<Report.DataGapView> gaps = options.dataGaps() || options.nextIndicators()
                ? DataGaps.ranked(ev, Language.EN) : List.of();
        return new ReportSummary(UUID.randomUUID(), Instant.now(),
                new Report.RulesetRef(ev.ruleset().version(), ev.ruleset().sha256()),
                new Report.RegionRef(profile.regionId(), profile.name(), profile.year()),
                new ReportSummary.Coverage(coverage, Coverage.verdict(coverage), older.size(),
                        older.values().stream().min(Integer::compare).orElse(null)),
                Plausibility.of(ev.values(), catalog, options.language()),
                ReportAssembler.stageName(ev.stage()),
                ev.stage() == io.nqpf.advisor.engine.facts.Stage.TRANSITION,
                ReportAssembler.mostSevereFirst(found).stream()
                        .map(b -> new ReportSummary.Bottleneck(b.getId(), ReportAssembler.round3(b.getSeverity()),
                                ReportAssembler.level(b.getSeverity()), ReportAssembler.clearsWhen(b, ev),
                                ReportAssembler.certainty(ev.certainty().decidedBy(b.getId())),
                                ev.certainty().decidedBy(b.getId())))
                        .toList(),
                Ranker.rank(ev.findings().candidates(), found, catalog.sequences(), options.limit()).stream()
                        .map(r -> recommendation(r, found)).toList(),
                options.watchlist() ? ev.watchlist().entrySet().stream()
                        .filter(e -> catalog.bottlenecks().containsKey(e.getKey()))
                        .map(e -> new ReportSummary.Watch(e.getKey(),
                                e.getValue().evidence().stream().map(Evidence::getIndicator).distinct().toList()))
                        .sorted(Comparator.comparing(ReportSummary.Watch::id))
                        .toList() : null,
                options.dataGaps() ? gaps.stream()
                        .map(g -> new ReportSummary.DataGap(g.indicator(), g.couldReveal(), g.leverage()))
                        .toList() : null,
                options.nextIndicators() ? DataGaps.next(gaps, ev, Language.EN).stream()
                        .map(Report.NextIndicator::indicator).toList() : null,
                options.peerContext() ? Peers.of(profile, ev.values(), catalog, Language.EN).stream()
                        .map(p -> new ReportSummary.Peer(p.indicator(), p.value(), p.valueYear(), p.censusYear(),
                                p.comparable(), p.percentile(), p.median(), p.rank(), p.of()))
                        .toList() : null);
    }

    private static ReportSummary.Recommendation recommendation(Ranked r, Map<String, Bottleneck> found) {
        return new ReportSummary.Recommendation(r.rank(), r.candidate().getId(), r.score(),
                r.breakdown().stream()
                        .map(f -> new ReportSummary.Factor(f.key(), f.points(), ReportAssembler.kind(f))).toList(),
                ReportAssembler.addresses(r, found));
    }
}
