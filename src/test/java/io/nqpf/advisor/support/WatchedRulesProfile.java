package io.nqpf.advisor.support;

import java.util.Map;

/** A private copy of the rules with the watcher on, polling every 200 ms. */
public class WatchedRulesProfile extends TempRulesProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> base = super.getConfigOverrides();
        java.util.HashMap<String, String> config = new java.util.HashMap<>(base);
        config.put("advisor.rules.watch", "true");
        config.put("advisor.rules.watch-interval", "PT0.2S");
        return config;
    }
}
