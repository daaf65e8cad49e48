package io.nqpf.advisor.support;

import io.nqpf.advisor.engine.RuleSources;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.engine.RulesetBuilder;
import io.nqpf.advisor.knowledge.CitationCheck;
import java.nio.file.Path;

/** The bundled ruleset, built once per test JVM. */
public final class Rules {

    public static final Path DIR = Path.of("rules");
    public static final Path SOURCE_TEXTS = CitationCheck.textsDirFromEnvironment();
    private static Ruleset bundled;

    private Rules() {
    }

    public static synchronized Ruleset bundled() {
        if (bundled == null) {
            RulesetBuilder.Outcome outcome = RulesetBuilder.build(RuleSources.read(DIR), SOURCE_TEXTS);
            if (!outcome.ok()) {
                throw new AssertionError("bundled rules do not build: " + outcome.errors());
            }
            bundled = outcome.ruleset();
        }
        return bundled;
    }
}
