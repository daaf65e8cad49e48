package io.nqpf.advisor.api;

import io.nqpf.advisor.engine.RulesetHolder;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while a ruleset is active. */
@Readiness
@ApplicationScoped
public class RulesetReadiness implements HealthCheck {

    private final RulesetHolder rulesets;

    public RulesetReadiness(RulesetHolder rulesets) {
        this.rulesets = rulesets;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("ruleset");
        return rulesets.active()
                .map(r -> builder.up().withData("version", r.version()).withData("rules", r.rules().size()).build())
                .orElseGet(() -> builder.down().withData("rulesDir", rulesets.rulesDir().toAbsolutePath().toString()).build());
    }
}
