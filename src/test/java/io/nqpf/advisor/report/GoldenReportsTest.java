package io.nqpf.advisor.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The same input gives the same answer in any JVM: every example's full report, in both languages, equals the golden
 * file committed in {@code rules/tests/golden/} byte for byte, and a freshly started JVM (with its own hash salt, so
 * that any iteration over {@code Map.of}/{@code Set.of} shows) gives the same reports as this one; the committed files
 * were written by yet another JVM.
 * <p>
 * After a change that is meant to change answers, rewrite the golden files and review their diff:
 * {@code QUARKUS_HTTP_TEST_PORT=0 ./mvnw -q test -Dtest=GoldenReportsTest -Dgolden.update=true}.
 */
class GoldenReportsTest {

    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final String HOW = "; if the change of answer is meant, rewrite the golden files with "
            + "-Dgolden.update=true (see docs/rule-authoring.md) and review their diff";

    @TestFactory
    Stream<DynamicTest> everyExampleMatchesItsGoldenReport() throws IOException {
        Map<String, String> reports = GoldenReports.all();
        if (UPDATE) {
            write(reports);
        }
        List<DynamicTest> tests = new ArrayList<>();
        reports.forEach((name, text) -> tests.add(DynamicTest.dynamicTest(name, () -> {
            Path golden = GoldenReports.DIR.resolve(name);
            assertTrue(Files.exists(golden), golden + " is missing" + HOW);
            String expected = Files.readString(golden);
            if (!expected.equals(text)) {
                fail(name + " differs from its golden report at line " + firstDifference(expected, text) + HOW);
            }
        })));
        tests.add(DynamicTest.dynamicTest("no golden report without its example", () -> {
            try (Stream<Path> files = Files.list(GoldenReports.DIR)) {
                List<String> stale = files.map(p -> p.getFileName().toString())
                        .filter(n -> !reports.containsKey(n)).sorted().toList();
                assertEquals(List.of(), stale, "golden files without an example" + HOW);
            }
        }));
        return tests.stream();
    }

    @Test
    void aFreshJvmGivesTheSameReportsAsThisOne() throws Exception {
        Map<String, String> here = GoldenReports.all();
        Map<String, String> there = inFreshJvm();
        assertEquals(here.keySet(), there.keySet());
        for (String name : here.keySet()) {
            assertEquals(here.get(name), there.get(name),
                    name + " differs in a fresh JVM: an iteration order that changes with the JVM reaches the answer");
        }
    }

    private static Map<String, String> inFreshJvm() throws Exception {
        Path out = Files.createTempFile("golden-", ".txt");
        try {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            // C1 only, as this JVM (pom.xml, argLine): one build and 20 reports are too short to repay C2
            Process process = new ProcessBuilder(java.toString(), "-Xshare:off", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), GoldenReports.class.getName(), out.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail("the second JVM did not finish within 10 minutes");
            }
            assertEquals(0, process.exitValue(), "the second JVM failed");
            return parse(Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Map<String, String> parse(String dump) {
        Map<String, String> reports = new LinkedHashMap<>();
        String name = null;
        StringBuilder text = new StringBuilder();
        for (String line : dump.split("\n", -1)) {
            if (line.startsWith("### ")) {
                if (name != null) {
                    reports.put(name, text.toString());
                }
                name = line.substring(4);
                text.setLength(0);
            } else if (name != null) {
                text.append(line).append('\n');
            }
        }
        if (name != null) {
            reports.put(name, text.substring(0, Math.max(0, text.length() - 1)));
        }
        return reports;
    }

    private static void write(Map<String, String> reports) throws IOException {
        Files.createDirectories(GoldenReports.DIR);
        try (Stream<Path> files = Files.list(GoldenReports.DIR)) {
            for (Path p : files.toList()) {
                if (!reports.containsKey(p.getFileName().toString())) {
                    Files.delete(p);
                }
            }
        }
        for (var e : reports.entrySet()) {
            Files.writeString(GoldenReports.DIR.resolve(e.getKey()), e.getValue());
        }
    }

    private static int firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                return i + 1;
            }
        }
        return Math.min(x.length, y.length) + 1;
    }
}
