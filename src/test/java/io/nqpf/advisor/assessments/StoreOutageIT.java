package io.nqpf.advisor.assessments;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nqpf.advisor.support.Examples;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database stopped in the middle of a load: evaluations go on answering 200 throughout (the decision log on),
 * saving answers a 503 problem that names the store, readiness says the store is down; when the database is back,
 * saving works again without a restart.
 */
class StoreOutageIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    interface Database {
        void stop() throws Exception;

        void start() throws Exception;
    }

    /** H2 as a server of its own (the embedded default cannot be stopped apart from the service). */
    @Test
    void h2Server() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path base = work.resolve("h2").toAbsolutePath();
        String[] args = {"-tcpPort", String.valueOf(port), "-ifNotExists", "-baseDir", base.toString()};
        Server[] server = {Server.createTcpServer(args).start()};
        try {
            outage(Map.of("quarkus.datasource.embedded.jdbc.url",
                    "jdbc:h2:tcp://127.0.0.1:" + port + "/./outage;LOCK_TIMEOUT=10000"),
                    new Database() {
                        public void stop() {
                            server[0].stop();
                        }

                        public void start() throws Exception {
                            server[0] = Server.createTcpServer(args).start();
                        }
                    });
        } finally {
            server[0].stop();
        }
    }

    /** The PostgreSQL server of the suite, stopped and started again with pg_ctl. */
    @Test
    @EnabledIfEnvironmentVariable(named = "ADVISOR_TEST_POSTGRESQL_CTL", matches = ".+")
    void postgresql() throws Exception {
        String ctl = System.getenv("ADVISOR_TEST_POSTGRESQL_CTL");
        Database db = new Database() {
            public void stop() throws Exception {
                run(ctl + " -m fast stop");
            }

            public void start() throws Exception {
                run(ctl + " start");
            }
        };
        try {
            outage(CrashRecoveryIT.postgres(), db);
        } finally {
            // the server is left running for whatever runs next, whatever happened
            new ProcessBuilder((ctl + " status").split(" ")).inheritIO().start().waitFor();
            if (new ProcessBuilder((ctl + " status").split(" ")).start().waitFor() != 0) {
                db.start();
            }
        }
    }

    private static void run(String command) throws Exception {
        Process p = new ProcessBuilder(command.split(" ")).inheritIO().start();
        assertEquals(0, p.waitFor(), command);
    }

    private void outage(Map<String, String> database, Database db) throws Exception {
        Map<String, String> config = new HashMap<>(database);
        config.put("advisor.decision-log.mode", "summary");
        config.put("advisor.store.probe-interval", "1s");
        String profile = Examples.read("mid-size-inland-city.json");
        String regionId = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        try (ServiceProcess service = ServiceProcess.start(work, config)) {
            assertEquals(201, service.post("/api/v1/assessments", CrashRecoveryIT.saveBody(regionId, 2022), true)
                    .statusCode());
            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicInteger ok = new AtomicInteger();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService clients = Executors.newFixedThreadPool(3);
            List<Future<?>> load = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                load.add(clients.submit(() -> {
                    // bounded: stops when told, or after 5,000 requests
                    for (int n = 0; n < 5000 && loading.get(); n++) {
                        try {
                            HttpResponse<String> r = service.post("/api/v1/recommendations?view=summary", profile, false);
                            if (r.statusCode() == 200) {
                                ok.incrementAndGet();
                            } else {
                                failures.add(r.statusCode() + " " + r.body());
                            }
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                    return null;
                }));
            }
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> ok.get() >= 20);
                db.stop();
                int beforeOutage = ok.get();
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                    HttpResponse<String> r = service.post("/api/v1/assessments?lang=en",
                            CrashRecoveryIT.saveBody(regionId, 2023), true);
                    return r.statusCode() == 503 && r.body().contains("urn:nqpf-advisor:problem:store-unavailable")
                            && r.headers().firstValue("Retry-After").isPresent();
                });
                await().atMost(Duration.ofSeconds(30)).until(() -> service.get("/q/health/ready", false).body()
                        .contains("\"store\": \"DOWN\""));
                HttpResponse<String> ready = service.get("/q/health/ready", false);
                assertEquals(200, ready.statusCode(), "evaluation goes on, so the service stays in its balancer");
                await().atMost(Duration.ofSeconds(60)).until(() -> ok.get() >= beforeOutage + 20);

                db.start();
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> service
                        .post("/api/v1/assessments", CrashRecoveryIT.saveBody(regionId, 2023), true).statusCode() == 201);
                await().atMost(Duration.ofSeconds(30)).until(() -> service.get("/q/health/ready", false).body()
                        .contains("\"store\": \"UP\""));
            } finally {
                loading.set(false);
                for (Future<?> f : load) {
                    f.get();
                }
                clients.shutdown();
            }
            assertEquals(List.of(), failures.subList(0, Math.min(5, failures.size())),
                    "every evaluation answered 200 while the database was down");
            assertTrue(ok.get() >= 40);
            HttpResponse<String> list = service.get("/api/v1/assessments?regionId=" + regionId, true);
            assertEquals(200, list.statusCode());
            assertTrue(JSON.readTree(list.body()).get("total").asInt() >= 2, list.body());
        }
    }
}
