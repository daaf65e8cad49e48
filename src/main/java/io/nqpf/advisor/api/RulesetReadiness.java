package io.nqpf.advisor.api;

import io.nqpf.advisor.engine.RulesetHolder;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while a ruleset is active; says which, and never where the rules are on the server. */
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
                .map(r -> {
                    builder.up().withData("version", r.version()).withData("rules", r.rules().size());
                    if (!rulesets.fallbackFrom().isEmpty()) {
                        // relative names only: where the rules live on the server is nobody's business
                        builder.withData("fallback", "the rules directory does not build ("
                                + String.join(", ", rulesets.fallbackFrom()) + "); serving the last good ruleset");
                    }
                    return builder.build();
                })
                .orElseGet(() -> builder.down().withData("reason", "the rules directory does not build").build());
    }
}
