package io.nqpf.advisor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.nqpf.advisor.config.AdvisorConfig;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The build started before Quarkus reads the directories from the configuration Quarkus itself reads (issue 20): the
 * packaged service's entry point cannot ask the running service, so it builds the runtime configuration the way Quarkus
 * does; if it read other directories, every start would build twice.
 */
@QuarkusTest
class EarlyBuildConfigTest {

    @Inject
    AdvisorConfig config;

    @Test
    void theEarlyBuildReadsTheDirectoriesTheServiceIsConfiguredWith() {
        EarlyBuild.Directories dirs = EarlyBuild.configured().orElseThrow();
        assertEquals(Path.of(config.rulesDir()), dirs.rulesDir());
        assertEquals(Path.of(config.sourcesDir()), dirs.sourcesDir());
    }
}
