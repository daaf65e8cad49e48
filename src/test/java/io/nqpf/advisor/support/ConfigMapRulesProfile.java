package io.nqpf.advisor.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The bundled rules laid out as a Kubernetes ConfigMap volume lays them out: the files live in a timestamped
 * directory, {@code ..data} links to it, and each visible entry links through {@code ..data}. An update writes a new
 * directory and swaps {@code ..data} in one rename. The watcher is on, polling every 200 ms. No administrator
 * reloads here (the watcher builds in the background), so no answer keeps its connection silent for long: idle
 * connections are closed after 10 s instead of 120 s, so that a test can see it happen. Rule files can ask for
 * aborted builds ({@link AbortingProbe}, in place of the runaway probe), so that the watcher's retries can be tested
 * in the same service ({@code RulesWatchTest}): one Quarkus start for both classes.
 */
public class ConfigMapRulesProfile implements io.quarkus.test.junit.QuarkusTestProfile {

    public static final Path DIR = Path.of("target", "configmap-rules").toAbsolutePath();
    public static final java.time.Duration IDLE_TIMEOUT = java.time.Duration.ofSeconds(10);

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            if (Files.exists(DIR)) {
                try (Stream<Path> old = Files.walk(DIR)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(DIR);
            Path first = writeVersion("..2026_01_01_00_00_00.1", null);
            Files.createSymbolicLink(DIR.resolve("..data"), first.getFileName());
            try (Stream<Path> top = Files.list(first)) {
                for (Path p : top.toList()) {
                    Files.createSymbolicLink(DIR.resolve(p.getFileName()), Path.of("..data").resolve(p.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("advisor.rules-dir", DIR.toString(), "advisor.rules.watch", "true",
                "advisor.rules.watch-interval", "PT0.2S", "quarkus.http.idle-timeout", IDLE_TIMEOUT.toSeconds() + "S");
    }

    @Override
    public java.util.Set<Class<?>> getEnabledAlternatives() {
        return java.util.Set.of(AbortingProbe.class);
    }

    /** A full copy of the bundled rules in a new timestamped directory, with VERSION replaced when given. */
    public static Path writeVersion(String name, String version) throws IOException {
        Path target = DIR.resolve(name);
        Rules.copyTo(target);
        if (version != null) {
            Files.writeString(target.resolve("VERSION"), version + "\n");
        }
        return target;
    }

    /** Points {@code ..data} at another directory in one rename, as the kubelet does. */
    public static void swapTo(Path version) throws IOException {
        Path next = DIR.resolve("..data_tmp");
        Files.createSymbolicLink(next, version.getFileName());
        Files.move(next, DIR.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
    }
}
