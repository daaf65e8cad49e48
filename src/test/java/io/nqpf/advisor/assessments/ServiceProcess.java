package io.nqpf.advisor.assessments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) as a process of its own, on a port it chooses,
 * so that a test can kill it as a crash would (SIGKILL) and start it again on the same data.
 */
final class ServiceProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    static final String PLANNER_PASSWORD = "it-planner-secret";
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");

    private final Process process;
    private final Path log;
    final URI base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ServiceProcess(Process process, Path log, URI base) {
        this.process = process;
        this.log = log;
        this.base = base;
    }

    /** Starts the service with these properties and waits until it listens (at most three minutes). */
    static ServiceProcess start(Path work, Map<String, String> properties) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only, as the test JVMs (pom.xml, argLine): a start and a few hundred requests are too short to
                // repay C2; what these tests assert (a crash, a database outage) does not depend on the compiler
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dquarkus.http.port=0",
                "-Dadvisor.planner-password=" + PLANNER_PASSWORD,
                "-Dadvisor.rules-dir=" + Path.of("rules").toAbsolutePath()));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        Files.createDirectories(work);
        Path log = Files.createTempFile(work, "service-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            Matcher m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return new ServiceProcess(process, log, URI.create("http://127.0.0.1:" + m.group(1)));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the service stopped at start:\n" + Files.readString(log));
            }
            process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service did not listen within 3 minutes:\n" + Files.readString(log));
    }

    /** SIGKILL, as a crash: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> get(String path, boolean planner) throws Exception {
        return send(request(path, planner).GET().build());
    }

    HttpResponse<String> post(String path, String json, boolean planner) throws Exception {
        return send(request(path, planner).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpRequest.Builder request(String path, boolean planner) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (planner) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("planner:" + PLANNER_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
