package io.nqpf.advisor.engine;

import io.nqpf.advisor.engine.facts.CityIndustryStage;
import io.nqpf.advisor.engine.facts.Findings;
import io.nqpf.advisor.engine.facts.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.base.ValueResolver;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.consequence.Consequence;
import org.drools.base.rule.consequence.ConsequenceContext;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.api.KieBase;

/**
 * The consequences that are one call of the {@code findings} global with literal arguments, as almost every rule's is
 * ({@code findings.bottleneck(kcontext, "B-…");}, {@code findings.recommend(kcontext, "C-…", 0.8);},
 * {@code findings.fit(kcontext, "C-…", -0.3, "key");}, {@code findings.stage(kcontext, Stage.TRANSITION);}): made a
 * direct call of that method when the ruleset is built, in place of the MVEL expression the knowledge base compiled
 * for it. MVEL builds a variable-resolver factory and resolves the global, {@code kcontext} and the method by
 * reflection at every firing; the direct call does the same call with the same arguments (each literal as MVEL reads
 * it) on the same global and rule context. A consequence of any other shape (an expression, a bound variable, more
 * than one statement) stays as compiled.
 */
final class DirectConsequences {

    private DirectConsequences() {
    }

    /** One direct call: the Findings method and its literal arguments after the rule context. */
    @FunctionalInterface
    private interface Call {
        void on(Findings findings, ConsequenceContext kcontext);
    }

    /**
     * Replaces the consequences of {@code kieBase}'s rules that {@code packages} write as one such call.
     *
     * @return how many were replaced
     */
    static int install(Map<String, PackageDescr> packages, KieBase kieBase) {
        int installed = 0;
        for (PackageDescr pkg : packages.values()) {
            if (!importsFacts(pkg)) {
                continue;
            }
            for (RuleDescr rule : pkg.getRules()) {
                Call call = call(String.valueOf(rule.getConsequence()));
                if (call == null || !rule.getNamedConsequences().isEmpty()) {
                    continue;
                }
                if (kieBase.getRule(pkg.getName(), rule.getName()) instanceof RuleImpl loaded
                        && !loaded.hasNamedConsequences() && loaded.getConsequence() != null
                        && loaded.getConsequence().getClass().getName().equals("org.drools.mvel.expr.MVELConsequence")) {
                    loaded.setConsequence(new Direct(loaded.getConsequence().getName(), call));
                    installed++;
                }
            }
        }
        return installed;
    }

    /** Stage and CityIndustryStage are the engine's when the package imports them and declares no type of its own. */
    private static boolean importsFacts(PackageDescr pkg) {
        if (!pkg.getTypeDeclarations().isEmpty() || !pkg.getEnumDeclarations().isEmpty()) {
            return false;
        }
        for (ImportDescr i : pkg.getImports()) {
            if (i.getTarget().equals(Findings.class.getPackageName() + ".*")) {
                return true;
            }
        }
        return false;
    }

    private static final class Direct implements Consequence<ConsequenceContext> {
        private final String name;
        private final Call call;

        Direct(String name, Call call) {
            this.name = name;
            this.call = call;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public void evaluate(ConsequenceContext kcontext, ValueResolver valueResolver) {
            call.on((Findings) valueResolver.getGlobal(RulesetBuilder.GLOBAL), kcontext);
        }
    }

    /** The direct call a consequence text makes, or null when it is not one call with literal arguments. */
    static Call call(String consequence) {
        Matcher m = CALL.matcher(consequence);
        if (!m.matches()) {
            return null;
        }
        List<String> args = new ArrayList<>();
        Matcher arg = ARG.matcher(m.group(2));
        int at = 0;
        while (at < m.group(2).length()) {
            if (!arg.find(at) || arg.start() != at) {
                return null;
            }
            args.add(arg.group(1));
            at = arg.end();
        }
        String method = m.group(1);
        try {
            switch (method) {
                case "bottleneck" -> {
                    if (args.size() == 1 && string(args.get(0)) != null) {
                        String id = string(args.get(0));
                        return (f, k) -> f.bottleneck(k, id);
                    }
                }
                case "stage" -> {
                    if (args.size() == 1 && args.get(0).startsWith("Stage.")) {
                        Stage stage = Stage.valueOf(args.get(0).substring("Stage.".length()));
                        return (f, k) -> f.stage(k, stage);
                    }
                }
                case "cityStage" -> {
                    if (args.size() == 1 && args.get(0).startsWith("CityIndustryStage.Phase.")) {
                        CityIndustryStage.Phase phase = CityIndustryStage.Phase.valueOf(
                                args.get(0).substring("CityIndustryStage.Phase.".length()));
                        return (f, k) -> f.cityStage(k, phase);
                    }
                }
                case "recommend" -> {
                    if (args.size() == 2 && string(args.get(0)) != null && number(args.get(1)) != null) {
                        String id = string(args.get(0));
                        double centrality = number(args.get(1));
                        return (f, k) -> f.recommend(k, id, centrality);
                    }
                }
                case "fit", "stageFit", "prerequisite" -> {
                    if (args.size() == 3 && string(args.get(0)) != null && number(args.get(1)) != null
                            && string(args.get(2)) != null) {
                        String id = string(args.get(0));
                        double points = number(args.get(1));
                        String reason = string(args.get(2));
                        return switch (method) {
                            case "fit" -> (f, k) -> f.fit(k, id, points, reason);
                            case "stageFit" -> (f, k) -> f.stageFit(k, id, points, reason);
                            default -> (f, k) -> f.prerequisite(k, id, points, reason);
                        };
                    }
                }
                default -> {
                    return null;
                }
            }
        } catch (IllegalArgumentException e) {
            return null; // no such stage or phase: left to MVEL, which reports it
        }
        return null;
    }

    /** The text of a plain string literal, or null. */
    private static String string(String literal) {
        Matcher m = STRING.matcher(literal);
        return m.matches() ? m.group(1) : null;
    }

    /** A numeric literal as MVEL reads it and passes it to a {@code double} parameter, or null. */
    private static Double number(String literal) {
        if (!NUMBER.matcher(literal).matches()) {
            return null;
        }
        return org.mvel2.MVEL.eval(literal) instanceof Number n ? n.doubleValue() : null;
    }

    private static final Pattern CALL = Pattern.compile(
            "\\s*" + RulesetBuilder.GLOBAL + "\\.(\\w+)\\(\\s*kcontext\\s*((?:,\\s*(?:\"[^\"\\\\]*\"|[-\\w.]+)\\s*)*)\\)\\s*;?\\s*");
    private static final Pattern ARG = Pattern.compile(",\\s*(\"[^\"\\\\]*\"|[-\\w.]+)\\s*");
    private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
}
