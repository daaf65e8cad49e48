package io.nqpf.advisor.engine;

import io.nqpf.advisor.config.AdvisorConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * With {@code advisor.rules.watch=true}, polls the rules directory and runs the same guarded reload when any
 * rule, catalog or threshold file changes: a broken edit is logged with its lines and the last good ruleset
 * keeps serving. Polling (not file-system events) works the same on every file system and in containers.
 */
@ApplicationScoped
public class RulesWatcher {

    private static final Logger LOG = Logger.getLogger(RulesWatcher.class);

    private final RulesetHolder holder;
    private final boolean enabled;
    private final Duration interval;
    private ScheduledExecutorService executor;
    private String lastSeen;

    public RulesWatcher(RulesetHolder holder, AdvisorConfig config) {
        this.holder = holder;
        this.enabled = config.rules().watch();
        this.interval = config.rules().watchInterval();
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        lastSeen = RuleSources.fingerprint(holder.rulesDir());
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rules-watcher");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::poll, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("Watching %s for rule changes every %s", holder.rulesDir().toAbsolutePath(), interval);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void poll() {
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
}
