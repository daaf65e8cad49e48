package io.nqpf.advisor.abuse;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.support.Rules;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged service (target/quarkus-app) run as the container runs it: the JVM options of
 * src/main/docker/Dockerfile.jvm in a 512 MiB machine (256 MiB heap, ExitOnOutOfMemoryError), on 127.0.0.1 and a
 * port of its own choosing. Run by failsafe after packaging ({@code ./mvnw verify}).
 */
class PackagedServiceIT {

    private static final String PROFILE = "{\"regionId\":\"m\",\"name\":\"m\",\"year\":2023,\"level\":\"COUNTY\"}";
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    /** The service in a process of its own. */
    static final class Service implements AutoCloseable {
        final Process process;
        final URI base;
        final StringBuffer log;

        Service(Process process, URI base, StringBuffer log) {
            this.process = process;
            this.base = base;
            this.log = log;
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** The JVM options of the container image, in a machine of 512 MiB as the image is meant for. */
    static List<String> containerOptions() throws IOException {
        String dockerfile = Files.readString(Path.of("src/main/docker/Dockerfile.jvm"));
        Matcher m = Pattern.compile("JAVA_OPTS=\"([^\"]*)\"").matcher(dockerfile);
        assertTrue(m.find(), "no JAVA_OPTS in the Dockerfile");
        List<String> options = new ArrayList<>(Arrays.asList(m.group(1).trim().split("\\s+")));
        assertTrue(options.contains("-XX:+ExitOnOutOfMemoryError"), options.toString());
        options.add(0, "-XX:MaxRAM=512m");
        return options;
    }

    static Service start(Path rulesDir, Path dataDir, String... properties) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(containerOptions());
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.http.port=0");
        command.add("-Dadvisor.rules-dir=" + rulesDir.toAbsolutePath());
        command.add("-Dadvisor.data-dir=" + dataDir.toAbsolutePath());
        command.addAll(Arrays.asList(properties));
        command.add("-jar");
        command.add(Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuffer log = new StringBuffer();
        AtomicReference<String> port = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    log.append(line).append('\n');
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.set(m.group(1));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "service-log");
        reader.setDaemon(true);
        reader.start();
        try {
            await("the service to listen").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                    .failFast("the service ended", () -> !process.isAlive() && port.get() == null)
                    .until(() -> port.get() != null);
        } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            throw new AssertionError("the service did not start (" + e.getMessage() + "):\n" + log, e);
        }
        return new Service(process, URI.create("http://127.0.0.1:" + port.get()), log);
    }

    private static Path rulesCopy(Path dir) throws IOException {
        Files.createDirectories(dir);
        Rules.copyTo(dir);
        return dir;
    }

    private HttpResponse<String> get(Service s, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(s.base.resolve(path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> evaluate(Service s) throws Exception {
        return http.send(HttpRequest.newBuilder(s.base.resolve("/api/v1/recommendations"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(PROFILE)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theContainerSettingsSurviveParallelBodiesOfTheLargestSize() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "it-memory");
        // the test speaks for 20 clients through a proxy the service trusts, so that no per-client bound hides the
        // memory bound
        try (Service s = start(rulesCopy(work.resolve("rules")), work.resolve("data"),
                "-Dadvisor.http.trusted-proxies=127.0.0.1")) {
            byte[] sixteen = new byte[16 * 1024 * 1024];
            Arrays.fill(sixteen, (byte) ' ');
            sixteen[0] = '{';
            sixteen[sixteen.length - 1] = '}';
            // a batch of 15.8 MB: profiles of 15.8 KB each, each refused for an unknown member after being read
            StringBuilder batch = new StringBuilder("{\"profiles\":[");
            String pad = "x".repeat(15_700);
            for (int i = 0; i < 1000; i++) {
                batch.append(i == 0 ? "" : ",").append(PROFILE, 0, PROFILE.length() - 1).append(",\"pad\":\"").append(pad)
                        .append("\"}");
            }
            byte[] big = batch.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                // half announce their length, half stream without one (chunked)
                HttpRequest.BodyPublisher body = i % 2 == 0 ? HttpRequest.BodyPublishers.ofByteArray(sixteen)
                        : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(sixteen));
                answers.add(send(s, "/api/v1/recommendations", body, "198.51.100." + i));
            }
            for (int i = 0; i < 4; i++) {
                answers.add(send(s, "/api/v1/recommendations/batch", HttpRequest.BodyPublishers.ofByteArray(big),
                        "203.0.113." + i));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> a : answers) {
                statuses.add(a.get(10, TimeUnit.MINUTES));
            }
            assertTrue(s.process.isAlive(), "the service died:\n" + tail(s.log));
            assertFalse(s.log.toString().contains("OutOfMemoryError"), tail(s.log));
            // every answer is a client error, a refusal for lack of room, or (a batch) the batch's own answer
            for (int status : statuses) {
                assertTrue(status == 413 || status == 503 || status == 429 || status == 200 || status == -1,
                        "answers " + statuses);
            }
            assertFalse(statuses.contains(500), "answers " + statuses);
            assertEquals(200, evaluate(s).statusCode(), "the service does not evaluate after the attack");
            System.out.println("memory attack answers: " + statuses);
        }
    }

    /** Posts as the client {@code who}, forwarded by the trusted proxy on 127.0.0.1. */
    private CompletableFuture<Integer> send(Service s, String path, HttpRequest.BodyPublisher body, String who) {
        return http.sendAsync(HttpRequest.newBuilder(s.base.resolve(path)).timeout(Duration.ofMinutes(5))
                        .header("Content-Type", "application/json").header("X-Forwarded-For", who).POST(body).build(),
                HttpResponse.BodyHandlers.discarding()).handle((r, e) -> e == null ? r.statusCode() : -1);
    }

    @Test
    void aBrokenEditAtRestartServesTheLastGoodRulesetAndWithoutOneReadinessShowsNoPaths() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "it-restart").toAbsolutePath();
        Path rules = rulesCopy(work.resolve("rules"));
        Path data = work.resolve("data");
        try (Service s = start(rules, data)) {
            assertEquals(200, get(s, "/q/health/ready").statusCode());
        }
        Path drl;
        try (var files = Files.walk(rules)) {
            drl = files.filter(p -> p.toString().endsWith(".drl")).sorted().findFirst().orElseThrow();
        }
        Files.writeString(drl, Files.readString(drl) + "\nrule \"broken\" when then this is not drl\n");
        String broken = rules.relativize(drl).toString().replace('\\', '/');
        try (Service s = start(rules, data)) {
            HttpResponse<String> ready = get(s, "/q/health/ready");
            assertEquals(200, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains(broken), "readiness does not name the broken file: " + ready.body());
            assertFalse(ready.body().contains(work.toString()), "readiness shows a server path: " + ready.body());
            assertTrue(get(s, "/q/metrics").body().contains("advisor_ruleset_fallback 1.0"));
            assertTrue(s.log.toString().contains(broken), "the log does not name the broken file");
            assertEquals(200, evaluate(s).statusCode());
        }
        // without a kept ruleset: DOWN, and still no path
        try (Service s = start(rules, work.resolve("empty-data"))) {
            HttpResponse<String> ready = get(s, "/q/health/ready");
            assertEquals(503, ready.statusCode(), ready.body());
            assertFalse(ready.body().contains(work.toString()), "readiness shows a server path: " + ready.body());
        }
    }

    @Test
    void sigtermLetsABatchInFlightFinishWithItsCompleteLine() throws Exception {
        Path work = Files.createTempDirectory(Path.of("target"), "it-shutdown");
        StringBuilder body = new StringBuilder("{\"profiles\":[");
        for (int i = 0; i < 1000; i++) {
            body.append(i == 0 ? "" : ",").append(PROFILE);
        }
        body.append("]}");
        Service s = start(rulesCopy(work.resolve("rules")), work.resolve("data"));
        try (s) {
            HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(
                            s.base.resolve("/api/v1/recommendations/batch?view=summary"))
                    .timeout(Duration.ofMinutes(5)).header("Content-Type", "application/json")
                    .header("Accept", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
            String first = lines.readLine();
            assertTrue(first.contains("\"index\":0"), first);
            s.process.destroy(); // SIGTERM, while the batch is in flight
            String line;
            String last = first;
            int count = 1;
            while ((line = lines.readLine()) != null) {
                last = line;
                count++;
            }
            assertEquals("{\"complete\":true,\"count\":1000,\"failed\":0}", last,
                    "the stream was cut after " + count + " lines:\n" + tail(s.log));
            assertTrue(s.process.waitFor(60, TimeUnit.SECONDS), "the service did not exit after draining");
        }
    }

    private static String tail(StringBuffer log) {
        return log.substring(Math.max(0, log.length() - 4000));
    }
}
