package io.nqpf.advisor.support;

import java.util.Map;
import java.util.Set;

/** A private copy of the rules with the watcher on, polling every 200 ms; rule files can ask for aborted builds. */
public class WatchedRulesProfile extends TempRulesProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> base = super.getConfigOverrides();
        java.util.HashMap<String, String> config = new java.util.HashMap<>(base);
        config.put("advisor.rules.watch", "true");
        config.put("advisor.rules.watch-interval", "PT0.2S");
        return config;
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(AbortingProbe.class);
    }
}
