package io.nqpf.advisor.support;

import java.util.HashMap;
import java.util.Map;

/**
 * The secured rules with a wall-clock backstop so short (50 ms) that every build after start-up is stopped at it having
 * used little CPU: what a build sees on a machine far too busy to run it. The build at start has no limit.
 */
public class StarvedBuildsProfile extends SecuredRulesProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("advisor.rules.build-time-limit", "PT0.05S");
        return config;
    }
}
