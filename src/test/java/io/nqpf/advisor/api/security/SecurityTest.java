package io.nqpf.advisor.api.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.config.AdvisorConfig;
import io.nqpf.advisor.support.Rules;
import io.nqpf.advisor.support.StoreProfile;
import io.nqpf.advisor.support.TempRulesProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What an attacker tried against the service, each answered as it must be. */
@QuarkusTest
@TestProfile(StoreProfile.class)
class SecurityTest {

    @TestHTTPResource("/")
    URI base;

    @Inject
    AdvisorConfig config;

    /** Failed logins of one client and account before it must wait: the production default in this profile. */
    private int freeFailures() {
        return config.admin().login().freeFailures();
    }

    /**
     * A request that only an authenticated administrator gets past the login with: a validate of a path outside the
     * rules directory, refused 400 after the password was checked (and before any ruleset build).
     */
    private static RequestSpecification adminPastLogin(RequestSpecification admin) {
        return admin.body(drafts("../x.drl", "x"));
    }

    private static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", TempRulesProfile.PASSWORD).contentType(ContentType.JSON);
    }

    private static Map<String, Object> drafts(String path, String text) {
        return Map.of("files", Map.of(path, text));
    }

    @Test
    void withoutCredentialsValidateRunsNoCodeAndAnswers401() throws Exception {
        Path pwned = Path.of("target", "pwned-" + System.nanoTime() + ".txt").toAbsolutePath();
        String drl = "package p;\ndeclare Pwn\n x : boolean = new java.io.File(\"" + pwned + "\").createNewFile()\nend\n";
        given().contentType(ContentType.JSON).body(drafts("p.drl", drl)).post("/api/v1/ruleset/validate").then()
                .statusCode(401).header("WWW-Authenticate", containsString("Basic"))
                .body("type", equalTo("urn:nqpf-advisor:problem:unauthorized"));
        assertFalse(Files.exists(pwned), "the draft was compiled for an anonymous client");
        // nothing is even parsed before the credentials are checked
        given().contentType(ContentType.JSON).body("{not json").post("/api/v1/ruleset/validate").then().statusCode(401);
        given().auth().preemptive().basic("admin", "wrong").contentType(ContentType.JSON).body("{not json")
                .post("/api/v1/ruleset/validate").then().statusCode(401);
        // the right password is let in
        adminPastLogin(admin()).post("/api/v1/ruleset/validate").then().statusCode(400);
    }

    @Test
    void repeatedWrongPasswordsAreThrottledPerClient() throws Exception {
        for (int i = 0; i < freeFailures(); i++) {
            given().auth().preemptive().basic("admin", "guess-" + i).contentType(ContentType.JSON)
                    .post("/api/v1/ruleset/reload").then().statusCode(401);
        }
        // past the free failures even the right password is not checked until the wait is over
        adminPastLogin(admin()).post("/api/v1/ruleset/validate").then().statusCode(429)
                .header("Retry-After", notNullValue()).body("type", equalTo("urn:nqpf-advisor:problem:too-many-logins"));
        // once the wait is over (1 s after the last free failure) the right password is checked again, and let in
        assertEquals(400, (int) await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> adminPastLogin(admin()).post("/api/v1/ruleset/validate").then().extract().statusCode(),
                        code -> code != 429));
    }

    @Test
    void aForgedForwardedAddressNeitherDodgesTheThrottleNorLocksOutTheAdministrator() {
        List<String> logged = new ArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(String.valueOf(r.getMessage()) + " " + java.util.Arrays.toString(r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(AdminIdentityProvider.class.getName());
        logger.addHandler(capture);
        try {
            // the attacker (198.51.100.7 as the trusted proxy saw it) writes a new leftmost address each time
            for (int i = 0; i < freeFailures(); i++) {
                given().auth().preemptive().basic("admin", "guess-" + i).header("X-Forwarded-For", "203.0.113." + i)
                        .header("X-Forwarded-For", "198.51.100.7").contentType(ContentType.JSON)
                        .post("/api/v1/ruleset/reload").then().statusCode(401);
            }
            given().auth().preemptive().basic("admin", "guess-last").header("X-Forwarded-For", "203.0.113.99, 198.51.100.7")
                    .contentType(ContentType.JSON).post("/api/v1/ruleset/reload").then().statusCode(429)
                    .header("Retry-After", notNullValue());
            // the administrator elsewhere is checked, and admitted, whatever the attacker failed
            adminPastLogin(admin().header("X-Forwarded-For", "198.51.100.8")).post("/api/v1/ruleset/validate").then()
                    .statusCode(400);
        } finally {
            logger.removeHandler(capture);
        }
        assertFalse(logged.isEmpty(), "failed logins are logged");
        assertTrue(logged.stream().noneMatch(l -> l.contains("203.0.113.")), "the log names a forged address: " + logged);
        assertTrue(logged.stream().anyMatch(l -> l.contains("198.51.100.7")), String.valueOf(logged));
    }

    @Test
    void adminOperationsTakeOnlyJsonSoThatNoCrossSiteFormCanTriggerThem() {
        for (String path : java.util.List.of("/api/v1/ruleset/reload", "/api/v1/ruleset/validate")) {
            given().auth().preemptive().basic("admin", TempRulesProfile.PASSWORD).post(path).then().statusCode(415);
            given().auth().preemptive().basic("admin", TempRulesProfile.PASSWORD).contentType("text/plain").body("x")
                    .post(path).then().statusCode(415);
            given().auth().preemptive().basic("admin", TempRulesProfile.PASSWORD)
                    .contentType("application/x-www-form-urlencoded").formParam("a", "b").post(path).then().statusCode(415);
        }
    }

    @Test
    void draftsThatWouldRunCodeWhileCompiledAreRefusedAtTheirLineAndRunNothing() {
        Path pwned = Path.of("target", "pwned-" + System.nanoTime() + ".txt").toAbsolutePath();
        String drl = "package p;\ndeclare Pwn\n x : boolean = new java.io.File(\"" + pwned + "\").createNewFile()\nend\n"
                + "function boolean f() { return true; }\n";
        admin().body(drafts("p.drl", drl)).post("/api/v1/ruleset/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors.line", org.hamcrest.Matchers.containsInAnyOrder(3, 5))
                .body("errors.file", everyItem(equalTo("p.drl")))
                .body("errors.find { it.line == 3 }.message", containsString("field x of declare Pwn has an initializer"))
                .body("errors.find { it.line == 5 }.message", containsString("function f"));
        assertFalse(Files.exists(pwned), "the draft's initializer ran");
    }

    /** A field initializer that computes for minutes of CPU time and does not hear interrupts. */
    private static final String RUNAWAY_FILE = "package p;\ndeclare Runaway\n x : boolean = java.math.BigInteger"
            + ".valueOf(3).pow(400000000).signum() > 0\nend\n";

    @Test
    void oneBuildAtATimeAndOneThatRunsAwayIsStoppedSoThatTheNextStarts() throws Exception {
        Path runaway = TempRulesProfile.DIR.resolve("runaway.drl");
        Files.writeString(runaway, RUNAWAY_FILE);
        try {
            // the limits in this profile are 8 s of CPU time and 90 s in all (test clients wait 120 s)
            CompletableFuture<io.restassured.response.ExtractableResponse<?>> first = CompletableFuture.supplyAsync(
                    () -> admin().post("/api/v1/ruleset/reload").then().extract());
            await().atMost(Duration.ofSeconds(60)).until(() -> metric("advisor_ruleset_build_running") == 1);
            admin().body(drafts("ok.drl", "package p;\n")).post("/api/v1/ruleset/validate").then().statusCode(503)
                    .header("Retry-After", notNullValue()).body("type", equalTo("urn:nqpf-advisor:problem:build-busy"));
            admin().post("/api/v1/ruleset/reload").then().statusCode(503);
            var answer = first.get();
            assertEquals(422, answer.statusCode(), answer.asString());
            assertEquals("urn:nqpf-advisor:problem:build-aborted", answer.path("type"), answer.asString());
            assertTrue(answer.asString().contains("was stopped"), answer.asString());
        } finally {
            Files.delete(runaway);
        }
        // stopped, not abandoned: the next build starts at once
        assertEquals(0, metric("advisor_ruleset_build_running"), 0.0);
        admin().post("/api/v1/ruleset/reload").then().statusCode(200);
    }

    @Test
    void aLoopingDraftIsRefusedByValidateWithTheRuleNamed() {
        admin().body(drafts("loop.drl", Rules.LOOP)).post("/api/v1/ruleset/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors[0].file", equalTo("loop.drl"))
                .body("errors[0].line", equalTo(13))
                .body("errors[0].message", containsString("\"Loop: counts forever\" keeps firing"));
    }

    @Test
    void aRulesetThatRunsAwayAtEvaluationAnswers503NamingItsVersionNeverATruncatedReport() throws Exception {
        Path tests = TempRulesProfile.DIR.resolve("tests");
        Path parked = TempRulesProfile.DIR.resolve(".tests-parked");
        Path loop = TempRulesProfile.DIR.resolve("loop.drl");
        // without scenarios to run, the loop is not caught before activation: the last line of defence must hold
        Files.move(tests, parked);
        Files.writeString(loop, Rules.LOOP);
        try {
            String version = admin().post("/api/v1/ruleset/reload").then().statusCode(200).extract().path("version");
            double before = runaways();
            given().contentType(ContentType.JSON).body(io.nqpf.advisor.support.Examples.read("declining-coal-city.json"))
                    .post("/api/v1/recommendations").then().statusCode(503)
                    .body("type", equalTo("urn:nqpf-advisor:problem:ruleset-runaway"))
                    .body("detail", containsString(version));
            assertEquals(before + 1, runaways(), 0.0);
        } finally {
            Files.delete(loop);
            Files.move(parked, tests);
            admin().post("/api/v1/ruleset/reload").then().statusCode(200);
        }
    }

    private static double runaways() {
        return metric("advisor_evaluations_runaway_total");
    }

    /** The sum of a metric's series. */
    private static double metric(String name) {
        return given().get("/q/metrics").then().extract().asString().lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void compilerFailuresAre422NotServerErrors() {
        String deep = "package p;\nrule r when eval(" + "(".repeat(5000) + "1" + ")".repeat(5000) + ") then end\n";
        admin().body(drafts("deep.drl", deep)).post("/api/v1/ruleset/validate").then().statusCode(422)
                .body("type", equalTo("urn:nqpf-advisor:problem:build-aborted"))
                .body("detail", containsString("nest too deeply"));
    }

    @Test
    void unreadableRuleFilesAreErrorsWithTheirNameNot500() throws Exception {
        Path bad = TempRulesProfile.DIR.resolve("latin1.drl");
        Files.write(bad, "package p; // caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        try {
            admin().body(Map.of("files", Map.of())).post("/api/v1/ruleset/validate").then().statusCode(200)
                    .body("valid", equalTo(false)).body("errors[0].file", equalTo("latin1.drl"))
                    .body("errors[0].message", containsString("UTF-8"));
            admin().post("/api/v1/ruleset/reload").then().statusCode(422).body("errors[0].file", equalTo("latin1.drl"));
        } finally {
            Files.delete(bad);
        }
    }

    @Test
    void rulesetDescriptionShowsNoServerPathsAndResponsesCarrySecurityHeaders() {
        String body = given().get("/api/v1/ruleset").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .extract().asString();
        assertFalse(body.contains(TempRulesProfile.DIR.toString()), "the ruleset description shows the rules path");
        assertFalse(body.contains("rulesDir"));
    }

    @Test
    void madeUpMethodsAdd405sButNoMetricSeries() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Random random = new Random(7);
        URI uri = base.resolve("/api/v1/ruleset");
        HttpResponse<String> first = client.send(HttpRequest.newBuilder(uri).method("XJUNK", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, first.statusCode());
        int before = given().get("/q/metrics").then().extract().asString().length();
        for (int i = 0; i < 2000; i++) {
            String method = "M" + Integer.toString(random.nextInt(Integer.MAX_VALUE), 36).toUpperCase();
            client.send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        int after = given().get("/q/metrics").then().extract().asString().length();
        assertTrue(after - before < 4096, "metrics grew from " + before + " to " + after + " bytes");
    }

    @Test
    void aReloadSlowerThanTheRequestTimeoutIsAnsweredByTheReload() throws Exception {
        // a rules file whose build waits 3 s, longer than this profile's request timeout (2 s): the body ("{}")
        // arrived at once, so the answer is the reload's, not 408
        Path slow = TempRulesProfile.DIR.resolve("slow.drl");
        Files.writeString(slow, "package p;\ndeclare Slow\n x : boolean = new java.util.concurrent.CountDownLatch(1)"
                + ".await(3, java.util.concurrent.TimeUnit.SECONDS)\nend\n");
        try {
            long start = System.nanoTime();
            admin().body("{}").post("/api/v1/ruleset/reload").then().statusCode(200)
                    .body("version", notNullValue());
            assertTrue(System.nanoTime() - start > 2_000_000_000L, "the reload was not slower than the request timeout");
        } finally {
            Files.delete(slow);
        }
        admin().body("{}").post("/api/v1/ruleset/reload").then().statusCode(200);
    }

    @Test
    void aRequestWithoutBodyHeldPausedBySlowHandlerIsAnsweredByTheHandler() {
        // on a busy machine a static file (the console's app.js) was answered 408 after the request timeout although
        // a GET has no body to wait for: its handler held the request paused, so it had not "ended"
        long start = System.nanoTime();
        given().get(PausedSlowRoute.PATH).then().statusCode(200).body(equalTo("answered by the handler"));
        assertTrue(System.nanoTime() - start >= PausedSlowRoute.DELAY_MILLIS * 1_000_000L,
                "the route answered before its delay");
    }

    /** Idle connections are closed too: {@code ConfigMapRulesTest}, whose profile holds no connection silent for long. */
    @Test
    void halfSentRequestsAreClosed() throws Exception {
        try (Socket slow = new Socket(base.getHost(), base.getPort())) {
            slow.setSoTimeout(10_000);
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/v1/recommendations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"regionId\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            String answer = new String(slow.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            long slowSeconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(slowSeconds <= 4, "the half-sent request was held " + slowSeconds + " s");
        }
    }

    @Test
    void nothingBuffersMoreThanTheLargestEndpointLimitAndABatchReadsOneProfileAtATime() throws Exception {
        byte[] huge = new byte[16 * 1024 * 1024 + 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '[';
        huge[huge.length - 1] = ']';
        // the server refuses on the announced length, before the body is sent
        HttpResponse<String> refused = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(
                base.resolve("/api/v1/recommendations/batch")).expectContinue(true).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(413, refused.statusCode());
        // a profile over the one-profile limit fails only itself, without being read into memory
        String big = "{\"regionId\":\"big\",\"junk\":[" + "1,".repeat(150_000) + "1]}";
        String ok = io.nqpf.advisor.support.Examples.read("declining-coal-city.json");
        given().contentType(ContentType.JSON).queryParam("lang", "en").body("{\"profiles\":[" + ok + "," + big + "]}")
                .post("/api/v1/recommendations/batch").then().statusCode(200)
                .body("evaluated", equalTo(1)).body("failed", equalTo(1))
                .body("results[1].problem.detail", containsString("the limit for one profile is 262144"));
    }

    @Test
    void oversizedErrorListsAreCut() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("profiles", java.util.List.of());
        for (int i = 0; i < 5000; i++) {
            body.put("junk" + i, i);
        }
        given().contentType(ContentType.JSON).queryParam("lang", "en").body(body).post("/api/v1/recommendations/batch")
                .then().statusCode(400)
                .body("violations", hasSize(101))
                .body("violations[100].message", containsString("4900 more"))
                .body("detail", not(containsString("junk4999")));
    }
}
