package io.nqpf.advisor.support;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A private copy of the rules (so that a test may change them), an admin and a planner, the decision log in
 * summary mode, and the assessments in an embedded H2 file under a data directory of the build.
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
