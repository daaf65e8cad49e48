package io.nqpf.advisor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.nqpf.advisor.support.Contract;
import io.nqpf.advisor.support.Examples;
import io.nqpf.advisor.support.StoreProfile;
import io.nqpf.advisor.support.TempRulesProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rule authors' lifecycle: inspect, validate, reload without a restart, never lose the last good ruleset. It runs in
 * the service the assessment tests start (their profile adds a planner and the decision log to the private copy of
 * the rules this class needs), so that the suite starts the service once for both.
 */
@QuarkusTest
@TestProfile(StoreProfile.class)
class RulesetLifecycleTest {

    private static final Path DRL = TempRulesProfile.DIR.resolve("institutional-reform.drl");
    private static final Path VERSION = TempRulesProfile.DIR.resolve("VERSION");
    private static final String TYPO_RULE = """
            package rules.draft;
            import io.nqpf.advisor.engine.facts.*;
            global io.nqpf.advisor.engine.facts.Findings findings;

            rule "Draft: misspelt threshold"
                @kind(diagnosis)
            when
                Evidence( id == "RD_LOWW" )
            then
                findings.bottleneck(kcontext, "B-INST-MARKET");
            end
            """;

    private final String originalDrl = read(DRL);
    private final String originalVersion = read(VERSION);

    /** What the service served before any test of this class changed it. */
    private static String servedAtStart;

    @BeforeEach
    void rememberWhatIsServed() {
        if (servedAtStart == null) {
            servedAtStart = served();
        }
    }

    /** The files as they were, and the ruleset they build served again; a ruleset build only where a test changed it. */
    @AfterEach
    void restore() throws Exception {
        Files.writeString(DRL, originalDrl);
        Files.writeString(VERSION, originalVersion);
        Files.deleteIfExists(TempRulesProfile.DIR.resolve("draft.drl"));
        if (!servedAtStart.equals(served())) {
            admin().post("/api/v1/ruleset/reload").then().statusCode(200);
        }
        assertEquals(servedAtStart, served());
    }

    private static String served() {
        return given().get("/api/v1/ruleset").then().statusCode(200).extract().path("sha256");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().filter(Contract.validated()).auth().preemptive().basic("admin", TempRulesProfile.PASSWORD)
                .contentType(ContentType.JSON);
    }

    @Test
    void rulesetDescribesEveryRuleWithItsFileAndIds() {
        given().filter(Contract.validated()).get("/api/v1/ruleset").then().statusCode(200)
                .body("sha256", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                .body("rules.size()", greaterThan(100))
                .body("files", hasItem("institutional-reform.drl"))
                .body("rules.find { it.name == 'C-INST-BIZENV answers market obstacles' }.file",
                        equalTo("institutional-reform.drl"))
                .body("rules.find { it.name == 'C-INST-BIZENV answers market obstacles' }.ids",
                        equalTo(List.of("B-INST-MARKET", "C-INST-BIZENV")));
    }

    @Test
    void validationReportsFileLineAndColumnAndActivatesNothing() {
        String before = given().get("/api/v1/ruleset").then().extract().path("version");
        admin().body(java.util.Map.of("files", java.util.Map.of("draft.drl", TYPO_RULE)))
                .post("/api/v1/ruleset/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors[0].file", equalTo("draft.drl"))
                .body("errors[0].line", equalTo(8))
                .body("errors[0].column", equalTo(22))
                .body("errors[0].message", containsString("RD_LOWW"));
        admin().body(java.util.Map.of("files", java.util.Map.of("draft.drl", TYPO_RULE.replace("RD_LOWW", "RD_LOW"))))
                .post("/api/v1/ruleset/validate").then().statusCode(200).body("valid", equalTo(true));
        given().get("/api/v1/ruleset").then().body("version", equalTo(before)).body("files", not(hasItem("draft.drl")));
    }

    @Test
    void drlSyntaxErrorsCarryTheirLine() {
        String broken = originalDrl.replace("rule \"B-INST-TALENT: population shrinking, few graduates\"\n    @kind(diagnosis)\nwhen",
                "rule \"B-INST-TALENT: population shrinking, few graduates\"\n    @kind(diagnosis)\nwhen\n    Evidence( id == )");
        admin().body(java.util.Map.of("files", java.util.Map.of("institutional-reform.drl", broken)))
                .post("/api/v1/ruleset/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors[0].file", equalTo("institutional-reform.drl"))
                .body("errors[0].line", equalTo(56))
                .body("errors[0].column", equalTo(21));
    }

    @Test
    void validationRefusesPathsOutsideTheRulesDirectory() {
        admin().body(java.util.Map.of("files", java.util.Map.of("../etc/passwd.drl", "x")))
                .post("/api/v1/ruleset/validate").then().statusCode(400)
                .body("violations[0].field", equalTo("files.../etc/passwd.drl"));
    }

    @Test
    void reloadAndValidateNeedTheAdminPassword() {
        for (String path : List.of("/api/v1/ruleset/reload", "/api/v1/ruleset/validate")) {
            given().filter(Contract.responsesOnly()).contentType(ContentType.JSON).post(path).then().statusCode(401)
                    .contentType(Problem.MEDIA_TYPE).header("WWW-Authenticate", containsString("Basic"));
            given().filter(Contract.responsesOnly()).auth().preemptive().basic("admin", "wrong")
                    .contentType(ContentType.JSON).post(path).then().statusCode(401);
            given().filter(Contract.responsesOnly()).auth().preemptive().basic("root", TempRulesProfile.PASSWORD)
                    .contentType(ContentType.JSON).post(path).then().statusCode(401);
        }
        // a good login clears the failures, so that the other tests of this class are not throttled; this request is
        // refused after the login (a path outside the rules directory), so that it costs no ruleset build
        admin().body(java.util.Map.of("files", java.util.Map.of("../x.drl", "x"))).post("/api/v1/ruleset/validate")
                .then().statusCode(400);
    }

    @Test
    void aBrokenReloadIsRefusedWithItsLinesAndTheLastGoodRulesetKeepsServing() throws Exception {
        String before = given().get("/api/v1/ruleset").then().extract().path("version");
        Files.writeString(TempRulesProfile.DIR.resolve("draft.drl"), TYPO_RULE);
        admin().post("/api/v1/ruleset/reload").then().statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].file", equalTo("draft.drl"))
                .body("errors[0].line", equalTo(8))
                .body("detail", containsString(before));
        given().get("/api/v1/ruleset").then().body("version", equalTo(before));
        given().contentType(ContentType.JSON).body(Examples.read("declining-coal-city.json"))
                .post("/api/v1/recommendations").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void aGoodReloadTakesEffectWithoutARestart() throws Exception {
        String coal = Examples.read("declining-coal-city.json");
        given().contentType(ContentType.JSON).body(coal).post("/api/v1/recommendations").then()
                .body("bottlenecks.id", hasItem("B-INST-MARKET"));
        String before = given().get("/api/v1/ruleset").then().extract().path("version");
        // a rule author retires the first market rule and bumps the version
        Files.writeString(DRL, originalDrl.replace("findings.bottleneck(kcontext, \"B-INST-MARKET\");",
                "// retired"));
        Files.writeString(VERSION, "1.0.1\n");
        String after = admin().post("/api/v1/ruleset/reload").then().statusCode(200).extract().path("version");
        assertNotEquals(before, after);
        given().get("/api/v1/ruleset").then().body("version", equalTo(after));
        given().contentType(ContentType.JSON).body(coal).post("/api/v1/recommendations").then()
                .body("ruleset.version", equalTo(after))
                .body("bottlenecks.id", not(hasItem("B-INST-MARKET")));
    }

    @Test
    void evaluationsInFlightDuringReloadsAllSucceed() throws Exception {
        String coal = Examples.read("declining-coal-city.json");
        // three clients keep evaluations in flight without starving the builds of the 2 cores a CI machine may have
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicBoolean reloading = new AtomicBoolean(true);
        java.util.Set<String> answeredBy = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Future<List<String>>> clients = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            clients.add(pool.submit(() -> {
                List<String> versions = new ArrayList<>();
                while (reloading.get()) {
                    var response = given().contentType(ContentType.JSON).body(coal).post("/api/v1/recommendations")
                            .then().extract();
                    assertEquals(200, response.statusCode());
                    String version = response.path("ruleset.version");
                    versions.add(version);
                    answeredBy.add(version);
                }
                return versions;
            }));
        }
        // two good reloads with a broken one between them, evaluations in flight through all three builds; after
        // each good one the clients go on until one of them is answered by the new version (or one of them fails)
        List<String> activated = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Files.writeString(VERSION, "1.0." + (10 + i) + "\n");
            String version = admin().post("/api/v1/ruleset/reload").then().statusCode(200).extract().path("version");
            activated.add(version);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> answeredBy.contains(version) || clients.stream().anyMatch(Future::isDone));
            if (i == 0) {
                Files.writeString(TempRulesProfile.DIR.resolve("draft.drl"), TYPO_RULE);
                admin().post("/api/v1/ruleset/reload").then().statusCode(422);
                Files.delete(TempRulesProfile.DIR.resolve("draft.drl"));
            }
        }
        reloading.set(false);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Future<List<String>> f : clients) {
            seen.addAll(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        // evaluations overlapped the reloads: they were answered by each of the versions activated meanwhile
        org.junit.jupiter.api.Assertions.assertTrue(seen.containsAll(activated),
                "evaluations saw versions " + seen + ", not all of the " + activated + " activated during the run");
    }
}
