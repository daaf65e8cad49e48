import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * Thread CPU time of {@code Evaluator.evaluate} alone in two packaged builds at once (issue 20): each build's jars in a
 * class loader of its own, in one JVM and on one thread, blocks of 100 evaluations taken A, B, A, B… so that whatever
 * load the machine has falls on both alike. The rules are read from {@code rules/} of the current directory by both
 * builds; logging is as in production (INFO, Drools and KIE at WARN), as in bench/ReportCpu.java. Prints the median µs
 * and KB allocated per evaluation of each build, and B / A of the medians and of each pair of blocks. Run from the
 * project directory:
 * java bench/EvaluateAB.java A-quarkus-app B-quarkus-app [seconds] [profile] [full|summary]
 */
public class EvaluateAB {

    public static void main(String[] args) throws Exception {
        Path[] apps = {Path.of(args[0]), Path.of(args[1])};
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        byte[] body = Files.readAllBytes(Path.of(args.length > 3 ? args[3] : "examples/sparse-profile.json"));
        boolean whatIf = !(args.length > 4 && args[4].equals("summary"));
        Build[] builds = {new Build(apps[0], body, whatIf), new Build(apps[1], body, whatIf)};
        // half the time warms both, the other half is measured, at least 20 blocks of each
        long warmEnd = System.nanoTime() + seconds * 500_000_000L;
        for (int n = 0; n < 30 || System.nanoTime() < warmEnd; n++) {
            for (Build b : builds) {
                b.block(50);
            }
        }
        List<double[]> a = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        long end = System.nanoTime() + seconds * 500_000_000L;
        while (a.size() < 20 || System.nanoTime() < end) {
            a.add(builds[0].block(100));
            b.add(builds[1].block(100));
        }
        List<Double> pairs = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            pairs.add(b.get(i)[0] / a.get(i)[0]);
        }
        Collections.sort(pairs);
        double ma = median(a, 0);
        double mb = median(b, 0);
        System.out.printf("%s, %s, %d blocks of 100 each: A %.0f µs %.0f KB; B %.0f µs %.0f KB; B / A %.2f (pairs of"
                + " blocks: median %.2f, quartiles %.2f–%.2f)%n", args.length > 3 ? args[3] : "sparse-profile.json",
                whatIf ? "full" : "summary", a.size(), ma, median(a, 1), mb, median(b, 1), mb / ma,
                pairs.get(pairs.size() / 2), pairs.get(pairs.size() / 4), pairs.get(pairs.size() * 3 / 4));
        System.exit(0);
    }

    /** One build: its class loader, its ruleset, the profile read by its reader, and its Evaluator.evaluate. */
    private static final class Build {
        final ClassLoader loader;
        final Object ruleset;
        final Object profile;
        final Method evaluate;
        final boolean whatIf;

        Build(Path app, byte[] body, boolean whatIf) throws Exception {
            List<URL> urls = new ArrayList<>();
            for (String dir : new String[] {"app", "lib/main", "lib/boot"}) {
                try (Stream<Path> jars = Files.list(app.resolve(dir))) {
                    for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            }
            this.loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            this.whatIf = whatIf;
            ClassLoader before = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                Class<?> logger = loader.loadClass("org.jboss.logmanager.Logger");
                Method getLogger = logger.getMethod("getLogger", String.class);
                Method setLevel = logger.getMethod("setLevel", Level.class);
                setLevel.invoke(getLogger.invoke(null, ""), Level.INFO);
                setLevel.invoke(getLogger.invoke(null, "org.drools"), Level.WARNING);
                setLevel.invoke(getLogger.invoke(null, "org.kie"), Level.WARNING);
                Class<?> sources = loader.loadClass("io.nqpf.advisor.engine.RuleSources");
                Class<?> builder = loader.loadClass("io.nqpf.advisor.engine.RulesetBuilder");
                Class<?> citations = loader.loadClass("io.nqpf.advisor.knowledge.CitationCheck");
                Object read = sources.getMethod("read", Path.class).invoke(null, Path.of("rules"));
                Object outcome = builder.getMethod("build", sources, Path.class).invoke(null, read,
                        citations.getMethod("textsDirFromEnvironment").invoke(null));
                this.ruleset = outcome.getClass().getMethod("ruleset").invoke(outcome);
                Class<?> validation = loader.loadClass("jakarta.validation.Validation");
                Object bootstrap = validation.getMethod("byDefaultProvider").invoke(null);
                Object configuration = loader.loadClass("jakarta.validation.bootstrap.GenericBootstrap")
                        .getMethod("configure").invoke(bootstrap);
                Class<?> configurationType = loader.loadClass("jakarta.validation.Configuration");
                Class<?> interpolatorType = loader.loadClass("jakarta.validation.MessageInterpolator");
                Object interpolator = loader.loadClass(
                        "org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator")
                        .getConstructor().newInstance();
                configurationType.getMethod("messageInterpolator", interpolatorType).invoke(configuration, interpolator);
                Object factory = configurationType.getMethod("buildValidatorFactory").invoke(configuration);
                Object validator = loader.loadClass("jakarta.validation.ValidatorFactory").getMethod("getValidator")
                        .invoke(factory);
                Class<?> readerType = loader.loadClass("io.nqpf.advisor.profile.ProfileReader");
                Object reader = readerType.getConstructor(loader.loadClass("jakarta.validation.Validator"))
                        .newInstance(validator);
                Class<?> profileType = loader.loadClass("io.nqpf.advisor.profile.RegionProfile");
                this.profile = readerType.getMethod("read", byte[].class, Class.class).invoke(reader, body, profileType);
                this.evaluate = loader.loadClass("io.nqpf.advisor.engine.Evaluator").getMethod("evaluate", profileType,
                        loader.loadClass("io.nqpf.advisor.engine.Ruleset"), boolean.class);
            } finally {
                Thread.currentThread().setContextClassLoader(before);
            }
        }

        /** Mean µs of thread CPU and KB allocated per evaluation over {@code count} evaluations. */
        double[] block(int count) throws Exception {
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long id = Thread.currentThread().getId();
            ClassLoader before = Thread.currentThread().getContextClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            try {
                long c0 = threads.getCurrentThreadCpuTime();
                long a0 = threads.getThreadAllocatedBytes(id);
                for (int n = 0; n < count; n++) {
                    evaluate.invoke(null, profile, ruleset, whatIf);
                }
                long c1 = threads.getCurrentThreadCpuTime();
                long a1 = threads.getThreadAllocatedBytes(id);
                return new double[] {(c1 - c0) / 1000.0 / count, (a1 - a0) / 1024.0 / count};
            } finally {
                Thread.currentThread().setContextClassLoader(before);
            }
        }
    }

    private static double median(List<double[]> blocks, int i) {
        List<Double> v = new ArrayList<>();
        blocks.forEach(b -> v.add(b[i]));
        Collections.sort(v);
        return v.get(v.size() / 2);
    }
}
