package io.nqpf.advisor.assessments;

import io.nqpf.advisor.support.StoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The assessments in PostgreSQL: runs where {@code ADVISOR_TEST_POSTGRESQL_URL} names a database (.ci/run starts one
 * and fails when this class did not run), reported skipped elsewhere.
 */
@QuarkusTest
@TestProfile(StoreProfile.Postgres.class)
@EnabledIfEnvironmentVariable(named = StoreProfile.Postgres.URL, matches = ".+")
class PostgresAssessmentTest extends AssessmentContract {

    @Override
    String expectedKind() {
        return Store.POSTGRESQL;
    }
}
