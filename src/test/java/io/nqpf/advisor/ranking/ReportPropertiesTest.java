package io.nqpf.advisor.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.knowledge.ThresholdDef;
import io.nqpf.advisor.profile.ProfileIndicators;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.report.Report;
import io.nqpf.advisor.report.ReportAssembler;
import io.nqpf.advisor.support.Rules;
import jakarta.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Properties of the explained report over generated valid profiles: deterministic, monotone in the evidence,
 * counterfactuals that really clear, breakdowns that add up, and languages that differ only in text.
 */
public class ReportPropertiesTest {

    private static final Ruleset RULES = Rules.bundled();
    private static final ProfileReader READER = new ProfileReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Provide
    Arbitrary<ObjectNode> profiles() {
        return Arbitraries.longs().map(seed -> generate(new Random(seed)));
    }

    /** A valid profile: each indicator present with probability 0.7, values often near a threshold. */
    public static ObjectNode generate(Random random) {
        ObjectNode root = JSON.objectNode();
        root.put("regionId", "gen-" + Integer.toHexString(random.nextInt()));
        root.put("name", "generated");
        root.put("year", 2023);
        for (var indicator : ProfileIndicators.all().values()) {
            if (random.nextDouble() > 0.7 && !indicator.path().equals("level")) {
                continue;
            }
            JsonNode value = value(indicator, random);
            set(root, indicator.path(), value);
        }
        ObjectNode economy = (ObjectNode) root.get("economy");
        if (economy != null && economy.has("primarySharePct") && economy.has("secondarySharePct")) {
            double rest = 100 - economy.get("primarySharePct").asDouble() - economy.get("secondarySharePct").asDouble();
            if (rest >= 0) {
                economy.put("tertiarySharePct", rest);
            } else {
                economy.remove("tertiarySharePct");
            }
        }
        return root;
    }

    public static JsonNode value(ProfileIndicators.Indicator indicator, Random random) {
        Class<?> type = indicator.type();
        if (type == Boolean.class) {
            return JSON.booleanNode(random.nextBoolean());
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return JSON.textNode(constants[random.nextInt(constants.length)].toString());
        }
        double min = indicator.min() == null ? 0 : indicator.min();
        double max = indicator.max() == null ? 1_000_000 : indicator.max();
        List<Double> thresholds = RULES.catalog().thresholdsFor(2023).stream()
                .filter(t -> t.indicator().equals(indicator.path()) && t.comparison().numeric())
                .map(ThresholdDef::numericThreshold).toList();
        double v;
        if (!thresholds.isEmpty() && random.nextDouble() < 0.7) {
            double t = thresholds.get(random.nextInt(thresholds.size()));
            double spread = Math.max(Math.abs(t), 1);
            v = t + (random.nextDouble() * 2 - 1) * spread;
        } else {
            v = min + random.nextDouble() * Math.min(max - min, 1000);
        }
        v = Math.max(min, Math.min(max, v));
        if (indicator.integral()) {
            return JSON.numberNode((long) Math.floor(v));
        }
        return JSON.numberNode(Math.round(v * 100) / 100.0);
    }

    public static void set(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = node.has(parts[i]) ? (ObjectNode) node.get(parts[i]) : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
    }

    static Report report(JsonNode tree, Language language) {
        RegionProfile profile = READER.read(tree, RegionProfile.class);
        return ReportAssembler.assemble(profile, Evaluator.evaluate(profile, RULES), language, false);
    }

    private static Optional<Report.BottleneckView> bottleneck(Report report, String id) {
        return report.bottlenecks().stream().filter(b -> b.id().equals(id)).findFirst();
    }

    @Property(tries = 200)
    void sameInputGivesTheSameAnswer(@ForAll("profiles") ObjectNode tree) {
        Report a = report(tree, Language.EN);
        Report b = report(tree.deepCopy(), Language.EN);
        assertEquals(a.bottlenecks(), b.bottlenecks());
        assertEquals(a.recommendations(), b.recommendations());
        assertEquals(a.smartSpecialization(), b.smartSpecialization());
        assertEquals(a.watchlist(), b.watchlist());
        assertEquals(a.dataGaps(), b.dataGaps());
    }

    @Property(tries = 200)
    void movingEvidenceFurtherPastItsThresholdNeverLowersSeverity(@ForAll("profiles") ObjectNode tree) {
        Report base = report(tree, Language.EN);
        for (Report.BottleneckView b : base.bottlenecks()) {
            for (Report.EvidenceView e : b.evidence()) {
                if (!(e.value() instanceof Number n) || !(e.threshold() instanceof Number)) {
                    continue;
                }
                var indicator = ProfileIndicators.all().get(e.indicator());
                boolean low = "<".equals(e.comparison()) || "<=".equals(e.comparison());
                double further = low
                        ? Math.max(indicator.min() == null ? 0 : indicator.min(), n.doubleValue() - Math.abs(n.doubleValue()) * 0.5 - 0.5)
                        : Math.min(indicator.max() == null ? n.doubleValue() * 2 + 1 : indicator.max(), n.doubleValue() * 1.5 + 0.5);
                ObjectNode moved = tree.deepCopy();
                set(moved, e.indicator(), indicator.integral() ? JSON.numberNode((long) (low
                        ? Math.floor(further) : Math.ceil(further))) : JSON.numberNode(further));
                if (!rebalance(moved, e.indicator(), b)) {
                    continue;
                }
                Report after = report(moved, Language.EN);
                var again = bottleneck(after, b.id());
                assertTrue(again.isPresent(), b.id() + " vanished when " + e.indicator() + " moved from " + n + " to " + further);
                assertTrue(again.get().severity() >= b.severity(), b.id() + " severity fell from " + b.severity()
                        + " to " + again.get().severity() + " when " + e.indicator() + " moved further past");
            }
        }
    }

    @Property(tries = 200)
    void applyingClearsWhenRemovesTheBottleneck(@ForAll("profiles") ObjectNode tree) {
        Report base = report(tree, Language.EN);
        for (Report.BottleneckView b : base.bottlenecks()) {
            assertFalse(b.clearsWhen().isEmpty(), b.id() + " has no clearsWhen");
            ObjectNode changed = tree.deepCopy();
            for (Report.ClearsWhenView c : b.clearsWhen()) {
                assertNotNull(c.target(), b.id() + " clearsWhen " + c.indicator() + " has no target");
                set(changed, c.indicator(), toNode(c.target()));
            }
            Report after = report(changed, Language.EN);
            assertTrue(bottleneck(after, b.id()).isEmpty(), b.id() + " still fires after " + b.clearsWhen());
        }
    }

    private static final List<String> SHARES = List.of("economy.primarySharePct", "economy.tertiarySharePct",
            "economy.secondarySharePct");

    /**
     * After moving one industry share, lets another share that is not this bottleneck's evidence take up the
     * difference, as a real economy would; false when no share can.
     */
    private static boolean rebalance(ObjectNode tree, String moved, Report.BottleneckView b) {
        JsonNode economy = tree.get("economy");
        if (!SHARES.contains(moved) || economy == null
                || !SHARES.stream().allMatch(s -> economy.has(s.substring("economy.".length())))) {
            return true;
        }
        List<String> evidence = b.evidence().stream().map(Report.EvidenceView::indicator).toList();
        for (String share : SHARES) {
            if (share.equals(moved) || evidence.contains(share)) {
                continue;
            }
            double others = SHARES.stream().filter(s -> !s.equals(share))
                    .mapToDouble(s -> economy.get(s.substring("economy.".length())).asDouble()).sum();
            if (others <= 100) {
                set(tree, share, JSON.numberNode(100 - others));
                return true;
            }
        }
        return false;
    }

    private static JsonNode toNode(Object value) {
        if (value instanceof Boolean bool) {
            return JSON.booleanNode(bool);
        }
        if (value instanceof Long l) {
            return JSON.numberNode(l);
        }
        if (value instanceof Integer i) {
            return JSON.numberNode(i);
        }
        if (value instanceof Number n) {
            return JSON.numberNode(n.doubleValue());
        }
        return JSON.textNode(String.valueOf(value));
    }

    @Property(tries = 300)
    void breakdownsSumToScoresAndRanksFollowScores(@ForAll("profiles") ObjectNode tree) {
        Report report = report(tree, Language.EN);
        double previous = Double.MAX_VALUE;
        int rank = 0;
        for (Report.RecommendationView r : report.recommendations()) {
            assertEquals(++rank, r.rank());
            long sum = r.scoreBreakdown().stream().mapToLong(f -> Math.round(f.points() * 10)).sum();
            assertEquals(Math.round(r.score() * 10), sum, r.id() + " breakdown " + r.scoreBreakdown());
            assertTrue(r.score() > 0 && r.score() <= 100, r.id() + " score " + r.score());
            assertTrue(r.score() <= previous, "ranks follow score");
            previous = r.score();
        }
    }

    /** limit=k lists the first k measures of limit=all, with the same ranks, scores and breakdowns. */
    @Property(tries = 150)
    void aShorterListIsTheHeadOfTheWholeRanking(@ForAll("profiles") ObjectNode tree) {
        RegionProfile profile = READER.read(tree, RegionProfile.class);
        var evaluation = Evaluator.evaluate(profile, RULES);
        List<Report.RecommendationView> all = ReportAssembler.assemble(profile, evaluation, Language.EN, false,
                Integer.MAX_VALUE).recommendations();
        for (int k = 1; k <= all.size() + 1; k++) {
            assertEquals(all.subList(0, Math.min(k, all.size())),
                    ReportAssembler.assemble(profile, evaluation, Language.EN, false, k).recommendations(), "limit " + k);
        }
    }

    @Property(tries = 300)
    void addressesNameOnlyBottlenecksInTheReport(@ForAll("profiles") ObjectNode tree) {
        Report report = report(tree, Language.EN);
        List<String> ids = report.bottlenecks().stream().map(Report.BottleneckView::id).toList();
        report.recommendations().forEach(r -> assertTrue(ids.containsAll(r.addresses()), r.id() + " " + r.addresses()));
    }

    @Property(tries = 150)
    void languagesAgreeOnEverythingButText(@ForAll("profiles") ObjectNode tree) {
        Report zh = report(tree, Language.ZH_CN);
        Report en = report(tree, Language.EN);
        assertEquals(ids(zh), ids(en));
        assertEquals(zh.smartSpecialization().stage(), en.smartSpecialization().stage());
        assertEquals(zh.dataGaps().stream().map(Report.DataGapView::indicator).toList(),
                en.dataGaps().stream().map(Report.DataGapView::indicator).toList());
        assertEquals(zh.watchlist().stream().map(Report.WatchItem::id).toList(),
                en.watchlist().stream().map(Report.WatchItem::id).toList());
    }

    private static List<Object> ids(Report r) {
        List<Object> out = new ArrayList<>();
        r.bottlenecks().forEach(b -> out.add(List.of(b.id(), b.severity(), b.level(), b.clearsWhen())));
        r.recommendations().forEach(c -> out.add(List.of(c.rank(), c.id(), c.score(), c.addresses(),
                c.scoreBreakdown().stream().map(f -> Map.entry(f.key(), f.points())).toList())));
        return out;
    }
}
