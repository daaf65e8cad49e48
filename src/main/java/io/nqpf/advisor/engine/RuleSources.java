package io.nqpf.advisor.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of a rules directory that make up a ruleset, by path relative to the directory ({@code /} separated):
 * DRL files anywhere but {@code tests/}, the YAML of {@code catalog/}, {@code thresholds.yaml}, {@code sources.yaml}
 * and {@code VERSION}.
 */
public record RuleSources(Map<String, String> files) {

    public static RuleSources read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UncheckedIOException(new IOException("rules directory " + dir.toAbsolutePath() + " does not exist"));
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (belongs(rel)) {
                    files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RuleSources(files);
    }

    static boolean belongs(String rel) {
        if (rel.startsWith("tests/")) {
            return false;
        }
        return rel.endsWith(".drl") || rel.equals("thresholds.yaml") || rel.equals("VERSION")
                || rel.equals("sources.yaml")
                || (rel.startsWith("catalog/") && rel.endsWith(".yaml"));
    }

    /** These sources with some files replaced or added (for validation of drafts). */
    public RuleSources with(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(files);
        merged.putAll(overrides);
        return new RuleSources(merged);
    }

    public Map<String, String> drl() {
        return select(rel -> rel.endsWith(".drl"));
    }

    public Map<String, String> yaml() {
        return select(rel -> rel.endsWith(".yaml"));
    }

    private Map<String, String> select(java.util.function.Predicate<String> which) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((k, v) -> {
            if (which.test(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /** SHA-256 over every file's relative path and content, in path order: identifies the exact rules. */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (var e : new TreeMap<>(files).entrySet()) {
                digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The authors' version from {@code VERSION} with the first 8 hex digits of the hash as build metadata. */
    public String version() {
        String declared = files.getOrDefault("VERSION", "0.0.0").trim();
        return (declared.isEmpty() ? "0.0.0" : declared) + "+sha." + sha256().substring(0, 8);
    }
}
