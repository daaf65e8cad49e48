package io.nqpf.advisor.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nqpf.advisor.engine.Evaluation;
import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.engine.RuleSources;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.engine.RulesetBuilder;
import io.nqpf.advisor.knowledge.CitationCheck;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.report.ReportAssembler;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
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
        // as in the service (quarkus.log.category."org.drools".level=WARN): no engine trace logging
        Logger.getLogger("org.drools").setLevel(java.util.logging.Level.WARNING);
        Logger.getLogger("org.kie").setLevel(java.util.logging.Level.WARNING);
        ruleset = RulesetBuilder.build(RuleSources.read(Path.of("rules")), CitationCheck.textsDirFromEnvironment())
                .ruleset();
        reader = new ProfileReader(Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
        json = new ObjectMapper().findAndRegisterModules().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        try (Stream<Path> files = Files.list(Path.of("examples"))) {
            bodies = files.filter(p -> p.toString().endsWith(".json")).sorted().map(p -> {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
        profiles = bodies.stream().map(b -> reader.read(b, RegionProfile.class)).toList();
    }

    /** The rules alone: both passes of {@link Evaluator}. */
    @Benchmark
    public Evaluation evaluate() {
        return Evaluator.evaluate(profiles.get(next++ % profiles.size()), ruleset);
    }

    /** What a request costs besides HTTP: read and validate, evaluate, rank and word, write JSON. */
    @Benchmark
    public byte[] endToEnd() throws IOException {
        byte[] body = bodies.get(next++ % bodies.size());
        RegionProfile profile = reader.read(body, RegionProfile.class);
        return json.writeValueAsBytes(ReportAssembler.assemble(profile, Evaluator.evaluate(profile, ruleset),
                Language.ZH_CN, false));
    }
}
