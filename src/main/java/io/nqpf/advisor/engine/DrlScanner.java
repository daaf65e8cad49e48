package io.nqpf.advisor.engine;

import io.nqpf.advisor.engine.SourceTokens.Token;
import io.nqpf.advisor.engine.facts.Findings;
import io.nqpf.advisor.engine.facts.Region;
import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.CatalogLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Reads one DRL file through Drools' own parser: its rules with their lines and {@code @kind}, and every id they
 * name — in any constraint of a Bottleneck, Candidate or Evidence pattern, however nested, and in the arguments of
 * the {@code findings} calls of consequences — each checked against the catalog at its line and column.
 */
final class DrlScanner {

    /** What a pattern's {@code id} names, by fact type. */
    private enum IdSpace {
        BOTTLENECK("bottleneck", "not in the catalog"),
        COUNTERMEASURE("countermeasure", "not in the catalog"),
        THRESHOLD("threshold", "not in thresholds.yaml");

        final String noun;
        final String where;

        IdSpace(String noun, String where) {
            this.noun = noun;
            this.where = where;
        }
    }

    private static final Map<String, IdSpace> PATTERN_IDS = Map.of(
            "Bottleneck", IdSpace.BOTTLENECK, "Candidate", IdSpace.COUNTERMEASURE, "Evidence", IdSpace.THRESHOLD,
            "Unknown", IdSpace.THRESHOLD);
    /** Each findings call, the kind of rule that makes it. */
    private static final Map<String, String> CALL_KINDS = Map.of("bottleneck", "DIAGNOSIS", "stage", "STAGE",
            "cityStage", "STAGE", "recommend", "COUNTERMEASURE", "fit", "ADJUSTMENT", "stageFit", "ADJUSTMENT",
            "prerequisite", "ADJUSTMENT");
    private static final Set<String> ID_FIELDS = Set.of("id", "this.id", "getId()", "this.getId()");

    private final String file;
    private final String text;
    private final Catalog catalog;
    /** What the catalog files would define once their own problems are fixed: no error of the rules. */
    private final CatalogLoader.Result loaded;
    private final List<RuleError> errors;
    private final int[] lineStarts;

    private DrlScanner(String file, String text, CatalogLoader.Result loaded, List<RuleError> errors) {
        this.file = file;
        this.text = text;
        this.catalog = loaded.catalog();
        this.loaded = loaded;
        this.errors = errors;
        this.lineStarts = text.lines().mapToInt(l -> 0).toArray();
        int line = 0;
        for (int i = 0; i < text.length() && line + 1 < lineStarts.length; i++) {
            if (text.charAt(i) == '\n') {
                lineStarts[++line] = i + 1;
            }
        }
    }

    /** Adds the rules of one file to {@code rules}; a file the parser rejects is left to the compiler's errors. */
    static void scan(String file, String text, CatalogLoader.Result loaded, List<RuleInfo> rules,
            List<RuleError> errors) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException e) {
            return;
        }
        if (pkg == null || parser.hasErrors()) {
            return;
        }
        DrlScanner scanner = new DrlScanner(file, text, loaded, errors);
        for (RuleDescr rule : pkg.getRules()) {
            rules.add(scanner.rule(rule));
        }
    }

    /**
     * What in a draft would run code while the rules are compiled, before any scenario or limit could judge it:
     * functions and {@code declare} field initializers and enum constants. Validation compiles what an
     * administrator sends, so drafts may not have them; the rules directory may (a reload builds what is on disk).
     */
    static List<RuleError> codeAtCompileTime(String file, String text) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, text);
        } catch (DroolsParserException e) {
            return List.of();
        }
        if (pkg == null) {
            return List.of();
        }
        String why = ": drafts sent to validate may not run code while they are compiled; put it in the rules "
                + "directory and reload, or leave it out";
        List<RuleError> refused = new ArrayList<>();
        pkg.getFunctions().forEach(f -> refused.add(new RuleError(file, f.getLine(), Math.max(f.getColumn(), 1),
                "function " + f.getName() + why)));
        pkg.getTypeDeclarations().forEach(t -> t.getFields().values().stream().filter(f -> f.getInitExpr() != null)
                .forEach(f -> refused.add(new RuleError(file, f.getLine(), Math.max(f.getColumn(), 1),
                        "field " + f.getFieldName() + " of declare " + t.getTypeName() + " has an initializer" + why))));
        pkg.getEnumDeclarations().forEach(e -> refused.add(new RuleError(file, e.getLine(), Math.max(e.getColumn(), 1),
                "declare enum " + e.getTypeName() + why)));
        return refused;
    }

    private RuleInfo rule(RuleDescr rule) {
        String kind = kind(rule);
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        conditions(rule.getLhs(), ids);
        consequence(rule, kind, ids);
        java.util.TreeSet<String> reads = new java.util.TreeSet<>();
        regionReads(rule.getLhs(), reads);
        return new RuleInfo(rule.getName(), file, rule.getLine(), kind, List.copyOf(ids), List.copyOf(reads));
    }

    /** The profile fields that the rule's Region patterns read, under whatever conditional element they stand. */
    private static void regionReads(BaseDescr descr, java.util.Set<String> reads) {
        if (descr instanceof PatternDescr pattern) {
            if (simpleName(pattern.getObjectType()).equals("Region")) {
                for (BaseDescr constraint : pattern.getDescrs()) {
                    if (constraint instanceof ExprConstraintDescr expr) {
                        for (Token t : SourceTokens.of(expr.getExpression())) {
                            String field = t.type() == SourceTokens.Type.WORD ? Region.fieldOf(t.value()) : null;
                            if (field != null) {
                                reads.add(field);
                            }
                        }
                    }
                }
            }
            if (pattern.getSource() != null) {
                regionReads(pattern.getSource(), reads);
            }
        } else if (descr instanceof AccumulateDescr accumulate) {
            regionReads(accumulate.getInput(), reads);
        } else if (descr instanceof CollectDescr collect) {
            regionReads(collect.getInputPattern(), reads);
        } else if (descr instanceof ConditionalElementDescr element) {
            for (BaseDescr child : element.getDescrs()) {
                regionReads(child, reads);
            }
        }
    }

    /** The rule's {@code @kind}; a missing or unknown one, or a stage rule outside the stage group, is an error. */
    private String kind(RuleDescr rule) {
        AnnotationDescr annotation = rule.getAnnotation("kind");
        String value = annotation == null ? null : String.valueOf(annotation.getSingleValueStripped());
        String kind = value == null ? null : value.toUpperCase(Locale.ROOT);
        String valid = String.join(", ", RuleInfo.KINDS.stream().map(k -> k.toLowerCase(Locale.ROOT)).toList());
        if (annotation == null) {
            errors.add(new RuleError(file, rule.getLine(), 1, "rule \"" + rule.getName()
                    + "\" has no @kind: write one of " + valid + " after its name, e.g. @kind(diagnosis)"));
            return null;
        }
        if (!RuleInfo.KINDS.contains(kind) || !value.equals(value.toLowerCase(Locale.ROOT))) {
            errors.add(new RuleError(file, rule.getLine(), 1, "rule \"" + rule.getName() + "\" has @kind(" + value
                    + "): the kind is one of " + valid));
            return null;
        }
        AttributeDescr group = rule.getAttributes().get("agenda-group");
        boolean inStageGroup = group != null && Findings.STAGE_GROUP.equals(group.getValue());
        if (kind.equals("STAGE") != inStageGroup) {
            errors.add(new RuleError(file, rule.getLine(), 1, kind.equals("STAGE")
                    ? "stage rule \"" + rule.getName() + "\" needs agenda-group \"" + Findings.STAGE_GROUP
                            + "\": stage rules run first so that the stage is known before other rules look"
                    : "only stage rules belong to agenda-group \"" + Findings.STAGE_GROUP + "\"; rule \""
                            + rule.getName() + "\" is @kind(" + value + ")"));
        }
        return kind;
    }

    /** Walks every conditional element (and, or, not, exists, forall, accumulate, collect) down to constraints. */
    private void conditions(BaseDescr descr, Set<String> ids) {
        if (descr instanceof PatternDescr pattern) {
            IdSpace own = PATTERN_IDS.get(simpleName(pattern.getObjectType()));
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expr && own != null) {
                    constraint(expr, own, ids);
                }
            }
            if (pattern.getSource() != null) {
                conditions(pattern.getSource(), ids);
            }
        } else if (descr instanceof AccumulateDescr accumulate) {
            conditions(accumulate.getInput(), ids);
        } else if (descr instanceof CollectDescr collect) {
            conditions(collect.getInputPattern(), ids);
        } else if (descr instanceof ConditionalElementDescr element) {
            for (BaseDescr child : element.getDescrs()) {
                conditions(child, ids);
            }
        }
    }

    private static String simpleName(String type) {
        return type == null ? "" : type.substring(type.lastIndexOf('.') + 1);
    }

    /** Checks each literal compared with {@code id} in one constraint, on either side of the operator. */
    private void constraint(ExprConstraintDescr expr, IdSpace space, Set<String> ids) {
        DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
        ConstraintConnectiveDescr tree = parser.parse(expr.getExpression());
        if (tree == null || parser.hasErrors()) {
            return;
        }
        List<String> literals = new ArrayList<>();
        idLiterals(tree, literals);
        List<Token> tokens = SourceTokens.of(expr.getExpression());
        Map<String, Integer> searchFrom = new HashMap<>();
        for (String id : literals) {
            int at = searchFrom.getOrDefault(id, 0);
            while (at < tokens.size() && !(tokens.get(at).type() == SourceTokens.Type.STRING
                    && tokens.get(at).value().equals(id))) {
                at++;
            }
            searchFrom.put(id, at + 1);
            int offset = expr.getStartCharacter() + (at < tokens.size() ? tokens.get(at).offset() + 1 : 0);
            check(id, space, offset, ids);
        }
    }

    private static void idLiterals(BaseDescr descr, List<String> literals) {
        if (descr instanceof ConstraintConnectiveDescr connective) {
            connective.getDescrs().forEach(d -> idLiterals(d, literals));
        } else if (descr instanceof RelationalExprDescr relation) {
            String left = stringLiteral(relation.getLeft());
            String right = stringLiteral(relation.getRight());
            if (right != null && isIdField(relation.getLeft())) {
                literals.add(right);
            } else if (left != null && isIdField(relation.getRight())) {
                literals.add(left);
            }
        }
    }

    private static boolean isIdField(BaseDescr side) {
        return side instanceof AtomicExprDescr atom && !atom.isLiteral()
                && ID_FIELDS.contains(atom.getExpression().replace(" ", ""));
    }

    private static String stringLiteral(BaseDescr side) {
        if (side instanceof AtomicExprDescr atom && atom.isLiteral()) {
            String e = atom.getExpression();
            if (e.length() >= 2 && e.charAt(0) == '"' && e.endsWith("\"")) {
                return e.substring(1, e.length() - 1);
            }
        }
        return null;
    }

    /** Reads the {@code findings.…(kcontext, …)} calls of the consequence, skipping comments and strings. */
    private void consequence(RuleDescr rule, String kind, Set<String> ids) {
        if (!(rule.getConsequence() instanceof String body)) {
            return;
        }
        int base = text.indexOf(body, rule.getStartCharacter());
        if (base < 0) {
            base = rule.getStartCharacter();
        }
        List<Token> tokens = SourceTokens.of(body);
        for (int i = 0; i + 3 < tokens.size(); i++) {
            if (!tokens.get(i).is(RulesetBuilder.GLOBAL) || !tokens.get(i + 1).is(".")
                    || !tokens.get(i + 3).is("(")) {
                continue;
            }
            Token method = tokens.get(i + 2);
            String callKind = CALL_KINDS.get(method.value());
            if (callKind == null) {
                error(base + method.offset(), "findings has no call '" + method.value() + "': use "
                        + String.join(", ", CALL_KINDS.keySet().stream().sorted().toList()));
                continue;
            }
            if (kind != null && !kind.equals(callKind)) {
                error(base + method.offset(), "findings." + method.value() + " reports a "
                        + callKind.toLowerCase(Locale.ROOT) + ", but rule \"" + rule.getName() + "\" is @kind("
                        + kind.toLowerCase(Locale.ROOT) + ")");
            }
            List<Token> args = arguments(tokens, i + 3);
            if (!callKind.equals("STAGE") && literal(args, 1) != null) {
                Token id = literal(args, 1);
                check(id.value(), method.value().equals("bottleneck") ? IdSpace.BOTTLENECK : IdSpace.COUNTERMEASURE,
                        base + id.offset() + 1, ids);
            }
            Token reason = literal(args, 3);
            if (callKind.equals("ADJUSTMENT") && reason != null && !catalog.factors().containsKey(reason.value())
                    && !loaded.mayDefine(reason.value())) {
                error(base + reason.offset() + 1, "unknown factor key '" + reason.value()
                        + "': add its label to the catalog's factors");
            }
        }
    }

    /** The first token of each argument that is a lone string literal, null for any other argument. */
    private static List<Token> arguments(List<Token> tokens, int open) {
        List<Token> args = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("(") || t.is("[") || t.is("{")) {
                depth++;
            } else if (t.is(")") || t.is("]") || t.is("}")) {
                depth--;
            }
            if ((depth == 1 && t.is(",")) || depth == 0) {
                args.add(i - start == 1 && tokens.get(start).type() == SourceTokens.Type.STRING
                        ? tokens.get(start) : null);
                start = i + 1;
                if (depth == 0) {
                    break;
                }
            }
        }
        return args;
    }

    private static Token literal(List<Token> args, int index) {
        return index < args.size() ? args.get(index) : null;
    }

    private void check(String id, IdSpace space, int offset, Set<String> ids) {
        ids.add(id);
        boolean known = switch (space) {
            case BOTTLENECK -> catalog.bottlenecks().containsKey(id);
            case COUNTERMEASURE -> catalog.countermeasures().containsKey(id);
            case THRESHOLD -> catalog.thresholds().containsKey(id);
        };
        if (!known && !loaded.mayDefine(id)) {
            error(offset, "unknown " + space.noun + " id '" + id + "': " + space.where);
        }
    }

    private void error(int offset, String message) {
        int line = 0;
        while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) {
            line++;
        }
        errors.add(new RuleError(file, line + 1, offset - lineStarts[line] + 1, message));
    }
}
