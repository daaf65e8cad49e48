import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.nqpf.advisor.engine.Evaluation;
import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.engine.RuleSources;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.engine.RulesetBuilder;
import io.nqpf.advisor.knowledge.CitationCheck;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.report.Report;
import io.nqpf.advisor.report.ReportAssembler;
import jakarta.validation.Validation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * CPU time of one thread per step of a full report without HTTP (issue 20), on a packaged build's classes: read and
 * validate, evaluate, assemble, write JSON. Thread CPU time leaves out the time the thread waited for a core, so two
 * builds run at the same time on a busy machine can be compared. Run from the project directory:
 * java -cp "APP/app/*:APP/lib/main/*:APP/lib/boot/*" bench/ReportCpu.java [seconds] [profile]   (bench/report-cpu-ab.sh runs two)
 */
public class ReportCpu {

    public static void main(String[] args) throws Exception {
        Logger.getLogger("org.drools").setLevel(Level.WARNING);
        Logger.getLogger("org.kie").setLevel(Level.WARNING);
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Path example = Path.of(args.length > 1 ? args[1] : "examples/declining-coal-city.json");
        Ruleset ruleset = RulesetBuilder.build(RuleSources.read(Path.of("rules")), CitationCheck.textsDirFromEnvironment())
                .ruleset();
        ProfileReader reader = new ProfileReader(Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
        ObjectMapper json = JsonMapper.builder().findAndAddModules().serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        byte[] body = Files.readAllBytes(example);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        String[] steps = {"read", "evaluate", "assemble", "write", "total"};
        List<List<Double>> blocks = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            blocks.add(new ArrayList<>());
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long warm = System.nanoTime() + seconds * 500_000_000L; // first half warms the JIT
        int block = 200;
        while (System.nanoTime() < end) {
            long[] t = new long[4];
            for (int n = 0; n < block; n++) {
                long a = cpu.getCurrentThreadCpuTime();
                RegionProfile profile = reader.read(body, RegionProfile.class);
                long b = cpu.getCurrentThreadCpuTime();
                Evaluation ev = Evaluator.evaluate(profile, ruleset);
                long c = cpu.getCurrentThreadCpuTime();
                Report report = ReportAssembler.assemble(profile, ev, n % 2 == 0 ? Language.ZH_CN : Language.EN, false);
                long d = cpu.getCurrentThreadCpuTime();
                json.writeValueAsBytes(report);
                long e = cpu.getCurrentThreadCpuTime();
                t[0] += b - a;
                t[1] += c - b;
                t[2] += d - c;
                t[3] += e - d;
            }
            if (System.nanoTime() > warm) {
                long total = 0;
                for (int i = 0; i < 4; i++) {
                    blocks.get(i).add(t[i] / 1000.0 / block);
                    total += t[i];
                }
                blocks.get(4).add(total / 1000.0 / block);
            }
        }
        StringBuilder out = new StringBuilder(example.getFileName() + " (" + blocks.get(4).size() + " blocks of " + block
                + ", median µs of thread CPU per report):");
        for (int i = 0; i < steps.length; i++) {
            List<Double> v = new ArrayList<>(blocks.get(i));
            Collections.sort(v);
            out.append(String.format(" %s %.0f", steps[i], v.isEmpty() ? Double.NaN : v.get(v.size() / 2)));
        }
        System.out.println(out);
        // the profile's values by path, read once per evaluation (and by the comparison, twice per side)
        RegionProfile profile = reader.read(body, RegionProfile.class);
        List<Double> values = new ArrayList<>();
        for (int round = 0; round < 40; round++) {
            long a = cpu.getCurrentThreadCpuTime();
            for (int n = 0; n < 20_000; n++) {
                if (io.nqpf.advisor.profile.ProfileIndicators.values(profile).isEmpty()) {
                    throw new IllegalStateException();
                }
            }
            if (round >= 20) {
                values.add((cpu.getCurrentThreadCpuTime() - a) / 1000.0 / 20_000);
            }
        }
        Collections.sort(values);
        System.out.printf("ProfileIndicators.values: median %.2f µs of thread CPU per call%n", values.get(values.size() / 2));
        System.exit(0);
    }
}
