package io.nqpf.advisor.engine;

import io.nqpf.advisor.config.AdvisorConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * With {@code advisor.rules.watch=true}, polls the rules directory every {@code advisor.rules.watch-interval} and
 * runs the same guarded reload when any rule, catalog or threshold file changes: a broken edit is logged with its
 * lines, counted as a failed build, and the last good ruleset keeps serving. Polling (not file-system events)
 * works the same on every file system and in containers. A build that was aborted rather than refused (its time or
 * CPU limit on a busy machine, a compiler crash) says nothing about the files, so the same files are built again
 * after a backoff ({@link #RETRY_FIRST}, doubling, at most {@link #RETRIES} times) until one build ends; another
 * build running meanwhile (busy) is retried on the next check.
 */
@ApplicationScoped
public class RulesWatcher {

    private static final Logger LOG = Logger.getLogger(RulesWatcher.class);

    /** How many times the same files are built again after aborted builds before the watcher waits for a change. */
    static final int RETRIES = 5;
    /** The wait before the first retry of an aborted build; each further retry waits twice as long. */
    static final Duration RETRY_FIRST = Duration.ofSeconds(1);

    private final RulesetHolder holder;
    private final AdvisorConfig.Rules config;
    /** The fingerprint of the files last built to an end (activated or refused), or seen at start. */
    private volatile String lastSeen;
    /** The fingerprint whose builds were aborted, how many times, and when it may be tried again (nanoTime). */
    private String retrying;
    private int aborts;
    private long notBefore;

    public RulesWatcher(RulesetHolder holder, AdvisorConfig config) {
        this.holder = holder;
        this.config = config.rules();
    }

    void onStart(@Observes StartupEvent event) {
        if (config.watch()) {
            lastSeen = RuleSources.fingerprint(holder.rulesDir());
            LOG.infof("Watching %s for rule changes every %s", holder.rulesDir().toAbsolutePath(), config.watchInterval());
        }
    }

    @Scheduled(identity = "rules-watcher", every = "${advisor.rules.watch-interval}",
            delayed = "${advisor.rules.watch-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = WatchOff.class)
    void check() {
        if (lastSeen == null) {
            // the scheduler may fire while start-up still builds the first ruleset; changes count from then
            return;
        }
        try {
            String now = RuleSources.fingerprint(holder.rulesDir());
            if (now.equals(lastSeen)) {
                return;
            }
            if (!now.equals(retrying)) {
                retrying = now;
                aborts = 0;
                LOG.info("Rules changed on disk: reloading");
            } else if (aborts > RETRIES || System.nanoTime() - notBefore < 0) {
                return;
            }
            RulesetBuilder.Outcome outcome = holder.reloadUnattended();
            if (!outcome.aborted()) {
                lastSeen = now;
                retrying = null;
            } else if (++aborts > RETRIES) {
                LOG.errorf("The build of the changed rules was aborted %d times (%s); the watcher tries again when the "
                        + "files change, or reload through the admin endpoint", aborts, outcome.errors().get(0).message());
            } else {
                Duration wait = RETRY_FIRST.multipliedBy(1L << (aborts - 1));
                notBefore = System.nanoTime() + wait.toNanos();
                LOG.warnf("The build of the changed rules was aborted (%s); trying again in %d s (retry %d of %d)",
                        outcome.errors().get(0).message(), wait.toSeconds(), aborts, RETRIES);
            }
        } catch (BuildLimiter.BusyException e) {
            LOG.debug("Rules changed on disk while another build runs: the next check reloads");
        } catch (RuntimeException e) {
            LOG.warn("Rules watcher could not check the rules directory", e);
        }
    }

    /** Skips every check unless {@code advisor.rules.watch=true}: the setting is read at run time, not at build. */
    @Singleton
    static class WatchOff implements Scheduled.SkipPredicate {

        private final boolean watch;

        WatchOff(AdvisorConfig config) {
            this.watch = config.rules().watch();
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !watch;
        }
    }
}
