package io.nqpf.advisor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of a rules directory make up a ruleset, with links and the layout of a Kubernetes ConfigMap volume. */
class RuleSourcesTest {

    @TempDir
    Path tmp;

    @Test
    void linksInsideTheDirectoryAreFollowedAndLinksOutsideAreErrors() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("a.drl"), "package a;");
        Files.createSymbolicLink(rules.resolve("b.drl"), Path.of("a.drl"));
        assertEquals(Set.of("a.drl", "b.drl"), RuleSources.read(rules).files().keySet());

        Files.writeString(tmp.resolve("secret.drl"), "outside");
        Files.createSymbolicLink(rules.resolve("c.drl"), Path.of("../secret.drl"));
        Files.createDirectories(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(rules.resolve("catalog"), tmp.resolve("elsewhere"));
        RuleSources.UnreadableException e = assertThrows(RuleSources.UnreadableException.class,
                () -> RuleSources.read(rules));
        assertEquals(List.of("c.drl", "catalog"), e.errors().stream().map(RuleError::file).sorted().toList());
        e.errors().forEach(x -> assertEquals("links outside the rules directory; such links are not followed",
                x.message()));
    }

    @Test
    void textThatIsNotUtf8IsAnErrorNamingTheFile() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.write(rules.resolve("x.drl"), "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        RuleSources.UnreadableException e = assertThrows(RuleSources.UnreadableException.class,
                () -> RuleSources.read(rules));
        assertEquals("x.drl", e.errors().get(0).file());
    }

    @Test
    void aConfigMapVolumeIsReadOnceThroughItsLinksAndItsAtomicSwapIsSeen() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Path v1 = version(rules, "..2026_01_01", "1.0.0");
        Files.createSymbolicLink(rules.resolve("..data"), v1.getFileName());
        for (String top : List.of("VERSION", "x.drl", "catalog", "thresholds.yaml")) {
            Files.createSymbolicLink(rules.resolve(top), Path.of("..data", top));
        }
        RuleSources sources = RuleSources.read(rules);
        assertEquals(Set.of("VERSION", "x.drl", "catalog/texts.yaml", "thresholds.yaml"), sources.files().keySet());
        String before = RuleSources.fingerprint(rules);

        Path v2 = version(rules, "..2026_01_02", "1.0.1");
        Files.createSymbolicLink(rules.resolve("..data_tmp"), v2.getFileName());
        Files.move(rules.resolve("..data_tmp"), rules.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
        assertNotEquals(before, RuleSources.fingerprint(rules));
        assertEquals("1.0.1", RuleSources.read(rules).files().get("VERSION"));
    }

    private static Path version(Path rules, String name, String version) throws Exception {
        Path v = Files.createDirectories(rules.resolve(name).resolve("catalog"));
        Files.writeString(v.getParent().resolve("VERSION"), version);
        Files.writeString(v.getParent().resolve("x.drl"), "package x;");
        Files.writeString(v.getParent().resolve("thresholds.yaml"), "thresholds: []");
        Files.writeString(v.resolve("texts.yaml"), "{}");
        return v.getParent();
    }
}
