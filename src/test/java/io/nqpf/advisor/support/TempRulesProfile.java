package io.nqpf.advisor.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** Runs the service on a private copy of the bundled rules, with an admin password, so tests may edit rules. */
public class TempRulesProfile implements QuarkusTestProfile {

    public static final String PASSWORD = "test-only-secret";
    /** A fixed path: the profile is instantiated in more than one class loader, and all must agree. */
    public static final Path DIR = Path.of("target", "lifecycle-rules").toAbsolutePath();

    private static void copy() {
        try {
            Path target = DIR;
            if (Files.exists(target)) {
                try (Stream<Path> old = Files.walk(target)) {
                    for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(target);
            Rules.copyTo(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        copy();
        return Map.of("advisor.rules-dir", DIR.toString(), "advisor.admin-password", PASSWORD,
                "advisor.rules.watch", "false");
    }
}
