package io.nqpf.advisor.support;

import io.nqpf.advisor.engine.RuleError;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.engine.RulesetProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A build that is aborted although the files are good, as on a machine too busy to build within the time limit: a
 * rule file with the line {@code // abort the first N builds: TOKEN} has its first N builds fail inside the build
 * (which the build limiter turns into an aborted outcome), and builds normally after that. Enabled only by the
 * profiles that list it ({@link ConfigMapRulesProfile}).
 */
@Alternative
@ApplicationScoped
public class AbortingProbe implements RulesetProbe {

    private static final Pattern MARK = Pattern.compile("// abort the first (\\d+) builds: (\\S+)");
    private final Map<String, Integer> aborted = new ConcurrentHashMap<>();

    @Override
    public List<RuleError> probe(Ruleset ruleset, Path rulesDir) {
        try (Stream<Path> files = Files.list(rulesDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
                Matcher m = MARK.matcher(Files.readString(file));
                if (m.find() && aborted.merge(m.group(2), 1, Integer::sum) <= Integer.parseInt(m.group(1))) {
                    throw new IllegalStateException("aborted on purpose by the test: " + m.group(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of();
    }

    /** How many builds of the files marked with this token were aborted so far (the builds after them included). */
    public int builds(String token) {
        return aborted.getOrDefault(token, 0);
    }
}
