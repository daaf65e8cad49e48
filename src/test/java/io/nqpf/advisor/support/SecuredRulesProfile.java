package io.nqpf.advisor.support;

import java.util.HashMap;
import java.util.Map;

/**
 * A private copy of the rules with an admin password and short limits, so that tests can reach them: builds that
 * spend 8 s of CPU time (20 s in production), or run 60 s in all, are stopped (a real build with its runaway probe
 * takes 1-3 s of CPU time, a validate of {@link Rules#LOOP} about as much; on a machine loaded to 20 on 2 cores the
 * same work takes up to 30 s of wall-clock time, which is what the 60 s are for), a request body must arrive within
 * 2 s, idle connections close after 70 s (longer than a build may take, as in production), and a client is
 * throttled after 3 failed logins. The test client is a trusted proxy (127.0.0.1), so that tests can send requests
 * as if forwarded for other addresses.
 */
public class SecuredRulesProfile extends TempRulesProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("advisor.rules.build-cpu-limit", "PT8S");
        config.put("advisor.rules.build-time-limit", "PT60S");
        config.put("advisor.http.request-timeout", "PT2S");
        config.put("quarkus.http.idle-timeout", "70S");
        config.put("advisor.admin.login.free-failures", "3");
        config.put("advisor.admin.login.max-wait", "PT2S");
        // as behind a reverse proxy on this machine, with Quarkus' own forwarding on as many deployments have it
        config.put("advisor.http.trusted-proxies", "127.0.0.1,::1");
        config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
        return config;
    }
}
