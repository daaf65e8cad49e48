package io.nqpf.advisor.abuse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.support.LimitsProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.ConnectionConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an anonymous client tried in order to take the service down, each answered without harm. */
@QuarkusTest
@TestProfile(LimitsProfile.class)
class AbuseTest {

    private static final String PROFILE = "{\"regionId\":\"m\",\"name\":\"m\",\"year\":2023,\"level\":\"COUNTY\"}";

    @TestHTTPResource("/")
    URI base;

    /** A condition that may fail while the service is still catching up. */
    interface Condition {
        boolean holds() throws Exception;
    }

    /** Waits for a condition as long as a loaded machine may need, without a fixed sleep; a failure counts as no. */
    private static void await(String what, Condition condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).ignoreExceptions()
                .until(condition::holds);
    }

    /**
     * REST Assured keeps each connection open after its answer; with the small connection limit of this profile the
     * tests' own connections would use it up, so they are closed after each answer.
     */
    @BeforeAll
    static void closeConnectionsAfterEachAnswer() {
        RestAssured.config = RestAssured.config().connectionConfig(
                ConnectionConfig.connectionConfig().closeIdleConnectionsAfterEachResponse());
    }

    @AfterAll
    static void restoreConnections() {
        RestAssured.config = RestAssuredConfig.config();
    }

    /** Connections a test before closed may still count against the limit for a moment: wait until one is served. */
    @BeforeEach
    void serviceTakesConnections() throws Exception {
        await("the service to take connections", () -> {
            try (Raw raw = new Raw(base)) {
                raw.send("GET /q/health/live HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
                return raw.status() == 200;
            }
        });
    }

    @Test
    void aProfileSentWithoutALengthIsRefusedAtItsLimitWhileItStreams() throws Exception {
        try (Raw raw = new Raw(base)) {
            raw.send(Raw.post("/api/v1/recommendations?lang=en", "Transfer-Encoding: chunked\r\n", -1));
            String start = "{\"regionId\":\"x\",\"name\":\"";
            raw.send(Integer.toHexString(start.length()) + "\r\n" + start + "\r\n");
            byte[] chunk = "a".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 20; i++) { // 320 KiB, past the 256 KiB of one profile, and the body never ends
                raw.send(Integer.toHexString(chunk.length) + "\r\n").send(chunk).send("\r\n");
            }
            String head = raw.head();
            assertTrue(head.startsWith("HTTP/1.1 413"), "answered before the body ended: " + head);
        }
    }

    @Test
    void aBodyAnnouncedLargerThanItsEndpointTakesIsRefusedBeforeAByteOfItIsSent() throws Exception {
        try (Raw raw = new Raw(base)) {
            raw.send(Raw.post("/api/v1/recommendations?lang=en", "", 300_000));
            String head = raw.head();
            assertTrue(head.startsWith("HTTP/1.1 413"), head);
        }
        // a batch takes more, a comparison twice a profile
        try (Raw raw = new Raw(base)) {
            raw.send(Raw.post("/api/v1/recommendations/compare", "", 600_000));
            assertEquals(413, raw.status());
        }
    }

    @Test
    void bodiesInFlightAreBoundedTogetherBeyondIt503WithRetryAfterAndReadinessSaysSaturated() throws Exception {
        String big = "{\"profiles\":[" + " ".repeat(1_000_000) + "]}";
        try (Raw held = new Raw(base)) {
            // 3.5 MB announced, 7 MB reserved of 8 MiB; the body never comes
            held.send(Raw.post("/api/v1/recommendations/batch", "X-Forwarded-For: 198.51.100.1\r\n", 3_500_000))
                    .send("{\"profiles\":[");
            await("the held request to be admitted", () -> given().get("/q/metrics").asString()
                    .contains("advisor_http_in_flight_bytes 7000000"));
            given().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.2").body(big)
                    .post("/api/v1/recommendations/batch?lang=en").then().statusCode(503)
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("urn:nqpf-advisor:problem:saturated"));
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'load' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'load' }.data.saturated", equalTo(true));
            // small requests still fit
            given().contentType(ContentType.JSON).body(PROFILE).post("/api/v1/recommendations").then().statusCode(200);
        }
        await("the memory of the dropped request to be released", () -> !given().get("/q/metrics").asString()
                .contains("advisor_http_in_flight_bytes 7000000"));
        given().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.2").body(big)
                .post("/api/v1/recommendations/batch").then().statusCode(200);
        await("readiness to turn UP again", () -> given().get("/q/health/ready").statusCode() == 200);
    }

    /** Four profiles from one client (its whole share in this profile), each held in flight by its unfinished body. */
    private List<Raw> holdFourRequests(String client) throws Exception {
        List<Raw> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Raw raw = new Raw(base);
            held.add(raw.send(Raw.post("/api/v1/recommendations", "X-Forwarded-For: " + client + "\r\n", 100))
                    .send("{\"regionId\":"));
        }
        await("the client's requests to be in flight", () -> given().get("/q/metrics").asString()
                .contains("advisor_http_in_flight 4.0"));
        return held;
    }

    @Test
    void oneClientCannotHoldMoreThanItsShareOfWorkerThreads() throws Exception {
        List<Raw> held = holdFourRequests("203.0.113.9");
        try {
            given().contentType(ContentType.JSON).header("X-Forwarded-For", "203.0.113.9").body(PROFILE)
                    .post("/api/v1/recommendations").then().statusCode(429).header("Retry-After", notNullValue());
            // another client is served meanwhile
            given().contentType(ContentType.JSON).header("X-Forwarded-For", "203.0.113.10").body(PROFILE)
                    .post("/api/v1/recommendations").then().statusCode(200);
        } finally {
            for (Raw raw : held) {
                raw.close();
            }
        }
        await("the client to be served again", () -> given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", "203.0.113.9").body(PROFILE).post("/api/v1/recommendations")
                .statusCode() == 200);
    }

    @Test
    void aRefusedRequestEndsLikeAnyOtherSoNothingHoldsItsConnectionAfterItCloses() throws Exception {
        // A 429 closes its connection; the request's end handlers must still run (they cancel its timers), or each
        // refused connection stays in the heap for the request timeout (120 s here): a flood of refused requests
        // filled the heap that way (docs/performance.md, "Memory")
        List<Raw> held = holdFourRequests("203.0.113.11");
        try {
            try (Raw refused = new Raw(base)) {
                refused.send(Raw.post("/api/v1/recommendations",
                        "X-Forwarded-For: 203.0.113.11\r\nX-Ended-Probe: refused\r\n", PROFILE.length()) + PROFILE);
                assertEquals(429, refused.status());
                await("the refused request to end", () -> EndedRequests.ENDED.contains("refused"));
            }
        } finally {
            for (Raw raw : held) {
                raw.close();
            }
        }
    }

    @Test
    void anAnswerTheClientStopsReadingIsCutSoItHoldsNoThread() throws Exception {
        StringBuilder body = new StringBuilder("{\"profiles\":[");
        for (int i = 0; i < 1000; i++) {
            body.append(i == 0 ? "" : ",").append(PROFILE);
        }
        body.append("]}");
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        double before = metric("advisor_http_write_timeouts_total");
        byte[] received;
        try (Raw raw = new Raw(base, 4096)) {
            raw.send(Raw.post("/api/v1/recommendations/batch", "Accept: application/x-ndjson\r\n", bytes.length))
                    .send(bytes);
            // read nothing until the service has given up on this reader
            await("the answer to be cut", () -> metric("advisor_http_write_timeouts_total") > before);
            received = raw.rest();
        }
        String text = new String(received, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("HTTP/1.1 200"), text.substring(0, Math.min(200, text.length())));
        assertFalse(text.contains("\"complete\":true"), "a cut stream lacks the line that says it is whole");
        // and the service goes on serving
        given().contentType(ContentType.JSON).body(PROFILE).post("/api/v1/recommendations").then().statusCode(200);
    }

    @Test
    void aWaveOfIdleConnectionsIsBoundedAndTheServiceComesBackWhenItEnds() throws Exception {
        List<Raw> wave = new ArrayList<>();
        int refused = 0;
        try {
            for (int i = 0; i < 150; i++) {
                wave.add(new Raw(base));
            }
            for (Raw raw : wave) {
                raw.send("GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n");
            }
            for (Raw raw : wave) {
                if (raw.status() != 200) {
                    refused++;
                }
            }
        } finally {
            for (Raw raw : wave) {
                raw.close();
            }
        }
        assertTrue(refused >= 40, "the connection limit (100) let " + (150 - refused) + " of 150 connections in");
        await("the service to take connections again", () -> given().get("/q/health/live").statusCode() == 200);
    }

    @Test
    void ambiguousFramingIsRefusedWith400AndTheConnectionClosed() throws Exception {
        String json = "{}";
        List<String> requests = List.of(
                "POST /api/v1/recommendations HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: xchunked\r\n\r\n2\r\n" + json + "\r\n0\r\n\r\n",
                "GET /api/v1/catalog HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
        for (String request : requests) {
            try (Raw raw = new Raw(base)) {
                raw.send(request + "GET /api/v1/catalog HTTP/1.1\r\nHost: a\r\n\r\n");
                String answer = new String(raw.rest(), StandardCharsets.UTF_8);
                assertTrue(answer.startsWith("HTTP/1.1 400"), request + "\n->\n" + answer);
                assertEquals(1, answer.split("HTTP/1.1 ").length - 1, "one answer, then the connection is closed");
            }
        }
    }

    @Test
    void aRequestWithContentLengthAndTransferEncodingEndsItsConnectionSoNothingCanBeSmuggledBehindIt() throws Exception {
        // read as chunked (the length is dropped): a proxy that framed it by its length would see the second request
        // as part of the body; the service answers the first and closes, so the second is never answered
        try (Raw raw = new Raw(base)) {
            raw.send("POST /api/v1/recommendations HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                    + "GET /api/v1/catalog HTTP/1.1\r\nHost: a\r\n\r\n");
            String answer = new String(raw.rest(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 4"), answer);
            assertEquals(1, answer.split("HTTP/1.1 ").length - 1, "the request behind it was answered: " + answer);
        }
    }

    @Test
    void cleartextHttp2UpgradeIsOff() throws Exception {
        try (Raw raw = new Raw(base)) {
            raw.send("GET /q/health/live HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade, HTTP2-Settings\r\n"
                    + "Upgrade: h2c\r\nHTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\n\r\n");
            int status = raw.status();
            assertNotEquals(101, status, "the connection was switched to HTTP/2");
            assertEquals(200, status);
        }
    }

    @Test
    void madeUpMethodsAreClientErrorsInAnswersAndMetrics() throws Exception {
        for (int i = 0; i < 3; i++) {
            try (Raw raw = new Raw(base)) {
                raw.send("XJUNK" + i + " /api/v1/catalog HTTP/1.1\r\nHost: localhost\r\n\r\n");
                assertEquals(405, raw.status());
            }
        }
        String metrics = given().get("/q/metrics").asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_count")
                && l.contains("method=\"OTHER\"") && l.contains("outcome=\"CLIENT_ERROR\"")), "no client error counted");
        assertFalse(metrics.lines().anyMatch(l -> l.startsWith("http_server_requests_seconds_count")
                && l.contains("method=\"OTHER\"") && l.contains("SERVER_ERROR")), "made-up methods counted as server errors");
    }

    @Test
    void staticPathVariantsDoNotCrowdRoutesOutOfTheMetrics() {
        // each a different spelling of a file that exists, and of one that does not
        for (int i = 0; i < 250; i++) {
            given().urlEncodingEnabled(false).get(i % 2 == 0 ? "/console/" + "./".repeat(i) + "app.js"
                    : "/console/nothing-" + i + ".js");
        }
        given().get("/api/v1/indicators").then().statusCode(200);
        given().get("/api/v1/examples").then().statusCode(200);
        String metrics = given().get("/q/metrics").asString();
        assertTrue(metrics.contains("uri=\"/api/v1/indicators\""), "a route seen after the variants is not recorded");
        assertTrue(metrics.contains("uri=\"/api/v1/examples\""));
        long uris = metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count"))
                .map(l -> l.replaceAll(".*uri=\"([^\"]*)\".*", "$1")).distinct().count();
        assertTrue(uris < 60, uris + " URI tags: " + metrics.lines().filter(l -> l.startsWith("http_server_requests"))
                .map(l -> l.replaceAll(".*uri=\"([^\"]*)\".*", "$1")).distinct().limit(20).toList());
    }

    @Test
    void namesRefuseBidiOverridesLoneSurrogatesAndInvalidUtf8InBothLanguages() throws Exception {
        String bidi = PROFILE.replace("\"name\":\"m\"", "\"name\":\"abc\u202Edef\"");
        given().contentType("application/json; charset=UTF-8").queryParam("lang", "en").body(bidi)
                .post("/api/v1/recommendations").then().statusCode(400)
                .body("violations[0].field", equalTo("name"))
                .body("violations[0].message", containsString("U+202E"));
        given().contentType("application/json; charset=UTF-8").queryParam("lang", "zh-CN").body(bidi)
                .post("/api/v1/recommendations").then().statusCode(400)
                .body("violations[0].message", containsString("双向控制字符"));
        given().contentType(ContentType.JSON).queryParam("lang", "en")
                .body(PROFILE.replace("\"name\":\"m\"", "\"name\":\"a\\ud800b\""))
                .post("/api/v1/recommendations").then().statusCode(400)
                .body("violations[0].field", equalTo("name"));
        // an overlong encoding of '/' (C0 AF) and an encoded surrogate (ED A0 80): no UTF-8
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("{\"regionId\":\"m\",\"name\":\"m".getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bad);
            body.writeBytes("\",\"year\":2023,\"level\":\"COUNTY\"}".getBytes(StandardCharsets.UTF_8));
            for (String lang : List.of("en", "zh-CN")) {
                Response r = given().contentType(ContentType.JSON).queryParam("lang", lang).body(body.toByteArray())
                        .post("/api/v1/recommendations");
                assertEquals(400, r.statusCode(), r.asString());
                assertTrue(r.asString().contains(lang.equals("en") ? "not UTF-8" : "不是 UTF-8"), r.asString());
            }
        }
    }

    @Test
    void errorAnswersCarryNoParserInternals() {
        String deep = "[".repeat(3000) + "]".repeat(3000);
        String longNumber = PROFILE.replace("\"year\":2023", "\"year\":" + "9".repeat(3000));
        for (String body : List.of(deep, longNumber, "{\"regionId\":\"m\",\"name\":\"m\",\"year\":2023,\"level\":[1]}")) {
            for (String path : List.of("/api/v1/recommendations", "/api/v1/recommendations/batch")) {
                given().contentType(ContentType.JSON).queryParam("lang", "en").body(body).post(path).then()
                        .statusCode(400)
                        .body(not(containsString("`"))).body(not(containsString("StreamReadConstraints")))
                        .body(not(containsString("com.fasterxml"))).body(not(containsString("io.nqpf")));
            }
        }
    }

    private static double metric(String name) {
        return given().get("/q/metrics").asString().lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
