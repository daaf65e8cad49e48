package io.nqpf.advisor.support;

import io.nqpf.advisor.engine.RuleSources;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.engine.RulesetBuilder;
import io.nqpf.advisor.knowledge.CitationCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The bundled ruleset, built once per test JVM. */
public final class Rules {

    public static final Path DIR = Path.of("rules");
    public static final Path SOURCE_TEXTS = CitationCheck.textsDirFromEnvironment();
    private static Ruleset bundled;

    /**
     * Rules that keep firing for ever on a declining resource city (the coal city of the examples, and two more of
     * the bundled scenarios): what the runaway probe must catch among scenarios that run clean. A probe of these
     * rules runs 3 scenarios to the firing limit, not all 44 (about 0.2 s of CPU time each).
     */
    public static final String LOOP = """
            package rules.loop;
            import io.nqpf.advisor.engine.facts.*;
            global io.nqpf.advisor.engine.facts.Findings findings;

            rule "Loop: seed"
                @kind(adjustment)
            when
                Region( resourceCityStage == io.nqpf.advisor.profile.ResourceCityStage.DECLINING )
            then
                insert(Long.valueOf(0));
            end

            rule "Loop: counts forever"
                @kind(adjustment)
            when
                $n : Long()
            then
                insert(Long.valueOf($n + 1));
            end
            """;

    private Rules() {
    }

    /** Copies the bundled rules directory, tests and all, into {@code target} (which must not hold them yet). */
    public static void copyTo(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(DIR)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(DIR.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
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
