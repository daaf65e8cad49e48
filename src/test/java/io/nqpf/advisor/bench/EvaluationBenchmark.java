package io.nqpf.advisor.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.nqpf.advisor.engine.Evaluation;
import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.report.Report;
import io.nqpf.advisor.report.ReportAssembler;
import io.nqpf.advisor.report.SummaryAssembler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * In-process evaluations per second on one thread (so per core), over the bundled examples in turn.
 * Run: {@code ./mvnw -q -Pbench} (see docs/performance.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(1)
public class EvaluationBenchmark {

    private Ruleset ruleset;
    private ProfileReader reader;
    private ObjectMapper json;
    private List<byte[]> bodies;
    private List<RegionProfile> profiles;
    private int next;

    @Setup
    public void setUp() throws IOException {
        Fixture f = Fixture.load();
        ruleset = f.ruleset();
        reader = f.reader();
        json = f.json();
        bodies = f.bodies();
        profiles = f.profiles();

    }

    /** The rules alone: both passes of {@link Evaluator} (what the full view needs). */
    @Benchmark
    public Evaluation evaluate() {
        return Evaluator.evaluate(profiles.get(next++ % profiles.size()), ruleset);
    }

    /** The rules without the what-if pass (what the summary view needs). */
    @Benchmark
    public Evaluation evaluateRealPassOnly() {
        return Evaluator.evaluate(profiles.get(next++ % profiles.size()), ruleset, false);
    }

    /** What a full-view request costs besides HTTP: read and validate, evaluate, rank and word, write JSON. */
    @Benchmark
    public byte[] endToEnd() throws IOException {
        return json.writeValueAsBytes(full(bodies.get(next++ % bodies.size())));
    }

    /** The same for {@code view=summary}: one rules pass, no wording. */
    @Benchmark
    public byte[] endToEndSummary() throws IOException {
        byte[] body = bodies.get(next++ % bodies.size());
        RegionProfile profile = reader.read(body, RegionProfile.class);
        return json.writeValueAsBytes(SummaryAssembler.assemble(profile, Evaluator.evaluate(profile, ruleset, false),
                ReportAssembler.DEFAULT_LIMIT, false, false));
    }

    /** A full-view request answered gzip-compressed at the service's level (quarkus.http.compression-level=1). */
    @Benchmark
    public byte[] endToEndGzip() throws IOException {
        return CpuTimeComparison.gzip(json.writeValueAsBytes(full(bodies.get(next++ % bodies.size()))), 1);
    }

    /** One line of an NDJSON batch of full reports: what the service does per profile, written to a stream. */
    @Benchmark
    public int ndjsonLine() throws IOException {
        CountingStream sink = new CountingStream();
        sink.write(json.writeValueAsBytes(full(bodies.get(next++ % bodies.size()))));
        sink.write('\n');
        return sink.count;
    }

    private Report full(byte[] body) {
        RegionProfile profile = reader.read(body, RegionProfile.class);
        return ReportAssembler.assemble(profile, Evaluator.evaluate(profile, ruleset), Language.ZH_CN, false);
    }

    /** Counts what is written, as a socket would take it, without holding it. */
    private static final class CountingStream extends OutputStream {
        int count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
