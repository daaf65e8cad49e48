package io.nqpf.advisor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.report.ReportAssembler;
import io.nqpf.advisor.report.SummaryAssembler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Before/after comparisons that hold on a busy machine: each pair of variants runs alternately in blocks on one
 * thread, and each block is timed in the thread's own CPU time, so that time spent waiting for a core while other
 * processes run does not count. Prints the median microseconds per operation of each variant and their ratio.
 * Run: {@code ./mvnw -q -Pbench -Dbench.main=io.nqpf.advisor.bench.CpuTimeComparison -Dbench.args=} (see
 * docs/performance.md); arguments pick the pairs whose name contains one of them ({@code passes}). JMH
 * ({@link EvaluationBenchmark}) gives the absolute rates on a quiet machine.
 */
public final class CpuTimeComparison {

    private static final int ROUNDS = Integer.getInteger("rounds", 40);
    private static final int BLOCK = Integer.getInteger("block", 100);

    private interface Op {
        Object run() throws IOException;
    }

    private final Ruleset ruleset;
    private final ProfileReader reader;
    private final ObjectMapper json;
    private final List<byte[]> bodies;
    private final List<RegionProfile> profiles;
    private int next;

    private CpuTimeComparison() throws IOException {
        Fixture f = Fixture.load();
        ruleset = f.ruleset();
        reader = f.reader();
        json = f.json();
        bodies = f.bodies();
        profiles = f.profiles();
    }

    public static void main(String[] args) throws IOException {
        CpuTimeComparison c = new CpuTimeComparison();
        Map<String, Op[]> pairs = new LinkedHashMap<>();
        pairs.put("rules: both passes | real pass only (summary)", new Op[] {
                () -> Evaluator.evaluate(c.profile(), c.ruleset, true),
                () -> Evaluator.evaluate(c.profile(), c.ruleset, false)});
        // the same ruleset made with the public constructor: no stage-decider index, no session pool (issue 20)
        Ruleset plain = new Ruleset(c.ruleset.kieBase(), c.ruleset.catalog(), c.ruleset.version(), c.ruleset.sha256(),
                c.ruleset.loadedAt(), c.ruleset.files(), c.ruleset.rules(), c.ruleset.rulesByName(),
                c.ruleset.citations(), c.ruleset.documents());
        for (String example : List.of("sparse-profile", "declining-coal-city")) {
            RegionProfile p = c.reader.read(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("examples",
                    example + ".json")), RegionProfile.class);
            for (boolean whatIf : new boolean[] {true, false}) {
                pairs.put("passes, " + example + (whatIf ? ", full view" : ", summary")
                        + ": new sessions, a session per stage try | index and pool", new Op[] {
                                () -> Evaluator.evaluate(p, plain, whatIf), () -> Evaluator.evaluate(p, c.ruleset, whatIf)});
            }
        }
        pairs.put("request without HTTP: full report | summary view", new Op[] {c::full, c::summary});
        pairs.put("full report: JSON | JSON gzip-compressed (level 6)", new Op[] {c::full, () -> c.fullGzip(6)});
        pairs.put("full report gzip-compressed: level 6 | level 1", new Op[] {() -> c.fullGzip(6), () -> c.fullGzip(1)});
        for (Map.Entry<String, Op[]> pair : pairs.entrySet()) {
            // arguments, when given, pick the pairs whose name contains one of them
            if (args.length > 0 && Arrays.stream(args).noneMatch(pair.getKey()::contains)) {
                continue;
            }
            c.compare(pair.getKey(), pair.getValue()[0], pair.getValue()[1]);
        }
    }

    private void compare(String name, Op a, Op b) throws IOException {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < ROUNDS / 2 * BLOCK; i++) {
            a.run();
            b.run();
        }
        double[] ta = new double[ROUNDS];
        double[] tb = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            ta[r] = block(cpu, a);
            tb[r] = block(cpu, b);
        }
        double ma = median(ta);
        double mb = median(tb);
        System.out.printf("%-60s %9.1f µs | %9.1f µs per op (CPU time, median of %d blocks of %d); after/before %.2f%n",
                name, ma, mb, ROUNDS, BLOCK, mb / ma);
    }

    private static double block(ThreadMXBean cpu, Op op) throws IOException {
        long start = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < BLOCK; i++) {
            op.run();
        }
        return (cpu.getCurrentThreadCpuTime() - start) / 1000.0 / BLOCK;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private RegionProfile profile() {
        return profiles.get(next++ % profiles.size());
    }

    private byte[] body() {
        return bodies.get(next++ % bodies.size());
    }

    private byte[] full() throws IOException {
        RegionProfile profile = reader.read(body(), RegionProfile.class);
        return json.writeValueAsBytes(ReportAssembler.assemble(profile, Evaluator.evaluate(profile, ruleset),
                Language.ZH_CN, false));
    }

    private byte[] summary() throws IOException {
        RegionProfile profile = reader.read(body(), RegionProfile.class);
        return json.writeValueAsBytes(SummaryAssembler.assemble(profile, Evaluator.evaluate(profile, ruleset, false),
                ReportAssembler.DEFAULT_LIMIT, false, false));
    }

    private byte[] fullGzip(int level) throws IOException {
        return gzip(full(), level);
    }

    /** What Vert.x does for a client that accepts gzip, at {@code quarkus.http.compression-level}. */
    static byte[] gzip(byte[] bytes, int level) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(level);
            }
        }) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
