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
import io.nqpf.advisor.report.ReportAssembler;
import io.nqpf.advisor.report.SummaryAssembler;
import jakarta.validation.Validation;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * CPU time and allocation of one thread per step of a full report and of a summary without HTTP (issue 20), on a
 * packaged build's classes: read and validate, evaluate, assemble, write JSON. Thread CPU time leaves out the time the
 * thread waited for a core, so two builds run at the same time on a busy machine can be compared. Logging is as in
 * production (INFO, Drools and KIE at WARN): the JBoss log manager that the packaged build carries logs everything when
 * nobody configures it, and Drools then formats a trace message per rule firing. Run from the project directory:
 * java -cp "APP/app/*:APP/lib/main/*:APP/lib/boot/*" bench/ReportCpu.java [seconds] [profile] [full|summary|both]
 */
public class ReportCpu {

    private static final String[] STEPS = {"read", "evaluate", "assemble", "write", "total"};

    public static void main(String[] args) throws Exception {
        org.jboss.logmanager.Logger.getLogger("").setLevel(Level.INFO);
        org.jboss.logmanager.Logger.getLogger("org.drools").setLevel(Level.WARNING);
        org.jboss.logmanager.Logger.getLogger("org.kie").setLevel(Level.WARNING);
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Path example = Path.of(args.length > 1 ? args[1] : "examples/declining-coal-city.json");
        String views = args.length > 2 ? args[2] : "both";
        Ruleset ruleset = RulesetBuilder.build(RuleSources.read(Path.of("rules")), CitationCheck.textsDirFromEnvironment())
                .ruleset();
        ProfileReader reader = new ProfileReader(Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
        ObjectMapper json = JsonMapper.builder().findAndAddModules().serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
        byte[] body = Files.readAllBytes(example);
        List<Boolean> summaries = switch (views) {
            case "full" -> List.of(false);
            case "summary" -> List.of(true);
            default -> List.of(false, true);
        };
        // both views share the time: half of it (and at least 3,000 reports of each) warms the JIT on both, the other
        // half is measured, at least 20 blocks of each however busy the machine is
        long warmEnd = System.nanoTime() + seconds * 500_000_000L;
        for (int n = 0; n < 60 || System.nanoTime() < warmEnd; n++) {
            for (boolean summary : summaries) {
                run(reader, ruleset, json, body, summary, 50);
            }
        }
        List<List<double[]>> blocks = new ArrayList<>();
        summaries.forEach(s -> blocks.add(new ArrayList<>()));
        long end = System.nanoTime() + seconds * 500_000_000L;
        while (blocks.get(0).size() < 20 || System.nanoTime() < end) {
            for (int v = 0; v < summaries.size(); v++) {
                blocks.get(v).add(run(reader, ruleset, json, body, summaries.get(v), 100));
            }
        }
        for (int v = 0; v < summaries.size(); v++) {
            List<double[]> b = blocks.get(v);
            StringBuilder out = new StringBuilder(example.getFileName() + ", " + (summaries.get(v) ? "summary" : "full report")
                    + " (" + b.size() + " blocks of 100, median per report; µs of thread CPU, KB allocated):");
            for (int i = 0; i < STEPS.length; i++) {
                out.append(String.format(" %s %.0f µs %.0f KB;", STEPS[i], median(b, i), median(b, STEPS.length + i)));
            }
            System.out.println(out);
        }
        System.exit(0);
    }

    /** One block of reports: per step the mean µs of thread CPU, then the mean KB allocated, per report. */
    private static double[] run(ProfileReader reader, Ruleset ruleset, ObjectMapper json, byte[] body, boolean summary,
            int count) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long[] cpu = new long[5];
        long[] bytes = new long[5];
        for (int n = 0; n < count; n++) {
            Language language = n % 2 == 0 ? Language.ZH_CN : Language.EN;
            long c0 = threads.getCurrentThreadCpuTime();
            long a0 = threads.getThreadAllocatedBytes(id);
            RegionProfile profile = reader.read(body, RegionProfile.class);
            long c1 = threads.getCurrentThreadCpuTime();
            long a1 = threads.getThreadAllocatedBytes(id);
            Evaluation ev = Evaluator.evaluate(profile, ruleset, !summary);
            long c2 = threads.getCurrentThreadCpuTime();
            long a2 = threads.getThreadAllocatedBytes(id);
            Object report = summary
                    ? SummaryAssembler.assemble(profile, ev, new SummaryAssembler.Parts(language,
                            ReportAssembler.DEFAULT_LIMIT, false, false, false, false))
                    : ReportAssembler.assemble(profile, ev, language, false);
            long c3 = threads.getCurrentThreadCpuTime();
            long a3 = threads.getThreadAllocatedBytes(id);
            json.writeValueAsBytes(report);
            long c4 = threads.getCurrentThreadCpuTime();
            long a4 = threads.getThreadAllocatedBytes(id);
            long[] c = {c0, c1, c2, c3, c4};
            long[] a = {a0, a1, a2, a3, a4};
            for (int i = 0; i < 4; i++) {
                cpu[i] += c[i + 1] - c[i];
                bytes[i] += a[i + 1] - a[i];
            }
            cpu[4] += c4 - c0;
            bytes[4] += a4 - a0;
        }
        double[] out = new double[10];
        for (int i = 0; i < 5; i++) {
            out[i] = cpu[i] / 1000.0 / count;
            out[5 + i] = bytes[i] / 1024.0 / count;
        }
        return out;
    }

    private static double median(List<double[]> blocks, int i) {
        List<Double> v = new ArrayList<>();
        blocks.forEach(b -> v.add(b[i]));
        Collections.sort(v);
        return v.isEmpty() ? Double.NaN : v.get(v.size() / 2);
    }
}
