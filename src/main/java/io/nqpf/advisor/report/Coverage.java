package io.nqpf.advisor.report;

import io.nqpf.advisor.engine.Evaluation;
import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.profile.ValueYears;
import java.util.Map;

/**
 * How much of what the rules look at the profile tells: each indicator weighs as many diagnosis and stage rules as
 * use a threshold on it, and the share is the weight of the indicators present. An empty report of a profile with
 * little data is not a healthy region, and the verdict says which of the two it is.
 */
final class Coverage {

    /** Below this share the data cannot tell most of the diagnosis; at or above {@link #GOOD} they can. */
    static final double PARTIAL = 0.35;
    static final double GOOD = 0.7;

    private Coverage() {
    }

    /** The weighted share of the indicators the rules use that the profile gives, two decimals. */
    static double share(Evaluation ev) {
        Map<String, Integer> weight = ev.ruleset().indicatorWeights();
        Map<String, Object> values = ev.values();
        int total = 0;
        int observed = 0;
        for (Map.Entry<String, Integer> e : weight.entrySet()) {
            total += e.getValue();
            if (values.get(e.getKey()) != null) {
                observed += e.getValue();
            }
        }
        return total == 0 ? 0 : Math.round(100.0 * observed / total) / 100.0;
    }

    static String verdict(double share) {
        return share < PARTIAL ? "INSUFFICIENT" : share < GOOD ? "PARTIAL" : "GOOD";
    }

    /**
     * The share, its verdict and one sentence; the sentence also says how many values describe a year earlier than
     * the profile's (each judged by its own year's national figures).
     */
    static Report.CoverageView of(RegionProfile profile, Evaluation ev, int bottlenecksFound, Language lang) {
        Catalog catalog = ev.ruleset().catalog();
        double share = share(ev);
        String verdict = verdict(share);
        String key = "coverage." + verdict.toLowerCase();
        String sentence = catalog.factor(key, lang).replace("{percent}", String.valueOf(Math.round(share * 100)));
        Map<String, Integer> older = ValueYears.older(profile);
        Integer oldest = older.values().stream().min(Integer::compare).orElse(null);
        if (!older.isEmpty()) {
            sentence = sentence + catalog.factor(older.size() == 1 ? "coverage.older-one" : "coverage.older", lang)
                    .replace("{count}", String.valueOf(older.size())).replace("{year}", String.valueOf(profile.year()))
                    .replace("{oldest}", String.valueOf(oldest));
        }
        if (bottlenecksFound == 0) {
            sentence = sentence + catalog.factor(key + ".none-found", lang);
        }
        return new Report.CoverageView(share, verdict, sentence, older.size(), oldest);
    }
}
