package io.nqpf.advisor.bench;

import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.profile.RegionProfile;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * The rules' passes before and after the per-ruleset stage-decider index and session pool (docs/performance.md,
 * "Passes per view"), as {@link CpuTimeComparison} measures: alternately in blocks on one thread, in that thread's
 * CPU time. "Before" is the same ruleset made with the public constructor, which has neither index nor pool.
 * Run: {@code ./mvnw -q -Pbench -Dbench.main=io.nqpf.advisor.bench.PassesComparison -Dbench.args=} (or {@code java}
 * with the test classpath, docs/performance.md).
 */
public final class PassesComparison {

    private static final int ROUNDS = Integer.getInteger("rounds", 30);
    private static final int BLOCK = Integer.getInteger("block", 50);

    private PassesComparison() {
    }

    public static void main(String[] args) throws IOException {
        Fixture f = Fixture.load();
        Ruleset after = f.ruleset();
        Ruleset before = new Ruleset(after.kieBase(), after.catalog(), after.version(), after.sha256(),
                after.loadedAt(), after.files(), after.rules(), after.rulesByName(), after.citations(),
                after.documents());
        RegionProfile coal = example(f, "declining-coal-city");
        RegionProfile sparse = example(f, "sparse-profile");
        compare("sparse profile, full view (settling, real, what-if, stage deciders)",
                () -> Evaluator.evaluate(sparse, before, true), () -> Evaluator.evaluate(sparse, after, true));
        compare("sparse profile, summary (settling, real)",
                () -> Evaluator.evaluate(sparse, before, false), () -> Evaluator.evaluate(sparse, after, false));
        compare("coal city, full view (real, what-if)",
                () -> Evaluator.evaluate(coal, before, true), () -> Evaluator.evaluate(coal, after, true));
        compare("coal city, summary (real)",
                () -> Evaluator.evaluate(coal, before, false), () -> Evaluator.evaluate(coal, after, false));
    }

    private static RegionProfile example(Fixture f, String name) throws IOException {
        return f.reader().read(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("examples", name + ".json")),
                RegionProfile.class);
    }

    private static void compare(String name, Supplier<Object> a, Supplier<Object> b) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < ROUNDS * BLOCK; i++) {
            a.get();
            b.get();
        }
        double[] ta = new double[ROUNDS];
        double[] tb = new double[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            ta[r] = block(cpu, a);
            tb[r] = block(cpu, b);
        }
        double ma = median(ta);
        double mb = median(tb);
        System.out.printf("%-72s %8.1f µs | %8.1f µs; after/before %.2f%n", name, ma, mb, mb / ma);
    }

    private static double block(ThreadMXBean cpu, Supplier<Object> op) {
        long start = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < BLOCK; i++) {
            op.get();
        }
        return (cpu.getCurrentThreadCpuTime() - start) / 1000.0 / BLOCK;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
