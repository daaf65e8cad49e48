package io.nqpf.advisor.engine;

import io.nqpf.advisor.engine.facts.Findings;
import io.nqpf.advisor.knowledge.CatalogLoader;
import io.nqpf.advisor.knowledge.CitationCheck;
import io.nqpf.advisor.knowledge.SourceDocument;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.Results;
import org.kie.api.builder.model.KieModuleModel;

/**
 * Builds a {@link Ruleset} from rule sources: reads the catalog, compiles the DRL (MVEL dialect by default) through
 * the public KIE API, and checks through Drools' parser that every rule has a kind and that every id it names exists
 * (bottleneck, countermeasure, threshold, factor), so that a typo is reported with its file, line and column
 * instead of silently never firing, and that every citation quotes its source text.
 */
public final class RulesetBuilder {

    /**
     * A ruleset, or the errors that stopped it being built; {@code aborted} when the build itself failed (time limit,
     * compiler crash) rather than finding errors in the rules; {@code starved} when it was stopped at the wall-clock
     * backstop having had little CPU: the machine was busy, the rules are not to blame and the same build may succeed
     * later (the service answers 503 with Retry-After, not 422).
     */
    public record Outcome(Ruleset ruleset, List<RuleError> errors, boolean aborted, boolean starved) {
        public Outcome(Ruleset ruleset, List<RuleError> errors) {
            this(ruleset, errors, false, false);
        }

        public Outcome(Ruleset ruleset, List<RuleError> errors, boolean aborted) {
            this(ruleset, errors, aborted, false);
        }

        public boolean ok() {
            return ruleset != null;
        }
    }

    /** The name of the global through which rule consequences report findings. */
    public static final String GLOBAL = "findings";
    private static final String KIE_BASE = "rules";
    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();
    private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+)");
    /**
     * What others depend on first: the directory's own errors, the documents the catalog cites, the thresholds and
     * catalog that define ids, then the DRL that uses them; each file by position.
     */
    private static final Comparator<RuleError> ROOT_CAUSE_FIRST = Comparator
            .comparingInt((RuleError e) -> e.file().isEmpty() ? 0 : e.file().equals(CitationCheck.SOURCES) ? 1
                    : e.file().endsWith(".yaml") ? 2 : 3)
            .thenComparing(RuleError::file).thenComparingInt(RuleError::line).thenComparingInt(RuleError::column);

    private RulesetBuilder() {
    }

    /** @param sourceTexts the directory of the source documents' texts the catalog quotes */
    public static Outcome build(RuleSources sources, Path sourceTexts) {
        // the catalog and its citations are read on a second thread while the DRL compiles on this one, the build's
        // own thread, whose CPU time the build limit counts: reading YAML runs none of the rules' code
        Aside<YamlChecks> yaml = Aside.start(() -> new YamlChecks(CatalogLoader.load(sources.yaml()),
                CitationCheck.check(sources.yaml(), sourceTexts)));
        KieServices kie = KieServices.get();
        // a release of its own per build: reloads and validations build side by side in one repository
        ReleaseId release = kie.newReleaseId("io.nqpf.advisor", "rules", "build-" + BUILDS.incrementAndGet());
        try {
            Results compiled = compileDrl(kie, release, sources);
            YamlChecks checked = yaml.join();
            return build(sources, checked.catalog(), checked.citations(), kie, release, compiled);
        } finally {
            kie.getRepository().removeKieModule(release);
        }
    }

    private static Outcome build(RuleSources sources, CatalogLoader.Result catalog, CitationCheck.Result citations,
            KieServices kie, ReleaseId release, Results compiled) {
        List<RuleError> errors = new ArrayList<>();
        catalog.problems().forEach(p -> errors.add(new RuleError(p.file(), p.line(), p.column(), p.message())));
        citations.problems().forEach(p -> errors.add(new RuleError(p.file(), p.line(), p.column(), p.message())));
        List<RuleInfo> rules = new ArrayList<>();
        sources.drl().forEach((file, text) -> DrlScanner.scan(file, text, catalog, rules, errors));
        Map<String, RuleInfo> byName = new LinkedHashMap<>();
        for (RuleInfo r : rules) {
            RuleInfo previous = byName.putIfAbsent(r.name(), r);
            if (previous != null) {
                errors.add(new RuleError(r.file(), r.line(), 1,
                        "rule name \"" + r.name() + "\" is already used in " + previous.file() + ":" + previous.line()));
            }
        }
        if (sources.drl().isEmpty()) {
            errors.add(new RuleError("", 0, 0, "the rules directory holds no .drl file"));
        }
        KieBase kieBase = kieBase(kie, release, compiled, sources, errors);
        if (!errors.isEmpty() || kieBase == null) {
            errors.sort(ROOT_CAUSE_FIRST);
            return new Outcome(null, List.copyOf(errors));
        }
        Ruleset ruleset = new Ruleset(kieBase, catalog.catalog(), sources.version(), sources.sha256(), Instant.now(),
                List.copyOf(sources.files().keySet()), List.copyOf(rules), java.util.Collections.unmodifiableMap(byName),
                citations.summary(),
                SourceDocument.read(sources.yaml().get(CitationCheck.SOURCES)), RulesetStageIndex.of(sources.drl(), kieBase));
        return new Outcome(ruleset, List.of());
    }

    private record YamlChecks(CatalogLoader.Result catalog, CitationCheck.Result citations) {
    }

    /** Parses and compiles the DRL as the release's module; its errors are in the results. */
    private static Results compileDrl(KieServices kie, ReleaseId release, RuleSources sources) {
        KieModuleModel module = kie.newKieModuleModel();
        // consequences only call the findings global: interpreting them spares a Java compilation per rule
        module.setConfigurationProperty("drools.dialect.default", "mvel");
        module.newKieBaseModel(KIE_BASE).setDefault(true);
        KieFileSystem files = kie.newKieFileSystem().generateAndWritePomXML(release).writeKModuleXML(module.toXML());
        sources.drl().forEach((file, text) -> files.write(RESOURCES + file, text));
        return kie.newKieBuilder(files, Findings.class.getClassLoader()).buildAll().getResults();
    }

    /**
     * The compiled release's knowledge base, or null with the compiler's errors added to {@code errors}; none is made
     * while {@code errors} holds any.
     */
    private static KieBase kieBase(KieServices kie, ReleaseId release, Results results, RuleSources sources,
            List<RuleError> errors) {
        ClassLoader loader = Findings.class.getClassLoader();
        for (Message m : results.getMessages(Message.Level.ERROR)) {
            String file = m.getPath() == null ? "" : m.getPath().replaceFirst("^" + RESOURCES, "");
            String text = m.getText() == null ? "" : m.getText().trim();
            int line = Math.max(m.getLine(), 0);
            int column = 0;
            Matcher at = PARSER_POSITION.matcher(text);
            if (at.find()) {
                line = line == 0 ? Integer.parseInt(at.group(1)) : line;
                column = Integer.parseInt(at.group(2)) + 1;
            }
            DrlErrorText plain = DrlErrorText.of(text);
            if (column == 0 && plain.subject() != null) {
                column = DrlErrorText.column(sources.drl().getOrDefault(file, ""), line, plain.subject());
            }
            errors.add(new RuleError(file, line, column, plain.message()));
        }
        // the parser adds a position-less "null Package" note beside each real syntax error: keep the real one
        List<RuleError> located = errors.stream().filter(e -> e.line() > 0).toList();
        errors.removeIf(e -> e.line() == 0 && e.message().contains("null Package")
                && located.stream().anyMatch(l -> l.file().equals(e.file())));
        if (!errors.isEmpty()) {
            return null;
        }
        KieBase kieBase = kie.newKieContainer(release, loader).getKieBase(KIE_BASE);
        boolean declared = kieBase.getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(GLOBAL)));
        if (!declared) {
            errors.add(new RuleError("", 0, 0, "no DRL file declares 'global " + Findings.class.getName() + " "
                    + GLOBAL + ";' through which rules report what they find"));
            return null;
        }
        return kieBase;
    }

    /** Work on a thread of its own, joined with what it returned or threw. */
    private static final class Aside<T> {
        /** As much stack as a build's own thread has: a deeply nested document recurses in the parser. */
        private static final long STACK_BYTES = 4L * 1024 * 1024;
        private final FutureTask<T> task;

        private Aside(Callable<T> work) {
            this.task = new FutureTask<>(work);
        }

        static <T> Aside<T> start(Callable<T> work) {
            Aside<T> aside = new Aside<>(work);
            Thread thread = new Thread(null, aside.task, "ruleset-build-catalog", STACK_BYTES);
            thread.setDaemon(true);
            thread.start();
            return aside;
        }

        /** What the work returned; what it threw is thrown here, as if it had run on this thread. */
        T join() {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the catalog was read", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
