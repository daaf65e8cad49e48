package io.nqpf.advisor.assessments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.report.Report;
import io.nqpf.advisor.report.ReportSummary;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The decision log: with {@code advisor.decision-log.mode} {@code summary} or {@code full}, every evaluation, saved
 * or not, is kept with its decision id, time, ruleset, the hash of its input and the summary of its answer (in
 * {@code full} also the input and the whole report); administrators' validations and reloads are always kept, with
 * their outcome and the ruleset before and after.
 * <p>
 * Evaluation never waits for the database: {@link #record} only offers the report to a bounded queue and returns;
 * one thread of its own turns the entries into JSON and writes them in batches. When the queue is full (the
 * database is slow or down) further evaluations are not logged, and counted in
 * {@code advisor_decision_log_dropped_total}. Administrators' actions have a queue of their own, are written to the
 * service log as well, and are retried until the database takes them.
 */
@ApplicationScoped
public class DecisionLog {

    public enum Mode { OFF, SUMMARY, FULL }

    /** What one evaluation answered, in short: what the log keeps in summary mode. */
    public record DecisionSummary(String regionId, Integer year, String stage, List<Finding> bottlenecks,
            List<Measure> recommendations) {
    }

    public record Finding(String id, double severity, String level) {
    }

    public record Measure(int rank, String id, double score) {
    }

    /** One administrator's action on the rules. */
    public record AdminAction(Instant at, String actor, String action, String outcome, String rulesetBefore,
            String rulesetAfter, String detail) {
    }

    private record Entry(Instant at, RegionProfile profile, Object report) {
    }

    private static final Logger LOG = Logger.getLogger(DecisionLog.class);
    private static final int BATCH = 200;
    private static final long LINGER_MILLIS = 250;

    private final Mode mode;
    private final Store store;
    private final ObjectMapper json;
    private final BlockingQueue<Entry> queue;
    private final BlockingQueue<AdminAction> admin = new ArrayBlockingQueue<>(1000);
    private final Counter dropped;
    private final Counter written;
    private final Thread writer;
    private volatile boolean stopping;

    public DecisionLog(io.nqpf.advisor.config.AdvisorConfig config, Store store, ObjectMapper json,
            MeterRegistry registry) {
        this.mode = Mode.valueOf(config.decisionLog().mode().trim().toUpperCase(java.util.Locale.ROOT));
        int capacity = config.decisionLog().queue();
        this.store = store;
        this.json = json;
        this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
        this.dropped = Counter.builder("advisor.decision.log.dropped")
                .description("Evaluations not written to the decision log because its queue was full").register(registry);
        this.written = Counter.builder("advisor.decision.log.written")
                .description("Evaluations written to the decision log").register(registry);
        Gauge.builder("advisor.decision.log.queued", queue, BlockingQueue::size)
                .description("Evaluations waiting to be written to the decision log").register(registry);
        this.writer = new Thread(this::write, "decision-log");
        writer.setDaemon(true);
        writer.start();
        LOG.infof("Decision log: %s", this.mode.name().toLowerCase(java.util.Locale.ROOT));
    }

    public Mode mode() {
        return mode;
    }

    /** Offers one evaluation to the log without waiting; a report of the full or the summary view. */
    public void record(RegionProfile profile, Object report) {
        if (mode == Mode.OFF) {
            return;
        }
        if (!queue.offer(new Entry(Instant.now(), profile, report))) {
            dropped.increment();
        }
    }

    /** Records an administrator's action: always, whatever the mode, also in the service log. */
    public void admin(AdminAction action) {
        LOG.infof("Admin %s by %s: %s (ruleset %s -> %s)%s", action.action(), action.actor(), action.outcome(),
                action.rulesetBefore(), action.rulesetAfter(), action.detail() == null ? "" : ": " + action.detail());
        if (!admin.offer(action)) {
            LOG.errorf("Admin action queue full: the action above is only in the service log");
        }
    }

    private void write() {
        List<Entry> batch = new ArrayList<>(BATCH);
        List<AdminAction> actions = new ArrayList<>();
        Duration backoff = Duration.ofMillis(500);
        while (!stopping || !queue.isEmpty() || !admin.isEmpty()) {
            try {
                if (batch.isEmpty() && actions.isEmpty()) {
                    Entry first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first != null) {
                        batch.add(first);
                        gather(batch);
                    }
                    admin.drainTo(actions);
                }
                if (batch.isEmpty() && actions.isEmpty()) {
                    continue;
                }
                List<Object[]> rows = rows(batch);
                List<AdminAction> pending = actions;
                store.run(c -> {
                    insertDecisions(c, rows);
                    insertAdmin(c, pending);
                    return null;
                });
                written.increment(batch.size());
                batch.clear();
                actions.clear();
                backoff = Duration.ofMillis(500);
            } catch (InterruptedException e) {
                if (stopping) {
                    return;
                }
            } catch (StoreUnavailableException e) {
                // keep the batch and retry; meanwhile the queue fills and further evaluations are dropped
                if (stopping) {
                    return;
                }
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                        : backoff.multipliedBy(2);
            } catch (RuntimeException e) {
                LOG.error("Decision log entries could not be written and are dropped", e);
                dropped.increment(batch.size());
                batch.clear();
                actions.clear();
            }
        }
    }

    /**
     * Lets a batch fill for up to {@link #LINGER_MILLIS} after its first entry (unless stopping): one transaction
     * then carries many evaluations, where writing each as it came cost a commit, and the database's work, apiece.
     */
    private void gather(List<Entry> batch) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
        queue.drainTo(batch, BATCH - batch.size());
        while (batch.size() < BATCH && !stopping) {
            long left = deadline - System.nanoTime();
            Entry next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, BATCH - batch.size());
        }
    }

    /** The rows of a batch, made on this thread: hashing and JSON are the log's cost, not the evaluation's. */
    private List<Object[]> rows(List<Entry> batch) {
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (Entry e : batch) {
            try {
                String input = json.writeValueAsString(e.profile());
                Object[] row = new Object[11];
                if (e.report() instanceof Report r) {
                    row[0] = r.decisionId().toString();
                    row[2] = r.ruleset().version();
                    row[3] = r.ruleset().sha256();
                    row[8] = json.writeValueAsString(summary(r));
                } else if (e.report() instanceof ReportSummary r) {
                    row[0] = r.decisionId().toString();
                    row[2] = r.ruleset().version();
                    row[3] = r.ruleset().sha256();
                    row[8] = json.writeValueAsString(summary(r));
                } else {
                    continue;
                }
                row[1] = Store.utc(e.at());
                row[4] = sha256(input);
                row[5] = e.profile().regionId();
                row[6] = e.profile().year();
                row[7] = mode.name().toLowerCase(java.util.Locale.ROOT);
                row[9] = mode == Mode.FULL ? input : null;
                row[10] = mode == Mode.FULL ? json.writeValueAsString(e.report()) : null;
                rows.add(row);
            } catch (JsonProcessingException ex) {
                LOG.warnf("A decision could not be written as JSON and is not logged: %s", ex.getMessage());
                dropped.increment();
            }
        }
        return rows;
    }

    static DecisionSummary summary(Report r) {
        return new DecisionSummary(r.region().regionId(), r.region().year(), r.smartSpecialization().stage(),
                r.bottlenecks().stream().map(b -> new Finding(b.id(), b.severity(), b.level())).toList(),
                r.recommendations().stream().map(m -> new Measure(m.rank(), m.id(), m.score())).toList());
    }

    static DecisionSummary summary(ReportSummary r) {
        return new DecisionSummary(r.region().regionId(), r.region().year(), r.stage(),
                r.bottlenecks().stream().map(b -> new Finding(b.id(), b.severity(), b.level())).toList(),
                r.recommendations().stream().map(m -> new Measure(m.rank(), m.id(), m.score())).toList());
    }

    private static void insertDecisions(java.sql.Connection c, List<Object[]> rows) throws java.sql.SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO decision_log (decision_id, evaluated_at, "
                + "ruleset_version, ruleset_sha256, input_sha256, region_id, profile_year, detail, summary, input, "
                + "report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (row[i] == null) {
                        s.setNull(i + 1, i == 6 ? Types.INTEGER : Types.VARCHAR);
                    } else {
                        s.setObject(i + 1, row[i]);
                    }
                }
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void insertAdmin(java.sql.Connection c, List<AdminAction> actions) throws java.sql.SQLException {
        if (actions.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO admin_log (acted_at, actor, action, outcome, "
                + "ruleset_before, ruleset_after, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (AdminAction a : actions) {
                s.setObject(1, Store.utc(a.at()));
                s.setString(2, a.actor());
                s.setString(3, a.action());
                s.setString(4, a.outcome());
                s.setString(5, a.rulesetBefore());
                s.setString(6, a.rulesetAfter());
                s.setString(7, a.detail());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes what is queued (for a few seconds at most) and stops. */
    @PreDestroy
    void stop() {
        stopping = true;
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.interrupt();
    }
}
