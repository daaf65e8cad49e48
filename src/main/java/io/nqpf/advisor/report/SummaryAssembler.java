package io.nqpf.advisor.report;

import io.nqpf.advisor.engine.Evaluation;
import io.nqpf.advisor.engine.facts.Bottleneck;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.RegionProfile;
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
        Map<String, Bottleneck> found = ev.findings().bottlenecks();
        double coverage = Coverage.share(ev);
        return new ReportSummary(UUID.randomUUID(), Instant.now(),
                new Report.RulesetRef(ev.ruleset().version(), ev.ruleset().sha256()),
                new Report.RegionRef(profile.regionId(), profile.name(), profile.year()),
                new ReportSummary.Coverage(coverage, Coverage.verdict(coverage)), ReportAssembler.stageName(ev.stage()),
                ev.stage() == io.nqpf.advisor.engine.facts.Stage.TRANSITION,
                ReportAssembler.mostSevereFirst(found).stream()
                        .map(b -> new ReportSummary.Bottleneck(b.getId(), ReportAssembler.round3(b.getSeverity()),
                                ReportAssembler.level(b.getSeverity()), ReportAssembler.clearsWhen(b, ev)))
                        .toList(),
                Ranker.rank(ev.findings().candidates(), found, ev.ruleset().catalog().sequences()).stream().limit(limit)
                        .map(r -> recommendation(r, found)).toList(),
                watch ? ev.watchlist().entrySet().stream()
                        .filter(e -> ev.ruleset().catalog().bottlenecks().containsKey(e.getKey()))
                        .map(e -> new ReportSummary.Watch(e.getKey(),
                                e.getValue().evidence().stream().map(Evidence::getIndicator).distinct().toList()))
                        .sorted(Comparator.comparing(ReportSummary.Watch::id))
                        .toList() : null,
                dataGaps ? DataGaps.ranked(ev, Language.EN).stream()
                        .map(g -> new ReportSummary.DataGap(g.indicator(), g.couldReveal(), g.leverage()))
                        .toList() : null);
    }

    private static ReportSummary.Recommendation recommendation(Ranked r, Map<String, Bottleneck> found) {
        return new ReportSummary.Recommendation(r.rank(), r.candidate().getId(), r.score(),
                r.breakdown().stream()
                        .map(f -> new ReportSummary.Factor(f.key(), f.points(), ReportAssembler.kind(f))).toList(),
                ReportAssembler.addresses(r, found));
    }
}
