package io.nqpf.advisor.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Every ruleset that built, passed its probes and became active, kept on disk under {@code <data-dir>/rulesets/}: one
 * directory per version holding its files, and {@code LATEST} naming the one active last. At start-up, when the rules
 * directory does not build, the service builds the latest kept ruleset instead of serving nothing. Each directory is
 * written aside and renamed into place, so a crash leaves no half-written ruleset; the newest {@value #KEPT} are kept.
 */
public final class RulesetArchive {

    /** Rulesets kept at most; the oldest beyond are deleted. */
    static final int KEPT = 10;
    private static final String LATEST = "LATEST";
    private static final Logger LOG = Logger.getLogger(RulesetArchive.class);

    private final Path dir;
    private boolean warned;

    public RulesetArchive(Path dataDir) {
        this.dir = dataDir.resolve("rulesets");
    }

    /**
     * Keeps the files of the rules directory as the active {@code ruleset}, if they are still the files it was built
     * from (an edit since is not kept under its name). A version kept before is not read again (a restart with
     * unchanged rules): only {@code LATEST} names it. A data directory that cannot be written is logged once.
     */
    public synchronized void keep(Path rulesDir, Ruleset ruleset) {
        try {
            Path target = dir.resolve(name(ruleset.version()));
            if (!Files.isDirectory(target)) {
                RuleSources sources = RuleSources.read(rulesDir);
                if (!sources.sha256().equals(ruleset.sha256())) {
                    return;
                }
                Files.createDirectories(dir);
                Path aside = dir.resolve(".writing-" + UUID.randomUUID());
                for (Map.Entry<String, String> f : sources.files().entrySet()) {
                    Path file = aside.resolve(f.getKey()).normalize();
                    if (!file.startsWith(aside)) {
                        continue;
                    }
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, f.getValue(), StandardCharsets.UTF_8);
                }
                try {
                    Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException e) {
                    delete(aside);
                }
            }
            Files.setLastModifiedTime(target, FileTime.from(Instant.now()));
            Path latest = dir.resolve(".latest-" + UUID.randomUUID());
            Files.writeString(latest, target.getFileName().toString(), StandardCharsets.UTF_8);
            Files.move(latest, dir.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            prune(target);
        } catch (IOException | UncheckedIOException | RuleSources.UnreadableException e) {
            if (!warned) {
                warned = true;
                LOG.warnf("The last good ruleset cannot be kept in %s (%s): a restart with rules that do not build "
                        + "will serve nothing; give the service a writable data directory (advisor.data-dir)",
                        dir.toAbsolutePath(), e.getMessage());
            }
        }
    }

    /** The files of the ruleset active last, or empty when none was kept or they cannot be read. */
    public Optional<RuleSources> latest() {
        try {
            Path latest = dir.resolve(LATEST);
            if (!Files.isRegularFile(latest)) {
                return Optional.empty();
            }
            Path kept = dir.resolve(Files.readString(latest, StandardCharsets.UTF_8).trim()).normalize();
            if (!kept.startsWith(dir) || !Files.isDirectory(kept)) {
                return Optional.empty();
            }
            return Optional.of(RuleSources.read(kept));
        } catch (IOException | RuleSources.UnreadableException e) {
            LOG.warnf("The last good ruleset in %s cannot be read: %s", dir.toAbsolutePath(), e.getMessage());
            return Optional.empty();
        }
    }

    /** A directory name for a version: its letters, digits, dots, dashes and plus signs. */
    private static String name(String version) {
        return version.replaceAll("[^A-Za-z0-9.+-]", "_");
    }

    private void prune(Path keep) throws IOException {
        List<Path> kept;
        try (Stream<Path> all = Files.list(dir)) {
            kept = all.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(RulesetArchive::modified).reversed()).toList();
        }
        for (Path old : kept.subList(Math.min(KEPT, kept.size()), kept.size())) {
            if (!old.equals(keep)) {
                delete(old);
            }
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
