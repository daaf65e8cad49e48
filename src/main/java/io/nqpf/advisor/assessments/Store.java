package io.nqpf.advisor.assessments;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.arc.Arc;
import io.quarkus.flyway.FlywayDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * The database that keeps assessments, the decision log and the administrators' actions: PostgreSQL when its
 * datasource is configured ({@code ADVISOR_DATABASE_URL}), else the embedded H2 file under the data directory.
 * The schema is migrated by Flyway the first time the database answers, at start or later, so that a database that
 * is down at start delays nothing but saving. Whether it answers is known from every use and from a probe every few
 * seconds, so that readiness reports it without waiting on it.
 */
@ApplicationScoped
public class Store {

    public static final String EMBEDDED = "embedded";
    public static final String POSTGRESQL = "postgresql";

    private static final Logger LOG = Logger.getLogger(Store.class);

    /** One unit of work on a connection of the store. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final String kind;
    private volatile boolean migrated;
    /** Null while the database answers; else why it does not. */
    private volatile String down = "not reached yet";
    private volatile Instant since = Instant.now();
    private volatile boolean reached;

    public Store() {
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        boolean postgresql = config.getOptionalValue("quarkus.datasource.postgresql.jdbc.url", String.class)
                .filter(url -> !url.isBlank()).isPresent()
                && config.getOptionalValue("quarkus.datasource.postgresql.active", Boolean.class).orElse(true);
        this.kind = postgresql ? POSTGRESQL : EMBEDDED;
    }

    /** {@value #POSTGRESQL} or {@value #EMBEDDED}. */
    public String kind() {
        return kind;
    }

    /** Null while the database answers; else the reason it does not. */
    public String down() {
        return down;
    }

    /** Since when the store is up or down. */
    public Instant since() {
        return since;
    }

    void start(@Observes StartupEvent event) {
        LOG.infof("Assessments are kept in the %s database", kind);
    }

    /**
     * Once the service listens: on a thread of its own, so that a database that does not answer holds nothing, and
     * after the start, so that opening the database and Flyway's migration do not compete with it for the CPU (issue
     * 20, start-up); a save that comes first migrates.
     */
    void reach(@Observes HttpServerStart event) {
        Thread thread = new Thread(this::probe, "store-start");
        thread.setDaemon(true);
        thread.start();
    }

    /** Migrates the schema if not yet done and checks that the database answers; runs every few seconds. */
    @Scheduled(every = "${advisor.store.probe-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "5s")
    void probe() {
        try {
            run(c -> c.isValid(5));
        } catch (StoreUnavailableException e) {
            // recorded by run
        }
    }

    /**
     * Runs {@code work} on a connection in one transaction: committed when it returns, rolled back when it throws.
     *
     * @throws StoreUnavailableException when the database cannot be reached or fails
     */
    public <T> T run(Work<T> work) {
        migrate();
        try (Connection c = dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                up();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(c);
                throw e;
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void migrate() {
        if (migrated) {
            return;
        }
        synchronized (this) {
            if (migrated) {
                return;
            }
            try {
                Flyway flyway = Arc.container().select(Flyway.class, FlywayDataSource.FlywayDataSourceLiteral.of(kind)).get();
                flyway.migrate();
                migrated = true;
                LOG.infof("The %s database's schema is current", kind);
            } catch (RuntimeException e) {
                throw failed(e);
            }
        }
    }

    private AgroalDataSource dataSource() {
        return AgroalDataSourceUtil.dataSourceInstance(kind).get();
    }

    private void up() {
        if (down != null) {
            if (reached) {
                LOG.infof("The %s database answers again", kind);
            }
            reached = true;
            down = null;
            since = Instant.now();
        }
    }

    private StoreUnavailableException failed(Exception e) {
        String reason = reason(e);
        if (down == null || !reached) {
            reached = true;
            LOG.warnf("The %s database does not answer: %s; evaluation goes on, saving answers 503", kind, reason);
            since = Instant.now();
        }
        down = reason;
        return new StoreUnavailableException(kind, reason);
    }

    /** The innermost message, without credentials (JDBC messages name hosts and databases, not passwords). */
    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }

    /** An instant as the JDBC type of TIMESTAMP WITH TIME ZONE, in UTC whatever the JVM's zone. */
    public static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; nothing was committed
        }
    }
}
