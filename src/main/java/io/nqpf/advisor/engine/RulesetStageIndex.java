package io.nqpf.advisor.engine;

import io.nqpf.advisor.engine.SourceTokens.Token;
import io.nqpf.advisor.engine.facts.CityIndustryStage;
import io.nqpf.advisor.engine.facts.Evidence;
import io.nqpf.advisor.engine.facts.Findings;
import io.nqpf.advisor.engine.facts.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * The outcome of the stage-decider tries of one ruleset (see {@code Evaluator#stageDeciders}), kept per ruleset so
 * that each distinct try runs the rules once in the ruleset's life instead of once per request.
 * <p>
 * A try runs only the stage rules on the region, the observed evidence of the thresholds stage rules name and the
 * missing-value evidence of one indicator. When the stage rules read of that evidence nothing but which thresholds
 * it is for ({@code id}, {@code indicator}; counted with {@code collectList}, {@code collectSet} or {@code count}),
 * of the stage facts they insert nothing but their stage, and of the region nothing at all, the try's outcome is a
 * function of the ordered threshold ids inserted: that list is the key, and the outcome is kept as the stage found
 * and, for each hit, its rule, its target and the ids of the evidence it matched, handed back with the request's own
 * evidence objects. The keys are ordered subsets of the ruleset's stage thresholds, so the index is bounded by the
 * ruleset, not by what clients send, and it is dropped with the ruleset on a reload.
 * <p>
 * {@link #indexable()} is decided once from the DRL text: a stage rule with any other word in a condition (a value,
 * an excess, a year, a method call, an {@code eval}, a {@code from}, a Region constraint, a salience expression),
 * makes the ruleset run every try as its own session, as before. Either way the answer is the same.
 */
public final class RulesetStageIndex {

    /** What a try found: the stage and, per hit, its rule, target and the ids of the evidence it matched. */
    private record Outcome(Stage found, List<HitShape> hits) {
    }

    /** A try's outcome on one request: the stage found (null: none) and the stage hits in firing order. */
    record Tried(Stage found, List<Findings.Hit> hits) {
    }

    private record HitShape(String rule, String target, List<String> evidence) {
    }

    private final boolean indexable;
    private final String why;
    private final Map<List<String>, Outcome> outcomes = new ConcurrentHashMap<>();

    private RulesetStageIndex(boolean indexable, String why) {
        this.indexable = indexable;
        this.why = why;
    }

    /** An index that never applies (a ruleset built without its DRL text at hand). */
    static RulesetStageIndex none() {
        return new RulesetStageIndex(false, "no DRL text");
    }

    /** Whether the tries of this ruleset are looked up; when not, {@link #why()} says which condition prevents it. */
    public boolean indexable() {
        return indexable;
    }

    public String why() {
        return why;
    }

    /** Distinct tries run so far. */
    public int size() {
        return outcomes.size();
    }

    /**
     * The stage found and the hits of the try on {@code inserted} (in insertion order), run by {@code run} the
     * first time this ordered list of threshold ids is seen (or every time when the ruleset is not indexable).
     */
    Tried tryOn(List<Evidence> inserted, Supplier<Findings> run) {
        if (!indexable) {
            return tried(run.get());
        }
        List<String> key = inserted.stream().map(Evidence::getId).toList();
        Outcome outcome = outcomes.get(key);
        if (outcome == null) {
            Findings found = run.get();
            outcomes.putIfAbsent(key, new Outcome(found.stageFound() == null ? null : found.stageFound().getStage(),
                    found.hits().stream().map(h -> new HitShape(h.rule(), h.target(),
                            h.evidence().stream().map(Evidence::getId).toList())).toList()));
            return tried(found);
        }
        return replay(outcome, inserted);
    }

    private static Tried tried(Findings found) {
        return new Tried(found.stageFound() == null ? null : found.stageFound().getStage(), found.hits());
    }

    /** The outcome as the try would give it on this request's evidence objects (one per threshold id). */
    private static Tried replay(Outcome outcome, List<Evidence> inserted) {
        Map<String, Evidence> byId = new java.util.HashMap<>();
        inserted.forEach(e -> byId.put(e.getId(), e));
        List<Findings.Hit> hits = new ArrayList<>(outcome.hits().size());
        for (HitShape h : outcome.hits()) {
            hits.add(new Findings.Hit(h.rule(), h.target(), h.evidence().stream().map(byId::get).toList()));
        }
        return new Tried(outcome.found(), hits);
    }

    /** Decides from the DRL files whether the stage rules' tries can be indexed (see the class comment). */
    static RulesetStageIndex of(Map<String, String> drl) {
        for (Map.Entry<String, String> file : drl.entrySet()) {
            PackageDescr pkg;
            DrlParser parser = new DrlParser();
            try {
                pkg = parser.parse(false, file.getValue());
            } catch (DroolsParserException e) {
                return new RulesetStageIndex(false, file.getKey() + " does not parse");
            }
            if (pkg == null || parser.hasErrors()) {
                return new RulesetStageIndex(false, file.getKey() + " does not parse");
            }
            for (RuleDescr rule : pkg.getRules()) {
                AnnotationDescr kind = rule.getAnnotation("kind");
                Object value = kind == null ? null : kind.getSingleValue();
                if (value == null || !"STAGE".equals(String.valueOf(value).toUpperCase(Locale.ROOT))) {
                    continue;
                }
                String refused = refused(rule);
                if (refused != null) {
                    return new RulesetStageIndex(false, "rule \"" + rule.getName() + "\": " + refused);
                }
            }
        }
        return new RulesetStageIndex(true, null);
    }

    /** Null when the stage rule reads only what the key holds, else what it reads besides. */
    private static String refused(RuleDescr rule) {
        for (AttributeDescr a : rule.getAttributes().values()) {
            boolean plain = switch (a.getName()) {
                case "agenda-group", "no-loop", "dialect", "activation-group", "lock-on-active" -> true;
                case "salience" -> a.getValue().trim().matches("-?\\d+");
                default -> false;
            };
            if (!plain) {
                return "attribute " + a.getName() + " " + a.getValue();
            }
        }
        List<String> reads = new ArrayList<>();
        lhs(rule.getLhs(), reads);
        return reads.isEmpty() ? null : String.join(", ", reads);
    }

    private static void lhs(BaseDescr descr, List<String> reads) {
        if (descr instanceof PatternDescr pattern) {
            String type = pattern.getObjectType() == null ? "" : pattern.getObjectType();
            type = type.substring(type.lastIndexOf('.') + 1);
            boolean region = type.equals("Region");
            if (!FACT_TYPES.contains(type) && !region && pattern.getSource() == null) {
                reads.add("facts of type " + type);
            }
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (region) {
                    reads.add("a Region condition");
                } else if (constraint instanceof ExprConstraintDescr expr) {
                    words(expr.getExpression(), reads);
                } else {
                    reads.add("a condition " + constraint);
                }
            }
            BaseDescr source = pattern.getSource();
            if (source instanceof AccumulateDescr accumulate) {
                if (!accumulate.isExternalFunction()) {
                    reads.add("accumulate code");
                }
                accumulate.getFunctions().forEach(f -> {
                    if (!FUNCTIONS.contains(f.getFunction())) {
                        reads.add("accumulate function " + f.getFunction());
                    }
                    for (String p : f.getParams()) {
                        words(p, reads);
                    }
                });
                lhs(accumulate.getInput(), reads);
            } else if (source instanceof CollectDescr collect) {
                lhs(collect.getInputPattern(), reads);
            } else if (source != null) {
                reads.add("a source " + source.getClass().getSimpleName());
            }
        } else if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
                || descr instanceof ExistsDescr || descr instanceof ForallDescr) {
            ConditionalElementDescr element = (ConditionalElementDescr) descr;
            for (BaseDescr child : element.getDescrs()) {
                lhs(child, reads);
            }
        } else if (descr != null) {
            reads.add("a condition " + descr.getClass().getSimpleName());
        }
    }

    private static void words(String expression, List<String> reads) {
        for (Token t : SourceTokens.of(expression)) {
            if (t.type() == SourceTokens.Type.WORD && !t.value().startsWith("$") && !WORDS.contains(t.value())) {
                reads.add(t.value());
            }
        }
    }

    /** The facts a stage rule may match: the evidence and the stage facts stage rules insert. */
    private static final Set<String> FACT_TYPES = Set.of("Evidence", "SmartSpecialization", "CityIndustryStage");
    private static final Set<String> FUNCTIONS = Set.of("collectList", "collectSet", "count");
    /** Words that read only a threshold id, a stage or a count of distinct facts. */
    private static final Set<String> WORDS;

    static {
        Set<String> words = new HashSet<>(Set.of("id", "indicator", "getId", "getIndicator", "stage", "getStage",
                "size", "isEmpty", "in", "not", "contains", "null", "true", "false", "Stage", "CityIndustryStage",
                "Phase", "this"));
        for (Stage s : Stage.values()) {
            words.add(s.name());
        }
        for (CityIndustryStage.Phase p : CityIndustryStage.Phase.values()) {
            words.add(p.name());
        }
        WORDS = Set.copyOf(words);
    }
}
