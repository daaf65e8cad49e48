package io.nqpf.advisor.engine;

import io.nqpf.advisor.engine.facts.Evidence;
import io.nqpf.advisor.engine.facts.Findings;
import io.nqpf.advisor.engine.facts.Region;
import io.nqpf.advisor.engine.facts.Unknown;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.api.KieBase;

/**
 * The diagnosis rules of one ruleset as plain joins, so that the settling and what-if passes need no session of their
 * own (see {@code Evaluator}): their diagnosis hits are computed here and their stage part is looked up in
 * {@link RulesetStageIndex}.
 * <p>
 * This applies when every {@code @kind(diagnosis)} rule is a conjunction of patterns, each an
 * {@code Evidence( id == "X" )} or {@code Evidence( id in ("X", "Y") )} (no two naming the same id, at most one naming
 * several), an {@code Unknown( id == … )} or a {@code Region( … )} condition on the region alone; with no attribute
 * (no salience, no agenda group) and a consequence that is {@code findings.bottleneck(kcontext, "B-…")} and nothing
 * else. Such a rule reads nothing the other rules insert, so its matches are exactly the tuples of the inserted
 * evidence (and Unknown facts) its patterns name, the region's conditions holding, in any pass; they
 * fire after the stage rules (their agenda group has the focus), rule by rule in Drools' order for rules of equal
 * salience (the load order, which counts per package, then the terminal node's id, both read from the knowledge
 * base), the matches of one rule in the order their evidence was inserted. A rule with an Unknown pattern matches
 * nothing in the settling and what-if passes (they insert no Unknown facts). The bottlenecks of a real pass, all that
 * a comparison reads of a profile completed with the other side's values, are its matches on the observed evidence
 * and the Unknown facts.
 * <p>
 * Whether a rule's Region conditions hold for a region is asked of Drools itself, once per distinct region (its
 * typology: enums and booleans, so the cache is bounded) and ruleset: a session with the region and one evidence fact
 * (or Unknown fact) per id those rules name, in which only they may fire.
 * <p>
 * Judged once from the DRL text when the ruleset is built; a rule outside this shape makes every pass run as its own
 * session, as before ({@link #why()} says which rule).
 */
final class DiagnosisIndex {

    /** A diagnosis rule as a join: its evidence patterns (the ids each names) in order. */
    private record Rule(String name, String target, List<Set<String>> evidence, boolean readsRegion,
            List<String> unknown) {
        boolean readsUnknown() {
            return !unknown.isEmpty();
        }
    }

    /** One match of a diagnosis rule: its evidence and Unknown facts in pattern order. */
    record Match(String rule, String target, List<Evidence> evidence, List<Unknown> unknown) {
    }

    private final boolean applies;
    private final String why;
    private final List<Rule> rules;
    /** The ids the Evidence patterns of the rules with Region conditions name: the probe's evidence. */
    private final Set<String> regionRuleIds;
    /** The ids their Unknown patterns name: the probe's Unknown facts. */
    private final Set<String> regionRuleUnknown;
    private final Set<String> regionRules;
    private final Map<List<Object>, Set<String>> regionHolds = new ConcurrentHashMap<>();
    /**
     * Each threshold id the rules name, to a slot: a pass finds each id's first inserted evidence (and Unknown fact)
     * once, by slot, instead of searching the inserted facts per pattern.
     */
    private final Map<String, Integer> slots;
    /** Per rule (in {@link #rules}' order): the slot of each evidence pattern naming one id, -1 at the one naming several. */
    private final int[][] single;
    /** Per rule: the pattern naming several ids (-1: none) and, for it, which slots it names. */
    private final int[] several;
    private final boolean[][] severalSlots;
    /** Per rule: the slot of each Unknown pattern. */
    private final int[][] unknownSlots;

    private DiagnosisIndex(boolean applies, String why, List<Rule> rules) {
        this.applies = applies;
        this.why = why;
        this.rules = rules;
        Map<String, Integer> slotOf = new java.util.HashMap<>();
        for (Rule r : rules) {
            r.evidence().forEach(ids -> ids.forEach(id -> slotOf.putIfAbsent(id, slotOf.size())));
            r.unknown().forEach(id -> slotOf.putIfAbsent(id, slotOf.size()));
        }
        this.slots = Map.copyOf(slotOf);
        this.single = new int[rules.size()][];
        this.several = new int[rules.size()];
        this.severalSlots = new boolean[rules.size()][];
        this.unknownSlots = new int[rules.size()][];
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            single[r] = new int[rule.evidence().size()];
            several[r] = -1;
            for (int i = 0; i < single[r].length; i++) {
                Set<String> ids = rule.evidence().get(i);
                if (ids.size() > 1) {
                    single[r][i] = -1;
                    several[r] = i;
                    severalSlots[r] = new boolean[slotOf.size()];
                    for (String id : ids) {
                        severalSlots[r][slotOf.get(id)] = true;
                    }
                } else {
                    single[r][i] = slotOf.get(ids.iterator().next());
                }
            }
            unknownSlots[r] = rule.unknown().stream().mapToInt(slotOf::get).toArray();
        }
        Set<String> ids = new LinkedHashSet<>();
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> names = new HashSet<>();
        for (Rule r : rules) {
            if (r.readsRegion()) {
                r.evidence().forEach(ids::addAll);
                unknown.addAll(r.unknown());
                names.add(r.name());
            }
        }
        this.regionRuleIds = Set.copyOf(ids);
        this.regionRuleUnknown = Set.copyOf(unknown);
        this.regionRules = Set.copyOf(names);
    }

    static DiagnosisIndex none(String why) {
        return new DiagnosisIndex(false, why, List.of());
    }

    boolean applies() {
        return applies;
    }

    String why() {
        return why;
    }

    /** The names of the rules whose Region conditions the probe judges, and the threshold ids it inserts. */
    Set<String> regionRules() {
        return regionRules;
    }

    Set<String> regionRuleIds() {
        return regionRuleIds;
    }

    Set<String> regionRuleUnknown() {
        return regionRuleUnknown;
    }

    /** Distinct regions probed so far. */
    int regionsProbed() {
        return regionHolds.size();
    }

    /**
     * The diagnosis hits of a pass that inserts {@code inserted} (in this order) and no Unknown fact and lets diagnosis
     * rules fire, in firing order; with {@code whatIf} only the matches resting on some evidence that is not observed
     * (the what-if pass's filter).
     *
     * @param probe runs the probe session for a region not seen yet and answers the names of the rules that fired
     */
    List<Findings.Hit> hits(Region region, List<Evidence> inserted, boolean whatIf,
            Function<Region, Collection<String>> probe) {
        List<Findings.Hit> hits = new ArrayList<>();
        for (Match m : matches(region, inserted, null, probe)) {
            if (!whatIf || restsOnUnobserved(m.evidence())) {
                hits.add(new Findings.Hit(m.rule(), m.target(), m.evidence()));
            }
        }
        return hits;
    }

    private static boolean restsOnUnobserved(List<Evidence> evidence) {
        for (Evidence e : evidence) {
            if (e.basis() != Evidence.Basis.OBSERVED) {
                return true;
            }
        }
        return false;
    }

    /**
     * The matches of every diagnosis rule on the region, the evidence {@code inserted} and the Unknown facts
     * {@code unknown} (null: none inserted), in the order Drools fires them.
     */
    List<Match> matches(Region region, List<Evidence> inserted, List<Unknown> unknown,
            Function<Region, Collection<String>> probe) {
        Set<String> holds = regionRules.isEmpty() ? Set.of() : holds(region, probe);
        // the first inserted evidence (and Unknown fact) of each id the rules name, and each inserted evidence's slot
        Evidence[] first = new Evidence[slots.size()];
        int[] slotAt = new int[inserted.size()];
        for (int i = 0; i < slotAt.length; i++) {
            Evidence e = inserted.get(i);
            Integer slot = slots.get(e.getId());
            slotAt[i] = slot == null ? -1 : slot;
            if (slot != null && first[slot] == null) {
                first[slot] = e;
            }
        }
        Unknown[] firstUnknown = null;
        if (unknown != null) {
            firstUnknown = new Unknown[slots.size()];
            for (Unknown u : unknown) {
                Integer slot = slots.get(u.getId());
                if (slot != null && firstUnknown[slot] == null) {
                    firstUnknown[slot] = u;
                }
            }
        }
        List<Match> matches = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            if ((rule.readsUnknown() && unknown == null) || (rule.readsRegion() && !holds.contains(rule.name()))) {
                continue;
            }
            List<Unknown> presumed = List.of();
            if (unknownSlots[r].length > 0) {
                Unknown[] found = new Unknown[unknownSlots[r].length];
                boolean all = true;
                for (int i = 0; i < found.length && all; i++) {
                    found[i] = firstUnknown[unknownSlots[r][i]];
                    all = found[i] != null;
                }
                if (!all) {
                    continue;
                }
                presumed = List.of(found);
            }
            // at most one pattern names several ids, and the others one each: the matches are that pattern's evidence
            // in the order it was inserted, each with the single evidence of every other pattern
            int[] one = single[r];
            Evidence[] tuple = new Evidence[one.length];
            boolean complete = true;
            for (int i = 0; i < one.length && complete; i++) {
                if (one[i] >= 0) {
                    tuple[i] = first[one[i]];
                    complete = tuple[i] != null;
                }
            }
            if (!complete) {
                continue;
            }
            int at = several[r];
            if (at < 0) {
                matches.add(new Match(rule.name(), rule.target(), List.of(tuple), presumed));
                continue;
            }
            boolean[] named = severalSlots[r];
            for (int i = 0; i < slotAt.length; i++) {
                if (slotAt[i] >= 0 && named[slotAt[i]]) {
                    tuple[at] = inserted.get(i);
                    matches.add(new Match(rule.name(), rule.target(), List.of(tuple), presumed));
                }
            }
        }
        return matches;
    }

    private Set<String> holds(Region region, Function<Region, Collection<String>> probe) {
        List<Object> key = region.key();
        Set<String> holds = regionHolds.get(key);
        if (holds == null) {
            holds = Set.copyOf(probe.apply(region));
            regionHolds.putIfAbsent(key, holds);
        }
        return holds;
    }

    /** Judges the diagnosis rules of the DRL files (see the class comment) and orders them as {@code kieBase} loads them. */
    static DiagnosisIndex of(Map<String, PackageDescr> packages, KieBase kieBase) {
        if (kieBase == null) {
            return none("no knowledge base");
        }
        if (!(kieBase instanceof org.drools.core.impl.InternalRuleBase network)) {
            return none("a knowledge base whose network is not at hand");
        }
        List<Rule> rules = new ArrayList<>();
        Map<String, long[]> order = new java.util.HashMap<>();
        for (PackageDescr pkg : packages.values()) {
            for (RuleDescr rule : pkg.getRules()) {
                AnnotationDescr kind = rule.getAnnotation("kind");
                Object value = kind == null ? null : kind.getSingleValue();
                if (value == null || !"DIAGNOSIS".equals(String.valueOf(value).toUpperCase(Locale.ROOT))) {
                    continue;
                }
                String refused = refused(rule, rules);
                if (refused != null) {
                    return none("rule \"" + rule.getName() + "\": " + refused);
                }
                org.kie.api.definition.rule.Rule loaded = kieBase.getRule(pkg.getName(), rule.getName());
                org.drools.core.reteoo.TerminalNode[] ends = network.getReteooBuilder()
                        .getTerminalNodes(pkg.getName() + "." + rule.getName());
                if (loaded == null || ends == null || ends.length != 1) {
                    return none("rule \"" + rule.getName() + "\" is not one rule of the knowledge base");
                }
                // Drools fires rules of equal salience by load order (counted per package), then by terminal node
                order.put(rule.getName(), new long[] {loaded.getLoadOrder(), ends[0].getId()});
            }
        }
        rules.sort(Comparator.comparingLong((Rule r) -> order.get(r.name())[0])
                .thenComparingLong(r -> order.get(r.name())[1]));
        return new DiagnosisIndex(true, null, List.copyOf(rules));
    }

    /** Null when the rule is a join this index models (it is then added to {@code into}), else what it does besides. */
    private static String refused(RuleDescr rule, List<Rule> into) {
        if (rule.getParentName() != null) {
            return "extends " + rule.getParentName();
        }
        for (AttributeDescr a : rule.getAttributes().values()) {
            if (!a.getName().equals("dialect")) {
                return "attribute " + a.getName() + " " + a.getValue();
            }
        }
        Matcher call = BOTTLENECK.matcher(String.valueOf(rule.getConsequence()));
        if (!call.matches()) {
            return "a consequence other than one findings.bottleneck call";
        }
        List<Set<String>> evidence = new ArrayList<>();
        boolean region = false;
        List<String> unknown = new ArrayList<>();
        Set<String> named = new HashSet<>();
        int several = 0;
        for (BaseDescr d : rule.getLhs().getDescrs()) {
            if (!(d instanceof PatternDescr pattern) || pattern.getSource() != null) {
                return "a condition " + d.getClass().getSimpleName();
            }
            String type = pattern.getObjectType() == null ? "" : pattern.getObjectType();
            type = type.substring(type.lastIndexOf('.') + 1);
            if (type.equals("Region")) {
                for (BaseDescr c : pattern.getDescrs()) {
                    if (!(c instanceof ExprConstraintDescr expr) || expr.getExpression().contains("$")) {
                        return "a Region condition reading another pattern";
                    }
                }
                region = true;
                continue;
            }
            if (!type.equals("Evidence") && !type.equals("Unknown")) {
                return "facts of type " + type;
            }
            Set<String> ids = ids(pattern);
            if (ids == null) {
                return "an " + type + " pattern that is not id == or id in (…)";
            }
            if (type.equals("Unknown")) {
                if (ids.size() > 1 || unknown.contains(ids.iterator().next())) {
                    return "an Unknown pattern naming several ids, or one named twice";
                }
                unknown.add(ids.iterator().next());
                continue;
            }
            for (String id : ids) {
                if (!named.add(id)) {
                    return "two patterns naming " + id;
                }
            }
            if (ids.size() > 1 && ++several > 1) {
                return "two patterns naming several ids";
            }
            evidence.add(ids);
        }
        if (evidence.isEmpty()) {
            return "no evidence pattern";
        }
        into.add(new Rule(rule.getName(), call.group(1), List.copyOf(evidence), region, List.copyOf(unknown)));
        return null;
    }

    /** The ids of a pattern whose only constraint is {@code id == "X"} or {@code id in ("X", …)}, else null. */
    private static Set<String> ids(PatternDescr pattern) {
        if (pattern.getDescrs().size() != 1 || !(pattern.getDescrs().get(0) instanceof ExprConstraintDescr expr)) {
            return null;
        }
        String text = expr.getExpression().trim();
        Matcher one = ID_EQUALS.matcher(text);
        if (one.matches()) {
            return Set.of(one.group(1));
        }
        Matcher in = ID_IN.matcher(text);
        if (!in.matches()) {
            return null;
        }
        Set<String> ids = new LinkedHashSet<>();
        Matcher literal = LITERAL.matcher(in.group(1));
        while (literal.find()) {
            ids.add(literal.group(1));
        }
        return ids.isEmpty() ? null : Set.copyOf(ids);
    }

    private static final Pattern BOTTLENECK =
            Pattern.compile("\\s*findings\\.bottleneck\\(\\s*kcontext\\s*,\\s*\"([^\"]+)\"\\s*\\)\\s*;?\\s*");
    private static final Pattern ID_EQUALS = Pattern.compile("id\\s*==\\s*\"([^\"]+)\"");
    private static final Pattern ID_IN = Pattern.compile("id\\s+in\\s*\\(((?:\\s*\"[^\"]+\"\\s*,)*\\s*\"[^\"]+\"\\s*)\\)");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]+)\"");
}
