package io.nqpf.advisor;

import io.nqpf.advisor.engine.EarlyBuild;
import io.nqpf.advisor.engine.RulesetHolder;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.List;

/**
 * The packaged service's entry point: starts compiling the rules directory on a thread of its own, then starts Quarkus,
 * so that the two run side by side; the start event adopts that build if it was made from the very files it finds
 * ({@link EarlyBuild}). Tests start Quarkus without this method and build at the start event as before.
 * <p>
 * With the argument {@value #EXIT_WHEN_READY} the service starts as usual and exits as soon as it is ready (exit status 0
 * with a ruleset active, 1 without): one whole start, for {@code -XX:ArchiveClassesAtExit} to write a class-data
 * archive of (README, "Memory and start-up").
 */
@QuarkusMain
public class Main {

    static final String EXIT_WHEN_READY = "--exit-when-ready";

    public static void main(String... args) {
        // The early build logs (SmallRye Config, Drools) before Quarkus starts: through the log manager Quarkus sets up,
        // with the same two settings its generated start makes first, so that the first logger made picks it
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        System.setProperty("org.jboss.logging.provider", "jboss");
        EarlyBuild.startConfigured();
        if (List.of(args).contains(EXIT_WHEN_READY)) {
            Quarkus.run(ExitWhenReady.class, args);
        } else {
            Quarkus.run(args);
        }
    }

    /** Run once Quarkus has started: the start event's ruleset build has ended and HTTP listens. */
    public static class ExitWhenReady implements QuarkusApplication {
        @Override
        public int run(String... args) {
            return Arc.container().instance(RulesetHolder.class).get().active().isPresent() ? 0 : 1;
        }
    }
}
