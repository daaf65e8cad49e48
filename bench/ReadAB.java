import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.*;
import java.util.*;

/**
 * The read step (ProfileReader.read: UTF-8, JSON, validation) of two builds in one JVM, in alternating blocks of 200
 * reads, so that the load of a busy machine falls on both alike (issue 20, docs/performance.md). Each build's classes
 * are loaded by a class loader of their own over the same libraries; the validator is Hibernate Validator's default
 * bootstrap, logging at INFO. Prints the median µs of thread CPU per read of each and B / A. Run from the project:
 * java bench/ReadAB.java "APP/lib/main:APP/lib/boot" A-app-jar-or-classes-dir/ B-app-jar-or-classes-dir/ body seconds
 */
public class ReadAB {
    public static void main(String[] a) throws Exception {
        List<URL> libs = new ArrayList<>();
        for (String d : a[0].split(":")) for (File f : new File(d).listFiles()) libs.add(f.toURI().toURL());
        ClassLoader parent = new URLClassLoader(libs.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        Class<?> lm = parent.loadClass("org.jboss.logmanager.Logger");
        Object root = lm.getMethod("getLogger", String.class).invoke(null, "");
        lm.getMethod("setLevel", java.util.logging.Level.class).invoke(root, java.util.logging.Level.INFO);
        byte[] body = Files.readAllBytes(Path.of(a[3]));
        int secs = Integer.parseInt(a[4]);
        Runnable[] runs = new Runnable[2];
        for (int i = 0; i < 2; i++) {
            List<URL> u = new ArrayList<>();
            for (String e : a[1 + i].split(":")) {
                File f = new File(e);
                if (f.isDirectory() && !e.endsWith("/")) u.add(new URL(f.toURI().toURL() + ""));
                else u.add(f.toURI().toURL());
            }
            ClassLoader cl = new URLClassLoader(u.toArray(URL[]::new), parent);
            Class<?> pr = cl.loadClass("io.nqpf.advisor.profile.ProfileReader");
            Class<?> rp = cl.loadClass("io.nqpf.advisor.profile.RegionProfile");
            Class<?> val = parent.loadClass("jakarta.validation.Validation");
            Object cfg = val.getMethod("byDefaultProvider").invoke(null);
            cfg = parent.loadClass("jakarta.validation.bootstrap.GenericBootstrap").getMethod("configure").invoke(cfg);
            Object mi = parent.loadClass("org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator").getConstructor().newInstance();
            Method m = parent.loadClass("jakarta.validation.Configuration").getMethod("messageInterpolator", parent.loadClass("jakarta.validation.MessageInterpolator"));
            cfg = m.invoke(cfg, mi);
            Object vf = parent.loadClass("jakarta.validation.Configuration").getMethod("buildValidatorFactory").invoke(cfg);
            Object v = parent.loadClass("jakarta.validation.ValidatorFactory").getMethod("getValidator").invoke(vf);
            Object reader = pr.getConstructor(parent.loadClass("jakarta.validation.Validator")).newInstance(v);
            Method read = pr.getMethod("read", byte[].class, Class.class);
            runs[i] = () -> { try { read.invoke(reader, body, rp); } catch (Exception e) { throw new RuntimeException(e); } };
        }
        var threads = ManagementFactory.getThreadMXBean();
        List<List<Double>> res = List.of(new ArrayList<>(), new ArrayList<>());
        long end = System.nanoTime() + secs * 1_000_000_000L;
        for (int round = 0; System.nanoTime() < end || round < 40; round++) {
            for (int i = 0; i < 2; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                for (int n = 0; n < 200; n++) runs[i].run();
                long c1 = threads.getCurrentThreadCpuTime();
                if (round >= 20) res.get(i).add((c1 - c0) / 200_000.0);
            }
        }
        double[] med = new double[2];
        for (int i = 0; i < 2; i++) { Collections.sort(res.get(i)); med[i] = res.get(i).get(res.get(i).size() / 2); }
        System.out.printf("%s read: A %.1f µs, B %.1f µs, B/A %.2f (%d blocks of 200)%n", Path.of(a[3]).getFileName(), med[0], med[1], med[1] / med[0], res.get(0).size());
    }
}
