package io.nqpf.advisor.assessments;

import io.nqpf.advisor.support.StoreProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The assessments in the embedded H2 file, the default when no database is configured. */
@QuarkusTest
@TestProfile(StoreProfile.class)
class EmbeddedAssessmentTest extends AssessmentContract {

    @Override
    String expectedKind() {
        return Store.EMBEDDED;
    }
}
