package io.nqpf.advisor.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nqpf.advisor.authoring.ScenarioRunner;
import io.nqpf.advisor.engine.RulesetHolder;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.regions.RegionDirectory;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Once the service listens (the ruleset built at start is active by then), reads the census table of the region
 * search and makes one full report in each language on the first scenario profile of the rules directory and writes
 * it as JSON, on a thread of its own, so that the first planner's request does not pay for loading and compiling the
 * report's code. Neither the start nor readiness waits for it, and it does not compete with the start for the CPU;
 * the report is skipped without rules or scenarios.
 */
@ApplicationScoped
public class Warmup {

    private static final Logger LOG = Logger.getLogger(Warmup.class);

    private final RulesetHolder rules;
    private final RecommendationService reports;
    private final ObjectMapper json;
    private final RegionDirectory regions;
    private final AtomicBoolean started = new AtomicBoolean();

    public Warmup(RulesetHolder rules, RecommendationService reports, ObjectMapper json, RegionDirectory regions) {
        this.rules = rules;
        this.reports = reports;
        this.json = json;
        this.regions = regions;
    }

    /** When the HTTP server listens, after the start's observers (the ruleset build among them) have run. */
    void onListening(@Observes HttpServerStart event) {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(this::warmUp, "warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void warmUp() {
        try {
            regions.search("", 1);
            var ruleset = rules.active();
            if (ruleset.isEmpty()) {
                return;
            }
            ScenarioRunner runner = new ScenarioRunner(ruleset.get());
            RegionProfile profile = ScenarioRunner.load(rules.rulesDir()).cases().stream().map(runner::profile)
                    .filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (profile == null) {
                return;
            }
            long start = System.nanoTime();
            for (Language language : Language.values()) {
                json.writeValueAsBytes(reports.evaluateFull(profile, language));
            }
            LOG.debugf("Warmed up in %d ms", (System.nanoTime() - start) / 1_000_000);
        } catch (Exception | LinkageError e) {
            LOG.debugf("Warm-up skipped: %s", e);
        }
    }
}
