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

    /**
     * What a try found: the stage and, per hit, its rule, target and the ids of the evidence it matched; the same of
     * the hits of the stage of city industry.
     */
    private record Outcome(Stage found, List<HitShape> hits, List<HitShape> cityHits) {
    }

    /**
     * A try's outcome on one request: the stage found (null: none), the stage hits and the hits of the stage of city
     * industry, in firing order.
     */
    record Tried(Stage found, List<Findings.Hit> hits, List<Findings.Hit> cityHits) {
    }

    /**
     * Which stage rules fire in a try: {@link #ALL} every match (the stage-decider tries, the stage part of the
     * settling pass); {@link #WHAT_IF} only matches resting on some evidence that is not observed (the what-if pass's
     * filter), so its key also says which inserted evidence is observed.
     */
    enum Mode { ALL, WHAT_IF }

    /**
     * A hit as a try found it: its rule, its target and, for each evidence it matched, the position in the inserted
     * list of the last evidence with that threshold id (-1: none), which the key fixes.
     */
    private record HitShape(String rule, String target, int[] evidence) {
    }

    private final boolean indexable;
    private final String why;
    private final DiagnosisIndex diagnoses;
    private final Map<List<Object>, Outcome> outcomes = new ConcurrentHashMap<>();

    private RulesetStageIndex(boolean indexable, String why, DiagnosisIndex diagnoses) {
        this.indexable = indexable;
        this.why = why;
        this.diagnoses = diagnoses;
    }

    /** An index that never applies (a ruleset built without its DRL text at hand). */
    static RulesetStageIndex none() {
        return new RulesetStageIndex(false, "no DRL text", DiagnosisIndex.none("no DRL text"));
    }

    /** The diagnosis rules as joins, when they allow it (see {@link DiagnosisIndex}). */
    DiagnosisIndex diagnoses() {
        return diagnoses;
    }

    /**
     * Whether the settling and what-if passes are computed without a session of their own: the stage tries are
     * indexed and the diagnosis rules are modelled; when not, {@link #passesWhy()} says why.
     */
    public boolean replacesPasses() {
        return indexable && diagnoses.applies();
    }

    public String passesWhy() {
        return !indexable ? why : diagnoses.why();
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
        return tryOn(Mode.ALL, inserted, run);
    }

    /** As {@link #tryOn(List, Supplier)}, for a try whose stage rules fire as {@code mode} says. */
    Tried tryOn(Mode mode, List<Evidence> inserted, Supplier<Findings> run) {
        if (!indexable) {
            return tried(run.get());
        }
        // the mode, then each threshold id in order; in WHAT_IF mode an evidence that is not observed is preceded
        // by NOT_OBSERVED (no threshold id is that string)
        List<Object> key = new ArrayList<>(inserted.size() + 4);
        key.add(mode);
        for (Evidence e : inserted) {
            if (mode == Mode.WHAT_IF && e.basis() != Evidence.Basis.OBSERVED) {
                key.add(NOT_OBSERVED);
            }
            key.add(e.getId());
        }
        Outcome outcome = outcomes.get(key);
        if (outcome == null) {
            Findings found = run.get();
            outcomes.putIfAbsent(List.copyOf(key), new Outcome(
                    found.stageFound() == null ? null : found.stageFound().getStage(), shapes(found.hits(), inserted),
                    shapes(found.cityHits(), inserted)));
            return tried(found);
        }
        return replay(outcome, inserted);
    }

    private static final String NOT_OBSERVED = "?";

    private static List<HitShape> shapes(List<Findings.Hit> hits, List<Evidence> inserted) {
        List<HitShape> shapes = new ArrayList<>(hits.size());
        for (Findings.Hit h : hits) {
            int[] at = new int[h.evidence().size()];
            for (int i = 0; i < at.length; i++) {
                at[i] = lastWithId(inserted, h.evidence().get(i).getId());
            }
            shapes.add(new HitShape(h.rule(), h.target(), at));
        }
        return List.copyOf(shapes);
    }

    private static int lastWithId(List<Evidence> inserted, String id) {
        for (int i = inserted.size() - 1; i >= 0; i--) {
            if (inserted.get(i).getId().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static Tried tried(Findings found) {
        return new Tried(found.stageFound() == null ? null : found.stageFound().getStage(), found.hits(),
                found.cityHits());
    }

    /**
     * The outcome as the try would give it on this request's evidence objects (the last one of each threshold id): the
     * key, equal to the first try's, puts each id at the position recorded then.
     */
    private static Tried replay(Outcome outcome, List<Evidence> inserted) {
        return new Tried(outcome.found(), replay(outcome.hits(), inserted), replay(outcome.cityHits(), inserted));
    }

    private static List<Findings.Hit> replay(List<HitShape> shapes, List<Evidence> inserted) {
        List<Findings.Hit> hits = new ArrayList<>(shapes.size());
        for (HitShape h : shapes) {
            Evidence[] evidence = new Evidence[h.evidence().length];
            for (int i = 0; i < evidence.length; i++) {
                int at = h.evidence()[i];
                evidence[i] = at < 0 ? null : inserted.get(at);
            }
            hits.add(new Findings.Hit(h.rule(), h.target(), listOf(evidence)));
        }
        return hits;
    }

    /** An unmodifiable list of the array, nulls kept (as {@code Stream.toList()} gives it). */
    private static List<Evidence> listOf(Evidence[] evidence) {
        return java.util.Collections.unmodifiableList(java.util.Arrays.asList(evidence));
    }

    /** Decides from the DRL files whether the stage rules' tries can be indexed (see the class comment). */
    static RulesetStageIndex of(Map<String, String> drl) {
        return of(drl, null);
    }

    /**
     * As {@link #of(Map)}, and models the diagnosis rules of {@code kieBase} ({@link DiagnosisIndex}) when they allow
     * it, so that the settling and what-if passes need no session.
     */
    static RulesetStageIndex of(Map<String, String> drl, org.kie.api.KieBase kieBase) {
        Map<String, PackageDescr> packages = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> file : drl.entrySet()) {
            PackageDescr pkg;
            DrlParser parser = new DrlParser();
            try {
                pkg = parser.parse(false, file.getValue());
            } catch (DroolsParserException e) {
                return new RulesetStageIndex(false, file.getKey() + " does not parse", DiagnosisIndex.none("no parse"));
            }
            if (pkg == null || parser.hasErrors()) {
                return new RulesetStageIndex(false, file.getKey() + " does not parse", DiagnosisIndex.none("no parse"));
            }
            packages.put(file.getKey(), pkg);
        }
        if (kieBase != null) {
            // with the DRL parsed at hand: consequences that are one findings call become direct calls
            DirectConsequences.install(packages, kieBase);
        }
        DiagnosisIndex diagnoses = DiagnosisIndex.of(packages, kieBase);
        for (PackageDescr pkg : packages.values()) {
            for (RuleDescr rule : pkg.getRules()) {
                AnnotationDescr kind = rule.getAnnotation("kind");
                Object value = kind == null ? null : kind.getSingleValue();
                if (value == null || !"STAGE".equals(String.valueOf(value).toUpperCase(Locale.ROOT))) {
                    continue;
                }
                String refused = refused(rule);
                if (refused != null) {
                    return new RulesetStageIndex(false, "rule \"" + rule.getName() + "\": " + refused, diagnoses);
                }
            }
        }
        return new RulesetStageIndex(true, null, diagnoses);
    }

    /** Null when the stage rule reads only what the key holds, else what it reads besides. */
    private static String refused(RuleDescr rule) {
        AttributeDescr group = rule.getAttributes().get("agenda-group");
        if (group == null || !Findings.STAGE_GROUP.equals(group.getValue().replace("\"", "").trim())) {
            return "not in the agenda group " + Findings.STAGE_GROUP;
        }
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
            // every evidence pattern names its thresholds, so evidence of other thresholds never matches it: a try
            // inserts only the evidence of the thresholds stage rules name
            if (type.equals("Evidence") && pattern.getDescrs().stream().noneMatch(c -> c instanceof ExprConstraintDescr e
                    && e.getExpression().trim().matches("id\\s*(==|in)[\\s\\S]*"))) {
                reads.add("an Evidence pattern naming no threshold id");
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
