package io.nqpf.advisor.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A private copy of the rules (so that a test may change them), an admin and a planner, the decision log in summary
 * mode, and the assessments in an embedded H2 file under a data directory of the build. The rules administrator's
 * classes ({@code RulesetLifecycleTest}, {@code SecurityTest}) share this service with the assessment tests, so the
 * suite starts it once for all of them; for {@code SecurityTest} some limits are short enough to reach: a build that
 * spends 8 s of CPU time on its thread is stopped (20 s in production; a real build and its runaway probe use about 1
 * s there, a validate of {@link Rules#LOOP} about as much), a request body must arrive within 2 s of its headers, and
 * a client that keeps failing to log in waits at most 2 s (5 minutes in production) once its free failures (the
 * production 5) are spent, and every failed login is logged. The wall-clock backstop of a build (90 s) and the idle
 * timeout (120 s) keep their production values: on a machine loaded to 20 on 2 cores a build takes up to 30 s of
 * wall-clock time. The test client is a trusted proxy (127.0.0.1), so that tests can send requests as if forwarded
 * for other addresses.
 */
public class StoreProfile extends TempRulesProfile {

    public static final String PLANNER_PASSWORD = "planner-test-secret";
    /** A fixed path: the profile is instantiated in more than one class loader, and all must agree. */
    public static final Path DATA = Path.of("target", "test-data", "embedded").toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("advisor.planner-password", PLANNER_PASSWORD);
        config.put("advisor.data-dir", DATA.toString());
        config.put("advisor.decision-log.mode", "summary");
        config.put("advisor.store.probe-interval", "1s");
        config.put("advisor.rules.build-cpu-limit", "PT8S");
        config.put("advisor.http.request-timeout", "PT2S");
        config.put("advisor.admin.login.max-wait", "PT2S");
        // every line about a failed login is written (12 a minute in production, LoginThrottleTest): a test that looks
        // for the line of its own failures must not find the minute's lines used up by the classes before it
        config.put("advisor.admin.login.log-lines-per-minute", "1000");
        // as behind a reverse proxy on this machine, with Quarkus' own forwarding on as many deployments have it
        config.put("advisor.http.trusted-proxies", "127.0.0.1,::1");
        config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
        return config;
    }

    /**
     * The same with the assessments in the PostgreSQL database that {@code .ci/run} starts: its JDBC URL, user and
     * password in {@code ADVISOR_TEST_POSTGRESQL_URL}, {@code _USER} and {@code _PASSWORD}.
     */
    public static class Postgres extends StoreProfile {

        public static final String URL = "ADVISOR_TEST_POSTGRESQL_URL";

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(super.getConfigOverrides());
            // Properties refuse null: without the variable the class is skipped, but Quarkus still reads its profile
            config.put("quarkus.datasource.postgresql.jdbc.url", System.getenv().getOrDefault(URL, "jdbc:postgresql://127.0.0.1:1/unset"));
            config.put("quarkus.datasource.postgresql.username", System.getenv().getOrDefault(URL.replace("URL", "USER"), "postgres"));
            config.put("quarkus.datasource.postgresql.password", System.getenv().getOrDefault(URL.replace("URL", "PASSWORD"), ""));
            return config;
        }
    }
}
