package io.nqpf.advisor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.knowledge.CitationCheck;
import java.nio.file.Path;
import java.util.concurrent.ForkJoinPool;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.junit.jupiter.api.Test;

/**
 * A limited build compiles its rules on its own thread: Drools' compiler pool, which takes a package of more than 10
 * rules, runs none of its work, so the build limiter's account of the build's thread is the whole build.
 */
class OneThreadBuildTest {

    private static final ForkJoinPool POOL = KnowledgeBuilderImpl.ForkJoinPoolHolder.COMPILER_POOL;

    private static RulesetBuilder.Outcome buildBundled() {
        return RulesetBuilder.build(RuleSources.read(Path.of("rules")), CitationCheck.textsDirFromEnvironment());
    }

    @Test
    void aLimitedBuildLeavesTheCompilerPoolIdleWhereAnUnlimitedOneUsesIt() {
        long before = POOL.getStealCount();
        RulesetBuilder.Outcome unlimited = buildBundled();
        assertTrue(unlimited.ok(), unlimited.errors().toString());
        long afterUnlimited = POOL.getStealCount();
        assertTrue(afterUnlimited > before, "the bundled rules are compiled on the pool when nothing limits the build");

        RulesetBuilder.Outcome limited = RulesetBuilder.onOneThread(OneThreadBuildTest::buildBundled);
        assertTrue(limited.ok(), limited.errors().toString());
        assertEquals(afterUnlimited, POOL.getStealCount(), "a limited build gave the compiler pool work");
        assertEquals(unlimited.ruleset().rules(), limited.ruleset().rules(), "the same rules either way");
    }
}
