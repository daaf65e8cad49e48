package io.nqpf.advisor.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nqpf.advisor.authoring.ScenarioRunner;
import io.nqpf.advisor.engine.RulesetHolder;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.RegionProfile;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * Once the service is ready, makes one full report in each language on the first scenario profile of the rules
 * directory and writes it as JSON, on a thread of its own, so that the first planner's request does not pay for
 * loading and compiling the report's code. Readiness does not wait for it; it is skipped without rules or scenarios.
 */
@ApplicationScoped
public class Warmup {

    private static final Logger LOG = Logger.getLogger(Warmup.class);

    private final RulesetHolder rules;
    private final RecommendationService reports;
    private final ObjectMapper json;

    public Warmup(RulesetHolder rules, RecommendationService reports, ObjectMapper json) {
        this.rules = rules;
        this.reports = reports;
        this.json = json;
    }

    /** After the ruleset is built at start ({@link RulesetHolder} observes the same event earlier). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) StartupEvent event) {
        Thread thread = new Thread(this::warmUp, "warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void warmUp() {
        try {
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
