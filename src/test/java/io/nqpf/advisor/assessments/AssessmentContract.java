package io.nqpf.advisor.assessments;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nqpf.advisor.support.Contract;
import io.nqpf.advisor.support.Examples;
import io.nqpf.advisor.support.StoreProfile;
import io.nqpf.advisor.support.TempRulesProfile;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What a planner relies on, run against each database: saving, the link, listing, annotating, deleting (soft and
 * audited), who may do what, replay after a rules change, the problem list across three years with each state,
 * concurrent saves, and the decision log.
 */
public abstract class AssessmentContract {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    Store store;

    /** The database these tests must run against: {@link Store#EMBEDDED} or {@link Store#POSTGRESQL}. */
    abstract String expectedKind();

    @Test
    void theStoreIsTheExpectedDatabaseAndReadinessNamesIt() {
        assertEquals(expectedKind(), store.kind());
        // the store is reached once the service listens, on a thread of its own (Store.reach), without a save
        await("the store reached after the start").atMost(Duration.ofMinutes(2)).until(() -> store.down() == null);
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'assessment-store' }.data.kind", equalTo(expectedKind()))
                .body("checks.find { it.name == 'assessment-store' }.data.store", equalTo("UP"));
    }

    static RequestSpecification planner() {
        return planner("en");
    }

    static RequestSpecification planner(String lang) {
        return given().filter(Contract.validated()).auth().preemptive().basic("planner", StoreProfile.PLANNER_PASSWORD)
                .contentType(ContentType.JSON).queryParam("lang", lang);
    }

    static RequestSpecification admin() {
        return given().filter(Contract.validated()).auth().preemptive().basic("admin", TempRulesProfile.PASSWORD)
                .contentType(ContentType.JSON);
    }

    static String region() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The mid-size inland example as region {@code regionId} in {@code year}, with some values set or removed. */
    static ObjectNode profile(String regionId, int year, Map<String, Object> values) {
        try {
            ObjectNode p = (ObjectNode) JSON.readTree(Examples.read("mid-size-inland-city.json"));
            p.put("regionId", regionId);
            p.put("year", year);
            values.forEach((path, v) -> {
                String[] parts = path.split("\\.");
                ObjectNode group = p.with(parts[0]);
                if (v == null) {
                    group.remove(parts[1]);
                } else {
                    group.set(parts[1], JSON.valueToTree(v));
                }
            });
            return p;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(ObjectNode profile, String title) {
        ObjectNode body = JSON.createObjectNode();
        body.set("profile", profile);
        if (title != null) {
            body.put("title", title);
        }
        return body.toString();
    }

    static Response save(ObjectNode profile, String title) {
        return planner().body(body(profile, title)).post("/api/v1/assessments");
    }

    @Test
    void aSavedAssessmentReadsBackByItsLinkWithTheProfileAsSentAndTheReportAsAnswered() throws Exception {
        String regionId = region();
        ObjectNode profile = profile(regionId, 2023, Map.of());
        Response saved = save(profile, "2023 check-up");
        saved.then().statusCode(201).header("Location", containsString("/api/v1/assessments/"));
        String id = saved.path("id");
        String location = saved.header("Location");
        assertTrue(location.endsWith("/api/v1/assessments/" + id), location);
        assertEquals("/#/assessments/" + id, saved.path("link"));

        Response read = planner().get("/api/v1/assessments/" + id);
        read.then().statusCode(200).body("title", equalTo("2023 check-up")).body("savedBy", equalTo("planner"))
                .body("regionId", equalTo(regionId)).body("year", equalTo(2023)).body("revision", equalTo(1));
        JsonNode answer = JSON.readTree(read.asString());
        assertEquals(profile, answer.get("profile"), "the profile as sent");
        JsonNode report = JSON.readTree(saved.asString()).get("report");
        assertEquals(report, answer.get("report"), "the report as answered");
        assertEquals(report.get("decisionId").asText(), answer.get("decisionId").asText());
        assertEquals(report.get("ruleset"), answer.get("ruleset"));
        assertEquals(JSON.readTree(saved.asString()).get("savedAt"), answer.get("savedAt"));
        assertFalse(report.get("bottlenecks").isEmpty());
    }

    @Test
    void theListNarrowsByRegionYearAndUserNewestFirst() {
        String regionId = region();
        String older = save(profile(regionId, 2022, Map.of()), "a").then().statusCode(201).extract().path("id");
        String newer = save(profile(regionId, 2023, Map.of()), "b").then().statusCode(201).extract().path("id");
        planner().queryParam("regionId", regionId).get("/api/v1/assessments").then().statusCode(200)
                .body("total", equalTo(2)).body("assessments.id", equalTo(List.of(newer, older)))
                .body("assessments[0].link", equalTo("/#/assessments/" + newer))
                .body("assessments[0].profile", nullValue());
        planner().queryParam("regionId", regionId).queryParam("year", 2022).get("/api/v1/assessments").then()
                .statusCode(200).body("assessments.id", equalTo(List.of(older)));
        planner().queryParam("regionId", regionId).queryParam("savedBy", "someone-else").get("/api/v1/assessments")
                .then().statusCode(200).body("total", equalTo(0));
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        planner().queryParam("regionId", regionId).queryParam("from", today).queryParam("to", today)
                .get("/api/v1/assessments").then().statusCode(200).body("total", equalTo(2));
        given().filter(Contract.responsesOnly()).auth().preemptive().basic("planner", StoreProfile.PLANNER_PASSWORD)
                .queryParam("from", "yesterday").queryParam("lang", "en").get("/api/v1/assessments").then()
                .statusCode(400).body("violations[0].field", equalTo("from"));
    }

    @Test
    void annotationsAndDeletionAreAuditedAndADeletedAssessmentIsGoneFromEveryView() {
        String regionId = region();
        String id = save(profile(regionId, 2023, Map.of()), null).then().statusCode(201).extract().path("id");
        planner().body("{\"note\": \"reviewed with the district\"}").patch("/api/v1/assessments/" + id).then()
                .statusCode(200).body("note", equalTo("reviewed with the district")).body("title", nullValue())
                .body("revision", equalTo(2)).body("updatedBy", equalTo("planner"));
        planner().body("{\"title\": \"final\"}").patch("/api/v1/assessments/" + id).then().statusCode(200)
                .body("note", equalTo("reviewed with the district")).body("title", equalTo("final"));
        given().filter(Contract.responsesOnly()).auth().preemptive().basic("planner", StoreProfile.PLANNER_PASSWORD)
                .contentType(ContentType.JSON).queryParam("lang", "en").body("{\"report\": {}}")
                .patch("/api/v1/assessments/" + id).then().statusCode(400).body("violations[0].field", equalTo("report"));

        planner().delete("/api/v1/assessments/" + id).then().statusCode(204);
        planner().get("/api/v1/assessments/" + id).then().statusCode(404)
                .body("type", equalTo("urn:nqpf-advisor:problem:assessment-not-found"));
        planner().queryParam("regionId", regionId).get("/api/v1/assessments").then().body("total", equalTo(0));
        planner().delete("/api/v1/assessments/" + id).then().statusCode(404);

        List<String> audit = store.run(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT action, actor FROM assessment_audit WHERE assessment_id = ? ORDER BY id")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1) + ":" + rs.getString(2));
                    }
                }
            }
            return out;
        });
        assertEquals(List.of("CREATE:planner", "ANNOTATE:planner", "ANNOTATE:planner", "DELETE:planner"), audit);
        // soft: the row is kept, marked with who deleted it
        String deletedBy = store.run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT deleted_by FROM assessment WHERE id = ?")) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        assertEquals("planner", deletedBy);
    }

    @Test
    void evaluationStaysOpenWhileAssessmentsNeedAPlanner() {
        String regionId = region();
        String body = body(profile(regionId, 2023, Map.of()), null);
        given().contentType(ContentType.JSON).body(profile(regionId, 2023, Map.of()).toString())
                .post("/api/v1/recommendations").then().statusCode(200);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/assessments").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"));
        given().get("/api/v1/assessments").then().statusCode(401);
        given().auth().preemptive().basic("planner", "wrong").get("/api/v1/assessments").then().statusCode(401);
        // the administrator reads and deletes but does not save or annotate: that is a planner's work
        admin().queryParam("lang", "en").body(body).post("/api/v1/assessments").then().statusCode(403);
        String id = save(profile(regionId, 2023, Map.of()), null).then().statusCode(201).extract().path("id");
        admin().get("/api/v1/assessments/" + id).then().statusCode(200);
        admin().body("{\"note\": \"x\"}").patch("/api/v1/assessments/" + id).then().statusCode(403);
        given().delete("/api/v1/assessments/" + id).then().statusCode(401);
        // a planner may not reload rules
        given().auth().preemptive().basic("planner", StoreProfile.PLANNER_PASSWORD).contentType(ContentType.JSON)
                .post("/api/v1/ruleset/reload").then().statusCode(403);
        admin().delete("/api/v1/assessments/" + id).then().statusCode(204);
    }

    @Test
    @TestSecurity(user = "another-planner", roles = "planner")
    void onlyThePlannerWhoSavedItOrTheAdministratorDeletesAnAssessment() {
        // saved by user planner (Basic credentials replace the test identity only where they are sent)
        String id = given().auth().preemptive().basic("planner", StoreProfile.PLANNER_PASSWORD)
                .contentType(ContentType.JSON).body(body(profile(region(), 2023, Map.of()), null))
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        given().get("/api/v1/assessments/" + id).then().statusCode(200).body("savedBy", equalTo("planner"));
        given().delete("/api/v1/assessments/" + id).then().statusCode(403);
        given().auth().preemptive().basic("planner", StoreProfile.PLANNER_PASSWORD).delete("/api/v1/assessments/" + id)
                .then().statusCode(204);
    }

    /** Fiscal self-sufficiency down to 20% and 40% old housing: the region needs urban renewal it cannot pay for. */
    static final Map<String, Object> RENEWAL_NEED = Map.of("fiscal.fiscalSelfSufficiencyPct", 20.0,
            "urbanFunction.oldHousingSharePct", 40.0);

    @Test
    void aReplayShowsWhatARulesChangeMovedAndTheSavedReportStaysAsItWas() throws Exception {
        String regionId = region();
        ObjectNode profile = profile(regionId, 2023, RENEWAL_NEED);
        Response saved = save(profile, null);
        String id = saved.then().statusCode(201).extract().path("id");
        JsonNode report = JSON.readTree(saved.asString()).get("report");

        planner().post("/api/v1/assessments/" + id + "/replay").then().statusCode(200)
                .body("rulesetChanged", equalTo(false)).body("changes.resolved", equalTo(List.of()))
                .body("changes.new", equalTo(List.of()));

        // the rules change: old housing counts from 60% instead of 20%
        Path thresholds = TempRulesProfile.DIR.resolve("thresholds.yaml");
        String original = Files.readString(thresholds);
        String old = "    indicator: urbanFunction.oldHousingSharePct\n    comparison: \">\"\n    threshold: 20\n";
        assertTrue(original.contains(old));
        try {
            Files.writeString(thresholds, original.replace(old, old.replace("threshold: 20", "threshold: 60")));
            admin().post("/api/v1/ruleset/reload").then().statusCode(200);
            JsonNode fresh = JSON.readTree(given().contentType(ContentType.JSON).body(profile.toString())
                    .queryParam("limit", "all").post("/api/v1/recommendations").asString());
            Map<String, Double> before = severities(report.get("bottlenecks"));
            Map<String, Double> after = severities(fresh.get("bottlenecks"));
            assertNotEquals(before, after, "the rules change moves this region's diagnosis");

            JsonNode replay = JSON.readTree(planner().post("/api/v1/assessments/" + id + "/replay").then()
                    .statusCode(200).extract().asString());
            assertTrue(replay.get("rulesetChanged").asBoolean());
            assertEquals(report.get("ruleset").get("sha256"), replay.get("saved").get("sha256"));
            assertEquals(fresh.get("ruleset").get("sha256"), replay.get("replayed").get("sha256"));
            assertEquals(after, severities(replay.get("report").get("bottlenecks")));
            java.util.Set<String> resolved = new java.util.TreeSet<>(before.keySet());
            resolved.removeAll(after.keySet());
            java.util.Set<String> added = new java.util.TreeSet<>(after.keySet());
            added.removeAll(before.keySet());
            assertEquals(resolved, new java.util.TreeSet<>(ids(replay.get("changes").get("resolved"))));
            assertEquals(added, new java.util.TreeSet<>(ids(replay.get("changes").get("new"))));
            for (JsonNode p : replay.get("changes").get("persisting")) {
                String b = p.get("id").asText();
                assertEquals(after.get(b) - before.get(b), p.get("delta").asDouble(), 0.0015, b);
            }
            // never re-rendered: the saved report is the one answered then
            JsonNode again = JSON.readTree(planner().get("/api/v1/assessments/" + id).asString());
            assertEquals(report, again.get("report"));
        } finally {
            Files.writeString(thresholds, original);
            admin().post("/api/v1/ruleset/reload").then().statusCode(200);
        }
    }

    private static Map<String, Double> severities(JsonNode bottlenecks) {
        Map<String, Double> out = new java.util.TreeMap<>();
        bottlenecks.forEach(b -> out.put(b.get("id").asText(), b.get("severity").asDouble()));
        return out;
    }

    /**
     * Three years of one region: GREEN-PRESSURE persists; RENEWAL-CAPACITY is new in the latest year (its fiscal
     * self-sufficiency fell to 20% while 40% of its housing is old); DATA-SILOS is resolved (a city data platform was built); DEMOGRAPHIC-PRESSURE clears with
     * the same share of aged residents because the national share rose past it; REGIONAL-ISOLATION is no longer
     * observable (membership of a city cluster not given).
     */
    @Test
    void theProblemListFollowsEachBottleneckAcrossThreeYearsToItsState() {
        String regionId = region();
        Map<String, Object> before = new java.util.HashMap<>(Map.of("talent.agedSharePct", 15.0,
                "fiscal.fiscalSelfSufficiencyPct", 70.0, "urbanFunction.oldHousingSharePct", 10.0));
        save(profile(regionId, 2021, before), "2021").then().statusCode(201);
        save(profile(regionId, 2022, before), "2022").then().statusCode(201);
        Map<String, Object> latest = new java.util.HashMap<>();
        latest.put("talent.agedSharePct", 15.0);
        latest.putAll(RENEWAL_NEED);
        latest.put("digital.cityDataPlatform", true);
        latest.put("typology.cityClusterMember", null);
        save(profile(regionId, 2023, latest), "2023").then().statusCode(201);

        Response list = planner().get("/api/v1/regions/" + regionId + "/problems");
        list.then().statusCode(200).body("regionId", equalTo(regionId)).body("years", equalTo(List.of(2021, 2022, 2023)));
        assertEquals("PERSISTING", state(list, "B-GREEN-PRESSURE"));
        assertEquals("OPEN", state(list, "B-RENEWAL-CAPACITY"));
        assertEquals("RESOLVED", state(list, "B-DATA-SILOS"));
        assertEquals("BENCHMARK_SHIFT", state(list, "B-DEMOGRAPHIC-PRESSURE"));
        assertEquals("NOT_OBSERVABLE", state(list, "B-REGIONAL-ISOLATION"));

        String silos = "problems.find { it.id == 'B-DATA-SILOS' }";
        list.then().body(silos + ".firstSeen", equalTo(2021)).body(silos + ".lastSeen", equalTo(2022))
                .body(silos + ".resolvedBy.indicator", equalTo(List.of("digital.cityDataPlatform")))
                .body(silos + ".resolvedBy[0].before", equalTo(false))
                .body(silos + ".resolvedBy[0].after", equalTo(true))
                .body(silos + ".severityByYear.keySet()", equalTo(java.util.Set.of("2021", "2022")))
                .body(silos + ".measuresByYear.'2021'.size()", org.hamcrest.Matchers.greaterThan(0));
        String aged = "problems.find { it.id == 'B-DEMOGRAPHIC-PRESSURE' }";
        list.then().body(aged + ".resolvedBy[0].indicator", equalTo("talent.agedSharePct"))
                .body(aged + ".resolvedBy[0].before", equalTo(15.0f)).body(aged + ".resolvedBy[0].after", equalTo(15.0f));
        String cluster = "problems.find { it.id == 'B-REGIONAL-ISOLATION' }";
        list.then().body(cluster + ".resolvedBy[0].indicator", equalTo("typology.cityClusterMember"))
                .body(cluster + ".resolvedBy[0].after", nullValue());
        String open = "problems.find { it.id == 'B-RENEWAL-CAPACITY' }";
        list.then().body(open + ".firstSeen", equalTo(2023)).body(open + ".severityByYear.keySet()",
                equalTo(java.util.Set.of("2023")));

        problemListWorkbookShowsTheSameList(regionId, list);
        planner().get("/api/v1/regions/" + region() + "/problems").then().statusCode(404);
    }

    /** The same list as a workbook (format=xlsx, zh-CN): a row per problem, its state, a severity per year. */
    private void problemListWorkbookShowsTheSameList(String regionId, Response list) {
        byte[] xlsx = planner("zh-CN").queryParam("format", "xlsx")
                .get("/api/v1/regions/" + regionId + "/problems").then().statusCode(200)
                .contentType(containsString("spreadsheetml")).extract().asByteArray();
        Response zh = planner("zh-CN").get("/api/v1/regions/" + regionId + "/problems");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheet("问题清单");
            org.apache.poi.ss.usermodel.Row head = sheet.getRow(0);
            assertEquals("2021 年严重度", head.getCell(7).getStringCellValue());
            assertEquals("2023 年严重度", head.getCell(9).getStringCellValue());
            List<String> ids = zh.path("problems.id");
            assertEquals(ids.size(), sheet.getLastRowNum());
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                String id = row.getCell(2).getStringCellValue();
                String item = "problems.find { it.id == '" + id + "' }";
                assertEquals(regionId, row.getCell(0).getStringCellValue());
                assertEquals(zh.<String>path(item + ".title"), row.getCell(3).getStringCellValue());
                assertEquals(zh.<Integer>path(item + ".firstSeen").doubleValue(), row.getCell(5).getNumericCellValue());
                for (int y = 0; y < 3; y++) {
                    Number severity = zh.path(item + ".severityByYear.'" + (2021 + y) + "'");
                    org.apache.poi.ss.usermodel.Cell cell = row.getCell(7 + y);
                    if (severity == null) {
                        assertTrue(cell == null, id + " " + (2021 + y));
                    } else {
                        assertEquals(severity.doubleValue(), cell.getNumericCellValue(), 1e-6, id + " " + (2021 + y));
                    }
                }
                if (id.equals("B-DATA-SILOS")) {
                    assertEquals("已销号（有依据）", row.getCell(4).getStringCellValue());
                    assertTrue(row.getCell(10).getStringCellValue().contains("(2023)"), row.getCell(10).getStringCellValue());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String state(Response list, String id) {
        return list.path("problems.find { it.id == '" + id + "' }.state");
    }

    @Test
    void twoSavesOfTheSameRegionAndYearAtOnceBothLandAndTheProblemListCountsTheLater() throws Exception {
        String regionId = region();
        int n = 4;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> saves = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String title = "concurrent " + i;
                saves.add(pool.submit((Callable<Integer>) () -> {
                    go.await();
                    return save(profile(regionId, 2023, Map.of()), title).statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> f : saves) {
                assertEquals(201, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        Response list = planner().queryParam("regionId", regionId).get("/api/v1/assessments");
        list.then().body("total", equalTo(n));
        String newest = list.path("assessments[0].id");
        planner().get("/api/v1/regions/" + regionId + "/problems").then().statusCode(200)
                .body("assessments.'2023'", equalTo(newest));
    }

    @Test
    void everyEvaluationIsInTheDecisionLogAndAdminActionsWithTheirOutcome() {
        String regionId = region();
        Response evaluated = given().contentType(ContentType.JSON).body(profile(regionId, 2023, Map.of()).toString())
                .post("/api/v1/recommendations");
        String decisionId = evaluated.then().statusCode(200).extract().path("decisionId");
        String version = evaluated.path("ruleset.version");
        await().atMost(Duration.ofSeconds(30)).until(() -> logged(decisionId) != null);
        String[] row = logged(decisionId);
        assertEquals(version, row[0]);
        assertEquals(64, row[1].length(), "input hash");
        assertTrue(row[2].contains("B-GREEN-PRESSURE"), row[2]);

        String before = given().get("/api/v1/ruleset").path("version");
        long admins = countAdmin();
        admin().post("/api/v1/ruleset/reload").then().statusCode(200);
        admin().body("{\"files\": {\"draft.drl\": \"rule broken\"}}").post("/api/v1/ruleset/validate").then()
                .statusCode(200).body("valid", equalTo(false));
        await().atMost(Duration.ofSeconds(30)).until(() -> countAdmin() >= admins + 2);
        List<String> last = store.run(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT action, outcome, actor, ruleset_before, ruleset_after "
                    + "FROM admin_log ORDER BY id DESC")) {
                s.setMaxRows(2);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1) + ":" + rs.getString(2) + ":" + rs.getString(3) + ":"
                                + rs.getString(4) + ":" + rs.getString(5));
                    }
                }
            }
            return out;
        });
        assertEquals(List.of("validate:invalid:admin:" + before + ":" + before, "reload:ok:admin:" + before + ":" + before),
                last);
    }

    private String[] logged(String decisionId) {
        return store.run(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT ruleset_version, input_sha256, summary FROM decision_log WHERE decision_id = ?")) {
                s.setString(1, decisionId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? new String[] {rs.getString(1), rs.getString(2), rs.getString(3)} : null;
                }
            }
        });
    }

    private long countAdmin() {
        return store.run(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM admin_log");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get("id").asText()));
        return out;
    }

    @Test
    void badRequestsAreNamedProblems() {
        given().filter(Contract.responsesOnly()).auth().preemptive().basic("planner", StoreProfile.PLANNER_PASSWORD)
                .contentType(ContentType.JSON).queryParam("lang", "en")
                .body("{\"profile\": {\"regionId\": \"x\"}, \"title\": 5, \"extra\": 1}").post("/api/v1/assessments")
                .then().statusCode(400).body("violations.field", hasItem("title"))
                .body("violations.field", hasItem("extra")).body("violations.field", hasItem("profile.name"));
        assertNotEquals(0, 1);
        planner().get("/api/v1/assessments/not-an-id").then().statusCode(404);
    }
}
