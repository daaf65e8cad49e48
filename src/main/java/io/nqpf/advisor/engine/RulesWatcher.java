package io.nqpf.advisor.engine;

import io.nqpf.advisor.config.AdvisorConfig;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * With {@code advisor.rules.watch=true}, polls the rules directory every {@code advisor.rules.watch-interval} and
 * runs the same guarded reload when any rule, catalog or threshold file changes: a broken edit is logged with its
 * lines, counted as a failed build, and the last good ruleset keeps serving. Polling (not file-system events)
 * works the same on every file system and in containers.
 */
@ApplicationScoped
public class RulesWatcher {

    private static final Logger LOG = Logger.getLogger(RulesWatcher.class);

    private final RulesetHolder holder;
    private final AdvisorConfig.Rules config;
    private volatile String lastSeen;

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
            if (!now.equals(lastSeen)) {
                LOG.info("Rules changed on disk: reloading");
                holder.reloadIfIdle();
                lastSeen = now;
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
