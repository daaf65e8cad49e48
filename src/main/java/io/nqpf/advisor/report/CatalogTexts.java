package io.nqpf.advisor.report;

import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.knowledge.BottleneckEntry;
import io.nqpf.advisor.knowledge.Citation;
import io.nqpf.advisor.knowledge.CityStageEntry;
import io.nqpf.advisor.knowledge.CountermeasureEntry;
import io.nqpf.advisor.knowledge.Language;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parts of a report that are the same for every region in one language: the citations of every bottleneck,
 * measure and stage of city industry as readers see them, and each measure's actions. Made once per ruleset and
 * language, on first use, and kept by the ruleset ({@link Ruleset#derived()}), so a reload drops them with the rules;
 * each list is written into reports as the JSON made the first time ({@link PreRendered}). Bounded by the catalog:
 * one list per catalog entry.
 */
final class CatalogTexts {

    private record Key(Language language) {
    }

    /** The catalog's citation lists by identity (each entry's own list), as shown in this language. */
    private final Map<List<Citation>, PreRendered<Report.SourceView>> sources = new IdentityHashMap<>();
    private final Map<CountermeasureEntry, PreRendered<String>> actions = new IdentityHashMap<>();

    private CatalogTexts(Ruleset ruleset, Language language, Wording words) {
        for (BottleneckEntry b : ruleset.catalog().bottlenecks().values()) {
            sources.computeIfAbsent(b.sources(), c -> new PreRendered<>(words.sourcesAsWorded(c)));
        }
        for (CountermeasureEntry c : ruleset.catalog().countermeasures().values()) {
            sources.computeIfAbsent(c.sources(), s -> new PreRendered<>(words.sourcesAsWorded(s)));
            actions.put(c, new PreRendered<>(c.actions().in(language)));
        }
        for (CityStageEntry s : ruleset.catalog().cityStages().values()) {
            sources.computeIfAbsent(s.sources(), c -> new PreRendered<>(words.sourcesAsWorded(c)));
        }
    }

    static CatalogTexts of(Ruleset ruleset, Language language) {
        return ruleset.derived().get(new Key(language),
                () -> new CatalogTexts(ruleset, language, new Wording(ruleset.catalog(), ruleset.documents(), language)));
    }

    /** The citations of a catalog entry as shown; null for a list that is not one of this catalog's. */
    List<Report.SourceView> sources(List<Citation> citations) {
        return sources.get(citations);
    }

    /** A measure's actions in this language; null for a measure that is not one of this catalog's. */
    List<String> actions(CountermeasureEntry entry) {
        return actions.get(entry);
    }
}
