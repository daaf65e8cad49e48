package io.nqpf.advisor.engine;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    public RulesWatcher(RulesetHolder holder,
            @ConfigProperty(name = "advisor.rules.watch", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "advisor.rules.watch-interval", defaultValue = "PT1S") Duration interval) {
        this.holder = holder;
        this.enabled = enabled;
        this.interval = interval;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        lastSeen = fingerprint(holder.rulesDir());
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
            String now = fingerprint(holder.rulesDir());
            if (!now.equals(lastSeen)) {
                lastSeen = now;
                LOG.info("Rules changed on disk: reloading");
                holder.reload();
            }
        } catch (RuntimeException e) {
            LOG.warn("Rules watcher could not check the rules directory", e);
        }
    }

    /** Names, sizes and modification times of the files a ruleset is built from. */
    static String fingerprint(Path dir) {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (RuleSources.belongs(rel)) {
                    sb.append(rel).append(':').append(Files.size(p)).append(':')
                            .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
                }
            }
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
        return sb.toString();
    }
}
