package io.nqpf.advisor.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of a rules directory that make up a ruleset, by path relative to the directory ({@code /} separated):
 * DRL files anywhere but {@code tests/}, the YAML of {@code catalog/}, {@code thresholds.yaml}, {@code sources.yaml}
 * and {@code VERSION}.
 * <p>
 * Links are followed only where they resolve inside the directory, and hidden entries (names starting with a dot)
 * are passed over: that is the layout of a Kubernetes ConfigMap volume, whose visible files are links into a
 * {@code ..data} directory that is swapped atomically on update.
 */
public final class RuleSources {

    private final Map<String, String> files;
    /** {@link #sha256()}, computed once: a start compares and logs it several times, over some 400 KB. */
    private volatile String sha256;

    public RuleSources(Map<String, String> files) {
        this.files = java.util.Collections.unmodifiableMap(files);
    }

    /** The files' texts by relative path. */
    public Map<String, String> files() {
        return files;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleSources other && files.equals(other.files);
    }

    @Override
    public int hashCode() {
        return files.hashCode();
    }

    @Override
    public String toString() {
        return "RuleSources" + files.keySet();
    }

    /** The rules directory could not be read as a whole or in part; each error names the file. */
    public static class UnreadableException extends RuntimeException {
        private final List<RuleError> errors;

        public UnreadableException(List<RuleError> errors) {
            super(errors.get(0).message());
            this.errors = List.copyOf(errors);
        }

        public List<RuleError> errors() {
            return errors;
        }
    }

    public static RuleSources read(Path dir) {
        Map<String, String> files = new TreeMap<>();
        List<RuleError> errors = new ArrayList<>();
        for (Map.Entry<String, Path> e : list(dir).entrySet()) {
            try {
                files.put(e.getKey(), StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(Files.readAllBytes(e.getValue()))).toString());
            } catch (CharacterCodingException x) {
                errors.add(new RuleError(e.getKey(), 0, 0, "is not UTF-8 text; save it as UTF-8"));
            } catch (IOException x) {
                errors.add(new RuleError(e.getKey(), 0, 0, "cannot be read"));
            }
        }
        if (!errors.isEmpty()) {
            throw new UnreadableException(errors);
        }
        return new RuleSources(files);
    }

    /**
     * What the files are now, cheaply: each file's path, the real path it resolves to, its size and modification
     * time. Changes with any edit and with the atomic swap of a ConfigMap volume.
     */
    public static String fingerprint(Path dir) {
        StringBuilder sb = new StringBuilder();
        try {
            for (Map.Entry<String, Path> e : list(dir).entrySet()) {
                Path p = e.getValue();
                sb.append(e.getKey()).append(':').append(p.toRealPath()).append(':').append(Files.size(p)).append(':')
                        .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
            }
        } catch (IOException | UnreadableException e) {
            return "unreadable: " + e.getMessage();
        }
        return sb.toString();
    }

    /** The ruleset files below {@code dir}, by relative path, refusing links that lead outside it. */
    private static Map<String, Path> list(Path dir) {
        Path root;
        try {
            root = dir.toRealPath();
        } catch (IOException e) {
            throw new UnreadableException(List.of(new RuleError("", 0, 0,
                    "the rules directory does not exist or cannot be read")));
        }
        if (!Files.isDirectory(root)) {
            throw new UnreadableException(List.of(new RuleError("", 0, 0, "the rules directory is not a directory")));
        }
        Map<String, Path> found = new TreeMap<>();
        List<RuleError> errors = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                            if (d.equals(root)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (hidden(d)) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            if (!d.toRealPath().startsWith(root)) {
                                errors.add(new RuleError(root.relativize(d).toString().replace('\\', '/'), 0, 0,
                                        "links outside the rules directory; such links are not followed"));
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                            String rel = root.relativize(f).toString().replace('\\', '/');
                            if (hidden(f) || !attrs.isRegularFile() || !belongs(rel)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (!f.toRealPath().startsWith(root)) {
                                errors.add(new RuleError(rel, 0, 0,
                                        "links outside the rules directory; such links are not followed"));
                            } else {
                                found.put(rel, f);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path f, IOException e) {
                            String rel = root.relativize(f).toString().replace('\\', '/');
                            if (e instanceof FileSystemLoopException) {
                                errors.add(new RuleError(rel, 0, 0, "is a link that loops back on itself"));
                            } else if (!hidden(f) && (belongs(rel) || e instanceof AccessDeniedException)) {
                                errors.add(new RuleError(rel, 0, 0, "cannot be read"));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            errors.add(new RuleError("", 0, 0, "the rules directory cannot be read"));
        }
        if (!errors.isEmpty()) {
            throw new UnreadableException(errors);
        }
        return found;
    }

    private static boolean hidden(Path p) {
        return p.getFileName() != null && p.getFileName().toString().startsWith(".");
    }

    static boolean belongs(String rel) {
        if (rel.startsWith("tests/")) {
            return false;
        }
        return rel.endsWith(".drl") || rel.equals("thresholds.yaml") || rel.equals("benchmarks.yaml") || rel.equals("VERSION")
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
        String known = sha256;
        if (known == null) {
            known = digest();
            sha256 = known;
        }
        return known;
    }

    private String digest() {
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
