package io.nqpf.advisor.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nqpf.advisor.engine.Evaluation;
import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.engine.facts.Stage;
import io.nqpf.advisor.profile.InvalidProfileException;
import io.nqpf.advisor.profile.ProfileIndicators;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.support.Rules;
import jakarta.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Absent is not false (issue 18): a finding the engine calls CERTAIN holds whatever the missing values are. Over
 * generated sparse profiles, filling any one missing value with any valid value keeps every CERTAIN finding, and
 * removing any one given value never turns a CERTAIN finding into its opposite (a certainly absent bottleneck, another
 * decided stage).
 */
class CertaintyPropertiesTest {

    private static final Ruleset RULES = Rules.bundled();
    private static final ProfileReader READER = new ProfileReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    /** A sparse profile (each indicator given with probability 0.45) and a seed for the change made to it. */
    record Case(ObjectNode profile, long change) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.longs().tuple2().map(t -> new Case(sparse(new Random(t.get1())), t.get2()));
    }

    private static ObjectNode sparse(Random random) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("regionId", "sparse-" + Integer.toHexString(random.nextInt()));
        root.put("name", "generated");
        root.put("year", 2023);
        for (var indicator : ProfileIndicators.all().values()) {
            if (indicator.path().equals("level") || random.nextDouble() < 0.45) {
                ReportPropertiesTest.set(root, indicator.path(), ReportPropertiesTest.value(indicator, random));
            }
        }
        return root;
    }

    private static Evaluation evaluate(JsonNode tree) {
        RegionProfile profile;
        try {
            profile = READER.read(tree, RegionProfile.class);
        } catch (InvalidProfileException e) {
            return null;
        }
        return Evaluator.evaluate(profile, RULES);
    }

    private static List<String> paths(JsonNode tree, boolean present) {
        List<String> paths = new ArrayList<>();
        for (String path : ProfileIndicators.paths()) {
            if (path.equals("level")) {
                continue;
            }
            String[] parts = path.split("\\.");
            JsonNode node = tree;
            for (String part : parts) {
                node = node == null ? null : node.get(part);
            }
            if ((node != null) == present) {
                paths.add(path);
            }
        }
        return paths;
    }

    private static List<String> certain(Evaluation ev) {
        return ev.findings().bottlenecks().keySet().stream().filter(id -> ev.certainty().decidedBy(id) == null).toList();
    }

    @Property(tries = 120)
    void aCertainFindingStaysWhenAMissingValueIsFilledWithAnyValidValue(@ForAll("cases") Case c) {
        Evaluation before = evaluate(c.profile());
        Assume.that(before != null);
        Random random = new Random(c.change());
        List<String> missing = paths(c.profile(), false);
        String path = missing.get(random.nextInt(missing.size()));
        ObjectNode filled = c.profile().deepCopy();
        ReportPropertiesTest.set(filled, path, ReportPropertiesTest.value(ProfileIndicators.all().get(path), random));
        Evaluation after = evaluate(filled);
        Assume.that(after != null);
        String where = path + " = " + filled.at("/" + path.replace('.', '/'));
        for (String id : certain(before)) {
            assertTrue(after.findings().bottlenecks().containsKey(id), id + " was CERTAIN and went away when " + where);
        }
        if (before.stage() != Stage.UNDETERMINED) {
            assertEquals(before.stage(), after.stage(), "the stage was decided and changed when " + where);
        }
        if (before.certainty().cityCertain()) {
            assertEquals(before.certainty().cityStage(), after.certainty().cityStage(),
                    "the stage of city industry was certain and changed when " + where);
        }
    }

    @Property(tries = 120)
    void removingAValueNeverTurnsACertainFindingIntoItsOpposite(@ForAll("cases") Case c) {
        Evaluation before = evaluate(c.profile());
        Assume.that(before != null);
        List<String> present = paths(c.profile(), true);
        Assume.that(!present.isEmpty());
        String path = present.get(new Random(c.change()).nextInt(present.size()));
        ObjectNode removed = c.profile().deepCopy();
        String[] parts = path.split("\\.");
        ((ObjectNode) (parts.length == 1 ? removed : removed.get(parts[0]))).remove(parts[parts.length - 1]);
        Evaluation after = evaluate(removed);
        Assume.that(after != null);
        for (String id : certain(before)) {
            assertTrue(after.certainty().possible().contains(id),
                    id + " was CERTAIN and is certainly absent without " + path);
        }
        if (after.stage() != Stage.UNDETERMINED) {
            assertEquals(before.stage(), after.stage(), "without " + path + " another stage was decided");
        }
        if (after.certainty().cityCertain()) {
            assertEquals(before.certainty().cityStage(), after.certainty().cityStage(),
                    "without " + path + " another stage of city industry is certain");
        }
    }
}
