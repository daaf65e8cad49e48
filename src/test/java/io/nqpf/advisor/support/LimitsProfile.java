package io.nqpf.advisor.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The service with its abuse bounds turned small, so that tests reach them with a few requests: bodies in flight may
 * reserve 8 MiB together, one client may have 4 requests in flight, an answer nobody reads is cut after 1 s, at
 * most 100 connections at once. The test client is a trusted proxy, so that tests can speak for other clients.
 * <p>
 * Builds are starved too: an administrator may reload, but the wall-clock backstop is so short (50 ms) that every
 * build after start-up is stopped at it having used little CPU, which is what a build sees on a machine far too busy
 * to run it ({@code StarvedBuildTest}). The build at start has no limit, and nothing else here builds rules, so both
 * classes share one start of the service.
 */
public class LimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("advisor.limits.in-flight-bytes", String.valueOf(8 * 1024 * 1024),
                "advisor.limits.requests-per-client", "4",
                "advisor.http.write-timeout", "PT1S",
                "quarkus.http.limits.max-connections", "100",
                "advisor.http.trusted-proxies", "127.0.0.1,::1",
                "advisor.http.request-timeout", "PT120S",
                "advisor.admin-password", TempRulesProfile.PASSWORD,
                "advisor.rules.build-time-limit", "PT0.05S");
    }
}
