import io.nqpf.advisor.engine.Evaluation;
import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.engine.RuleSources;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.engine.RulesetBuilder;
import io.nqpf.advisor.engine.facts.Bottleneck;
import io.nqpf.advisor.knowledge.CitationCheck;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.ranking.Ranker;
import io.nqpf.advisor.report.ReportAssembler;
import io.nqpf.advisor.report.SummaryAssembler;
import jakarta.validation.Validation;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * CPU time and allocation of one thread per part of a report's assembly (issue 20), on a packaged build's classes:
 * each part runs on one evaluation of the coal city (ranking, clearsWhen, coverage, summary, full report) or of the
 * sparse profile (data gaps, full report) again and again, warmed for the given seconds, then 15 blocks of 500
 * (median µs per call, KB allocated per call). Package-private parts are called by reflection. Run from the project
 * directory: java -cp "APP/app/*:APP/lib/main/*:APP/lib/boot/*" bench/AssemblyCpu.java [seconds] [part substring]
 */
public class AssemblyCpu {

    interface Part {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        org.jboss.logmanager.Logger.getLogger("").setLevel(Level.INFO);
        org.jboss.logmanager.Logger.getLogger("org.drools").setLevel(Level.WARNING);
        org.jboss.logmanager.Logger.getLogger("org.kie").setLevel(Level.WARNING);
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String only = args.length > 1 ? args[1] : "";
        Ruleset rules = RulesetBuilder.build(RuleSources.read(Path.of("rules")), CitationCheck.textsDirFromEnvironment())
                .ruleset();
        ProfileReader reader = new ProfileReader(Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
        RegionProfile coal = reader.read(Files.readAllBytes(Path.of("examples/declining-coal-city.json")),
                RegionProfile.class);
        RegionProfile sparse = reader.read(Files.readAllBytes(Path.of("examples/sparse-profile.json")),
                RegionProfile.class);
        Evaluation coalSummary = Evaluator.evaluate(coal, rules, false);
        Evaluation coalFull = Evaluator.evaluate(coal, rules, true);
        Evaluation sparseFull = Evaluator.evaluate(sparse, rules, true);
        Method share = method("io.nqpf.advisor.report.Coverage", "share", Evaluation.class);
        Method clearsWhen = method("io.nqpf.advisor.report.ReportAssembler", "clearsWhen", Bottleneck.class,
                Evaluation.class);
        Method gaps = method("io.nqpf.advisor.report.DataGaps", "ranked", Evaluation.class, Language.class);
        Method next = method("io.nqpf.advisor.report.DataGaps", "next", List.class, Evaluation.class, Language.class);
        Map<String, Part> parts = new LinkedHashMap<>();
        parts.put("coal city, ranking (12)", () -> Ranker.rank(coalSummary.findings().candidates(),
                coalSummary.findings().bottlenecks(), rules.catalog().sequences(), ReportAssembler.DEFAULT_LIMIT));
        parts.put("coal city, clearsWhen of all", () -> {
            for (Bottleneck b : coalSummary.findings().bottlenecks().values()) {
                clearsWhen.invoke(null, b, coalSummary);
            }
        });
        parts.put("coal city, coverage share", () -> share.invoke(null, coalSummary));
        parts.put("coal city, summary", () -> SummaryAssembler.assemble(coal, coalSummary,
                new SummaryAssembler.Parts(Language.EN, ReportAssembler.DEFAULT_LIMIT, false, false, false, false)));
        parts.put("coal city, full report", () -> ReportAssembler.assemble(coal, coalFull, Language.EN, false));
        parts.put("sparse, data gaps ranked", () -> gaps.invoke(null, sparseFull, Language.EN));
        parts.put("sparse, data gaps and next", () -> next.invoke(null, gaps.invoke(null, sparseFull, Language.EN),
                sparseFull, Language.EN));
        parts.put("sparse, full report", () -> ReportAssembler.assemble(sparse, sparseFull, Language.EN, false));
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        for (Map.Entry<String, Part> e : parts.entrySet()) {
            if (!e.getKey().contains(only)) {
                continue;
            }
            Part part = e.getValue();
            long warm = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < warm) {
                part.run();
            }
            List<Double> blocks = new ArrayList<>();
            long a0 = threads.getThreadAllocatedBytes(id);
            for (int b = 0; b < 15; b++) {
                long c0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < 500; i++) {
                    part.run();
                }
                blocks.add((threads.getCurrentThreadCpuTime() - c0) / 500.0 / 1000);
            }
            double kb = (threads.getThreadAllocatedBytes(id) - a0) / (15 * 500.0) / 1024;
            Collections.sort(blocks);
            System.out.printf("%-30s %8.1f µs %7.1f KB%n", e.getKey(), blocks.get(7), kb);
        }
        System.exit(0);
    }

    private static Method method(String type, String name, Class<?>... parameters) throws Exception {
        Method m = Class.forName(type).getDeclaredMethod(name, parameters);
        m.setAccessible(true);
        return m;
    }
}
