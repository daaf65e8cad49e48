package io.nqpf.advisor.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.nqpf.advisor.engine.Evaluation;
import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.engine.RuleError;
import io.nqpf.advisor.engine.RuleInfo;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.knowledge.YamlDocument;
import io.nqpf.advisor.profile.InvalidProfileException;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.report.Report;
import io.nqpf.advisor.report.ReportAssembler;
import jakarta.validation.Validation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Runs the scenarios of a rules directory's {@code tests/} folder against a ruleset and counts how often each rule
 * fired, so that rule authors see which rules no scenario exercises.
 */
public final class ScenarioRunner {

    /** One loaded case with where it came from: its file, the line and column where it starts, its folder. */
    public record Case(String file, YamlDocument.Position at, Scenario scenario, Path baseDir) {
        public String displayName() {
            return file + ":" + at.line() + ": " + scenario.name();
        }
    }

    /** The outcome of one case: what failed (empty when it passed). */
    public record Result(Case testCase, List<String> failures, Report report) {
        public boolean passed() {
            return failures.isEmpty();
        }
    }

    /** How many of the most severe bottlenecks {@code leadingBottlenecks} looks at. */
    static final int LEADING = 5;

    private final Ruleset ruleset;
    private final ProfileReader reader;
    private final Map<String, Integer> firings = new TreeMap<>();

    public ScenarioRunner(Ruleset ruleset) {
        this.ruleset = ruleset;
        var factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        this.reader = new ProfileReader(factory.getValidator());
        ruleset.rules().forEach(r -> firings.put(r.name(), 0));
    }

    /** The cases of the scenario files, and what kept a file or case from loading, at its line and column. */
    public record Loaded(List<Case> cases, List<RuleError> problems) {
    }

    /** Every case of every {@code *.yaml} file under {@code rulesDir/tests}, in file order. */
    public static Loaded load(Path rulesDir) {
        Path dir = rulesDir.resolve("tests");
        List<Case> cases = new ArrayList<>();
        List<RuleError> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Loaded(cases, problems);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return new Loaded(cases, List.of(new RuleError("tests", 0, 0, "cannot be read")));
        }
        for (Path file : files) {
            String rel = rulesDir.relativize(file).toString().replace('\\', '/');
            try {
                YamlDocument document = YamlDocument.parse(Files.readString(file));
                Scenario.File parsed = document.root().isMissingNode() ? null : document.bind("", Scenario.File.class);
                int count = parsed == null || parsed.cases() == null ? 0 : parsed.cases().size();
                for (int i = 0; i < count; i++) {
                    String pointer = YamlDocument.child("/cases", i);
                    try {
                        Case c = new Case(rel, document.at(pointer), document.bind(pointer, Scenario.class),
                                file.getParent());
                        JsonNode profile = c.scenario().profile();
                        if (profile != null && profile.isTextual() && profileFile(c) == null) {
                            YamlDocument.Position at = document.at(YamlDocument.child(pointer, "profile"));
                            problems.add(new RuleError(rel, at.line(), at.column(), "profile file '" + profile.asText()
                                    + "' not found beside this file nor in the working directory"));
                        } else {
                            cases.add(c);
                        }
                    } catch (YamlDocument.Invalid e) {
                        problems.add(new RuleError(rel, e.line(), e.column(), e.getMessage()));
                    }
                }
            } catch (YamlDocument.Invalid e) {
                problems.add(new RuleError(rel, e.line(), e.column(), e.getMessage()));
            } catch (CharacterCodingException e) {
                problems.add(new RuleError(rel, 0, 0, "is not UTF-8 text; save it as UTF-8"));
            } catch (IOException e) {
                problems.add(new RuleError(rel, 0, 0, "cannot be read"));
            }
        }
        return new Loaded(cases, problems);
    }

    /** The case's profile, or null when it is not a valid profile (a failure {@link #run} reports). */
    public RegionProfile profile(Case c) {
        try {
            return reader.read(profileNode(c), RegionProfile.class);
        } catch (InvalidProfileException | UncheckedIOException e) {
            return null;
        }
    }

    public Result run(Case c) {
        List<String> failures = new ArrayList<>();
        Scenario s = c.scenario();
        RegionProfile profile;
        try {
            profile = reader.read(profileNode(c), RegionProfile.class);
        } catch (InvalidProfileException e) {
            return new Result(c, List.of("profile is invalid: " + e.violations().stream()
                    .map(v -> v.field().isEmpty() ? v.text().toString() : v.field() + " " + v.text())
                    .collect(Collectors.joining("; "))), null);
        }
        Evaluation evaluation = Evaluator.evaluate(profile, ruleset);
        synchronized (firings) {
            evaluation.fired().forEach(rule -> firings.merge(rule, 1, Integer::sum));
        }
        Report report = ReportAssembler.assemble(profile, evaluation, Language.EN, false);
        Scenario.Expect e = s.expect();
        if (e == null) {
            return new Result(c, failures, report);
        }
        List<String> found = report.bottlenecks().stream().map(Report.BottleneckView::id).toList();
        List<String> ranked = report.recommendations().stream().map(Report.RecommendationView::id).toList();
        int top = e.top() == null ? 5 : e.top();
        List<String> topIds = ranked.subList(0, Math.min(top, ranked.size()));
        each(e.bottlenecks(), id -> !found.contains(id), id -> "bottleneck " + id + " expected but not found; found " + found, failures);
        each(e.notBottlenecks(), found::contains, id -> "bottleneck " + id + " must not be found", failures);
        if (e.maxBottlenecks() != null && found.size() > e.maxBottlenecks()) {
            failures.add(found.size() + " bottlenecks found, at most " + e.maxBottlenecks() + " expected: " + found);
        }
        if (e.minBottlenecks() != null && found.size() < e.minBottlenecks()) {
            failures.add(found.size() + " bottlenecks found, at least " + e.minBottlenecks() + " expected: " + found);
        }
        // bottlenecks come most severe first: the leading ones must be within the first five
        List<String> leading = found.subList(0, Math.min(LEADING, found.size()));
        each(e.leadingBottlenecks(), id -> !leading.contains(id),
                id -> "bottleneck " + id + " expected among the " + LEADING + " most severe " + leading, failures);
        if (e.maxRecommendations() != null && ranked.size() > e.maxRecommendations()) {
            failures.add(ranked.size() + " countermeasures listed, at most " + e.maxRecommendations() + " expected");
        }
        // the report gives the transition band as stage 1 with transition true; scenarios may name it TRANSITION
        String stage = report.smartSpecialization().transition() ? "TRANSITION" : report.smartSpecialization().stage();
        if (e.stage() != null && !e.stage().equals(stage)) {
            failures.add("stage " + e.stage() + " expected, was " + stage);
        }
        String cityStage = report.smartSpecialization().cityIndustryStage().stage();
        if (e.cityIndustryStage() != null && !e.cityIndustryStage().equals(cityStage)) {
            failures.add("city industry stage " + e.cityIndustryStage() + " expected, was " + cityStage);
        }
        each(e.inTop(), id -> !topIds.contains(id), id -> id + " expected in the top " + top + "; top is " + topIds, failures);
        each(e.notInTop(), topIds::contains, id -> id + " must not be in the top " + top + "; top is " + topIds, failures);
        each(e.absent(), ranked::contains, id -> id + " must not be recommended; it ranks " + (ranked.indexOf(id) + 1), failures);
        if (e.ranksBefore() != null) {
            for (List<String> pair : e.ranksBefore()) {
                int a = ranked.indexOf(pair.get(0));
                int b = ranked.indexOf(pair.get(1));
                if (a < 0 || (b >= 0 && b < a)) {
                    failures.add(pair.get(0) + " must rank before " + pair.get(1) + "; ranks are " + ranked);
                }
            }
        }
        List<String> watch = report.watchlist().stream().map(Report.WatchItem::id).toList();
        each(e.watchlist(), id -> !watch.contains(id), id -> id + " expected on the watchlist " + watch, failures);
        List<String> gaps = report.dataGaps().stream().map(Report.DataGapView::indicator).toList();
        each(e.dataGaps(), id -> !gaps.contains(id), id -> id + " expected among the data gaps " + gaps, failures);
        java.util.Map<String, String> certainty = new java.util.LinkedHashMap<>();
        report.bottlenecks().forEach(b -> certainty.put(b.id(), b.certainty()));
        each(e.presumed(), id -> !"PRESUMED".equals(certainty.get(id)),
                id -> "bottleneck " + id + " expected PRESUMED; found " + certainty, failures);
        each(e.certain(), id -> !"CERTAIN".equals(certainty.get(id)),
                id -> "bottleneck " + id + " expected CERTAIN; found " + certainty, failures);
        List<String> stageBy = report.smartSpecialization().decidedBy() == null ? List.of()
                : report.smartSpecialization().decidedBy().stream().map(Report.IndicatorRef::indicator).toList();
        each(e.stageDecidedBy(), id -> !stageBy.contains(id),
                id -> id + " expected to decide the stage; decidedBy is " + stageBy, failures);
        String cityCertainty = report.smartSpecialization().cityIndustryStage().certainty();
        if (e.cityStageCertainty() != null && !e.cityStageCertainty().equals(cityCertainty)) {
            failures.add("city industry stage " + e.cityStageCertainty() + " expected, was " + cityCertainty);
        }
        List<String> cleared = report.bottlenecks().stream().flatMap(b -> b.clearsWhen().stream())
                .map(Report.ClearsWhenView::indicator).toList();
        each(e.notInClearsWhen(), cleared::contains, id -> id + " must not be in any clearsWhen", failures);
        return new Result(c, failures, report);
    }

    private static void each(List<String> ids, java.util.function.Predicate<String> bad,
            java.util.function.Function<String, String> message, List<String> failures) {
        if (ids != null) {
            ids.stream().filter(bad).map(message).forEach(failures::add);
        }
    }

    static JsonNode profileNode(Case c) {
        JsonNode p = c.scenario().profile();
        if (p != null && p.isTextual()) {
            Path file = profileFile(c);
            try {
                return ProfileReader.tree(Files.readAllBytes(file == null ? Path.of(p.asText()) : file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read profile " + p.asText(), e);
            }
        }
        return p;
    }

    /** The profile file a case names, relative to its YAML file or else to the working directory; null if neither. */
    private static Path profileFile(Case c) {
        String name = c.scenario().profile().asText();
        Path besideYaml = c.baseDir().resolve(name);
        if (Files.exists(besideYaml)) {
            return besideYaml;
        }
        return Files.exists(Path.of(name)) ? Path.of(name) : null;
    }

    /** How often each rule fired over the cases run so far. */
    public Map<String, Integer> firings() {
        synchronized (firings) {
            return new TreeMap<>(firings);
        }
    }

    /** A report of rule coverage: one line per rule with its count and file, never-fired rules first. */
    public String coverageReport() {
        Map<String, Integer> counts = firings();
        StringBuilder sb = new StringBuilder();
        long never = counts.values().stream().filter(n -> n == 0).count();
        sb.append("Rule coverage: ").append(counts.size() - never).append(" of ").append(counts.size())
                .append(" rules fired at least once").append(never > 0 ? "; " + never + " never fired" : "").append('\n');
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .forEach(en -> {
                    RuleInfo info = ruleset.rulesByName().get(en.getKey());
                    sb.append(String.format("%6d  %s  (%s:%d)%n", en.getValue(), en.getKey(),
                            info == null ? "?" : info.file(), info == null ? 0 : info.line()));
                });
        return sb.toString();
    }

    public List<String> neverFired() {
        return firings().entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).toList();
    }
}
