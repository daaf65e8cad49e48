package io.nqpf.advisor.engine;

import io.nqpf.advisor.engine.facts.Findings;
import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.CatalogLoader;
import io.nqpf.advisor.knowledge.CitationCheck;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Builds a {@link Ruleset} from rule sources: reads the catalog, compiles the DRL (MVEL dialect by default),
 * and checks that every id a rule names exists (bottleneck, countermeasure, threshold, factor), so that a typo is
 * reported with its file and line instead of silently never firing, and that every citation quotes its source text.
 */
public final class RulesetBuilder {

    /**
     * A ruleset, or the errors that stopped it being built; {@code aborted} when the build itself failed (time limit,
     * compiler crash) rather than finding errors in the rules.
     */
    public record Outcome(Ruleset ruleset, List<RuleError> errors, boolean aborted) {
        public Outcome(Ruleset ruleset, List<RuleError> errors) {
            this(ruleset, errors, false);
        }

        public boolean ok() {
            return ruleset != null;
        }
    }

    /** The name of the global through which rule consequences report findings. */
    public static final String GLOBAL = "findings";
    private static final Pattern PARSER_POSITION = Pattern.compile("Line (\\d+):(\\d+)");
    private static final Pattern RULE_START = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");
    private static final Pattern RULE_END = Pattern.compile("^\\s*end\\s*$");
    private static final Pattern ID_LITERAL = Pattern.compile("\"([BC]-[A-Z0-9]+(?:-[A-Z0-9]+)*)\"");
    private static final Pattern EVIDENCE_ID = Pattern.compile("Evidence\\s*\\(\\s*id\\s*==\\s*\"([^\"]*)\"");
    private static final Pattern EVIDENCE_IN = Pattern.compile("Evidence\\s*\\(\\s*id\\s+in\\s*\\(([^)]*)\\)");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern FACTOR_KEY = Pattern.compile(
            "\\b(?:fit|stageFit|prerequisite)\\s*\\(\\s*kcontext\\s*,[^,]+,\\s*[-+]?[0-9.]+\\s*,\\s*\"([^\"]*)\"");

    private RulesetBuilder() {
    }

    /** @param sourceTexts the directory of the source documents' texts the catalog quotes */
    public static Outcome build(RuleSources sources, Path sourceTexts) {
        List<RuleError> errors = new ArrayList<>();
        CatalogLoader.Result catalog = CatalogLoader.load(sources.yaml());
        catalog.problems().forEach(p -> errors.add(new RuleError(p.file(), p.line(), p.column(), p.message())));
        CitationCheck.Result citations = CitationCheck.check(sources.yaml(), sourceTexts);
        citations.problems().forEach(p -> errors.add(new RuleError(p.file(), p.line(), p.column(), p.message())));
        List<RuleInfo> rules = new ArrayList<>();
        sources.drl().forEach((file, text) -> scan(file, text, catalog.catalog(), rules, errors));
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
        KieBase kieBase = compile(sources, errors);
        if (!errors.isEmpty() || kieBase == null) {
            errors.sort(Comparator.comparing(RuleError::file).thenComparingInt(RuleError::line));
            return new Outcome(null, List.copyOf(errors));
        }
        Ruleset ruleset = new Ruleset(kieBase, catalog.catalog(), sources.version(), sources.sha256(), Instant.now(),
                List.copyOf(sources.files().keySet()), List.copyOf(rules), Map.copyOf(byName), citations.summary());
        return new Outcome(ruleset, List.of());
    }

    private static KieBase compile(RuleSources sources, List<RuleError> errors) {
        ClassLoader loader = Findings.class.getClassLoader();
        KnowledgeBuilderConfiguration conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, loader);
        // consequences only call the findings global: interpreting them spares a Java compilation per rule
        conf.setProperty("drools.dialect.default", "mvel");
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
        sources.drl().forEach((file, text) -> {
            Resource resource = ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
            resource.setSourcePath(file);
            builder.add(resource, ResourceType.DRL);
        });
        for (KnowledgeBuilderError e : builder.getErrors()) {
            String file = e.getResource() == null || e.getResource().getSourcePath() == null
                    ? "" : e.getResource().getSourcePath();
            String text = e.getMessage() == null ? "" : e.getMessage().trim();
            int line = e.getLines() == null || e.getLines().length == 0 ? 0 : Math.max(e.getLines()[0], 0);
            int column = 0;
            Matcher at = PARSER_POSITION.matcher(text);
            if (at.find()) {
                line = line == 0 ? Integer.parseInt(at.group(1)) : line;
                column = Integer.parseInt(at.group(2)) + 1;
            }
            errors.add(new RuleError(file, line, column, text));
        }
        // the parser adds a position-less "null Package" note beside each real syntax error: keep the real one
        List<RuleError> located = errors.stream().filter(e -> e.line() > 0).toList();
        errors.removeIf(e -> e.line() == 0 && e.message().contains("null Package")
                && located.stream().anyMatch(l -> l.file().equals(e.file())));
        if (!errors.isEmpty()) {
            return null;
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
        kieBase.addPackages(builder.getKnowledgePackages());
        boolean declared = kieBase.getKiePackages().stream()
                .anyMatch(p -> p.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(GLOBAL)));
        if (!declared) {
            errors.add(new RuleError("", 0, 0, "no DRL file declares 'global " + Findings.class.getName() + " "
                    + GLOBAL + ";' through which rules report what they find"));
            return null;
        }
        return kieBase;
    }

    /** Finds the rules of one DRL file with their lines and the ids they name, and checks those ids. */
    private static void scan(String file, String text, Catalog catalog, List<RuleInfo> rules, List<RuleError> errors) {
        String[] lines = text.split("\n", -1);
        String name = null;
        int start = 0;
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            String line = stripComment(lines[i]);
            Matcher header = RULE_START.matcher(line);
            if (name == null && header.find()) {
                name = header.group(1);
                start = i + 1;
                ids = new LinkedHashSet<>();
                body.setLength(0);
                continue;
            }
            if (name == null) {
                continue;
            }
            if (RULE_END.matcher(line).find()) {
                rules.add(new RuleInfo(name, file, start, RuleInfo.kindOf(body.toString()), List.copyOf(ids)));
                name = null;
                continue;
            }
            body.append(line).append('\n');
            check(file, i + 1, line, ID_LITERAL, ids, id -> id.startsWith("B-")
                    ? catalog.bottlenecks().containsKey(id) : catalog.countermeasures().containsKey(id),
                    id -> "unknown " + (id.startsWith("B-") ? "bottleneck" : "countermeasure") + " id '" + id
                            + "': not in the catalog", errors);
            check(file, i + 1, line, EVIDENCE_ID, ids, catalog.thresholds()::containsKey,
                    id -> "unknown threshold id '" + id + "': not in thresholds.yaml", errors);
            Matcher in = EVIDENCE_IN.matcher(line);
            while (in.find()) {
                Matcher lit = LITERAL.matcher(in.group(1));
                while (lit.find()) {
                    String id = lit.group(1);
                    ids.add(id);
                    if (!catalog.thresholds().containsKey(id)) {
                        errors.add(new RuleError(file, i + 1, in.start(1) + lit.start(1) + 1,
                                "unknown threshold id '" + id + "': not in thresholds.yaml"));
                    }
                }
            }
            check(file, i + 1, line, FACTOR_KEY, null, catalog.factors()::containsKey,
                    key -> "unknown factor key '" + key + "': add its label to the catalog's factors", errors);
        }
    }

    private static void check(String file, int lineNo, String line, Pattern pattern, LinkedHashSet<String> ids,
            java.util.function.Predicate<String> known, java.util.function.Function<String, String> message,
            List<RuleError> errors) {
        Matcher m = pattern.matcher(line);
        while (m.find()) {
            String id = m.group(1);
            if (ids != null) {
                ids.add(id);
            }
            if (!known.test(id)) {
                errors.add(new RuleError(file, lineNo, m.start(1) + 1, message.apply(id)));
            }
        }
    }

    private static String stripComment(String line) {
        int slash = line.indexOf("//");
        return slash < 0 ? line : line.substring(0, slash);
    }
}
