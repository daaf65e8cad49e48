package io.nqpf.advisor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.support.Rules;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules built while Quarkus starts are what the start serves only when they were built from exactly the files the
 * start finds; a file changed in between, or another directory, means the start builds what it finds (issue 20).
 */
class EarlyBuildTest {

    @TempDir
    Path tmp;

    @AfterEach
    void nothingLeftToTake() {
        EarlyBuild.take(Path.of("none"), Path.of("none"), new RuleSources(java.util.Map.of()));
    }

    @Test
    void theStartAdoptsTheRulesBuiltEarlyFromTheSameFilesOnce() throws Exception {
        Path rules = copy("rules");
        Ruleset early = EarlyBuild.start(rules, Rules.SOURCE_TEXTS).outcome().ruleset();
        assertNotNull(early, "the bundled rules build");

        RuleSources found = RuleSources.read(rules);
        RulesetBuilder.Outcome atStart = RulesetHolder.buildAtStart(found, rules, Rules.SOURCE_TEXTS);
        assertSame(early, atStart.ruleset(), "the same files: the ruleset built early is served, not built again");

        assertTrue(EarlyBuild.take(rules, Rules.SOURCE_TEXTS, found).isEmpty(),
                "taken once: a reload never gets the early build");
    }

    @Test
    void aFileChangedSinceTheEarlyBuildMeansTheStartBuildsTheFilesItFinds() throws Exception {
        Path rules = copy("rules");
        EarlyBuild started = EarlyBuild.start(rules, Rules.SOURCE_TEXTS);
        Ruleset early = started.outcome().ruleset();
        Files.writeString(rules.resolve("VERSION"), "9.9.9\n");

        RulesetBuilder.Outcome atStart = RulesetHolder.buildAtStart(RuleSources.read(rules), rules, Rules.SOURCE_TEXTS);
        assertTrue(atStart.ok(), () -> "the changed rules build: " + atStart.errors());
        assertNotSame(early, atStart.ruleset());
        assertTrue(atStart.ruleset().version().startsWith("9.9.9+sha."), atStart.ruleset().version());
        assertEquals(RuleSources.read(rules).sha256(), atStart.ruleset().sha256());
    }

    @Test
    void rulesBuiltEarlyFromOtherDirectoriesAreNotAdopted() throws Exception {
        // what the files build to does not matter here (these do not build: no DRL), only where they were read
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Path same = Files.createDirectories(tmp.resolve("same-files-elsewhere"));
        Files.writeString(rules.resolve("VERSION"), "1.0.0\n");
        Files.writeString(same.resolve("VERSION"), "1.0.0\n");
        RuleSources found = RuleSources.read(same);
        assertEquals(RuleSources.read(rules).sha256(), found.sha256(), "identical files");

        EarlyBuild.start(rules, Rules.SOURCE_TEXTS);
        assertTrue(EarlyBuild.take(same, Rules.SOURCE_TEXTS, found).isEmpty(), "another rules directory");

        EarlyBuild.start(rules, Rules.SOURCE_TEXTS);
        assertTrue(EarlyBuild.take(rules, tmp.resolve("other-texts"), found).isEmpty(),
                "another directory of source texts: the citations may check differently");

        EarlyBuild.start(rules, Rules.SOURCE_TEXTS);
        assertTrue(EarlyBuild.take(rules, Rules.SOURCE_TEXTS, found).isPresent(), "the same directories and files");
    }

    @Test
    void aRulesDirectoryThatCannotBeReadIsLeftToTheStart() {
        Path missing = tmp.resolve("missing");
        EarlyBuild.start(missing, Rules.SOURCE_TEXTS);
        assertTrue(EarlyBuild.take(missing, Rules.SOURCE_TEXTS, new RuleSources(java.util.Map.of())).isEmpty());
    }

    private Path copy(String name) throws Exception {
        Path dir = tmp.resolve(name);
        Rules.copyTo(dir);
        return dir;
    }
}
