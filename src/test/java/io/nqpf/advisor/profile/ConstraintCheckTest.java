package io.nqpf.advisor.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * The quick check of a profile's constraints answers "valid" only where the validator finds nothing, and for every
 * profile the validator finds nothing in (but for -0.0, left to the validator), over profiles whose values lie on,
 * inside and just outside every bound.
 */
class ConstraintCheckTest {

    private static final Validator VALIDATOR = ProfileReader.validator(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory());

    @Test
    void saysValidExactlyWhenTheValidatorFindsNothing() throws Exception {
        Predicate<Object> check = ConstraintCheck.of(VALIDATOR, RegionProfile.class);
        assertNotSame(ConstraintCheck.NONE, check, "the profile's constraints are all known");
        Random random = new Random(20);
        int valid = 0;
        int invalid = 0;
        for (int n = 0; n < 20_000; n++) {
            boolean[] negativeZero = new boolean[1];
            RegionProfile profile = ProfileReader.mapper().treeToValue(profile(random, negativeZero), RegionProfile.class);
            boolean none = VALIDATOR.validate(profile).isEmpty();
            boolean quick = check.test(profile);
            assertFalse(quick && !none, () -> "the check passed what the validator refuses: " + profile);
            if (!negativeZero[0]) {
                assertEquals(none, quick, () -> String.valueOf(profile));
            }
            valid += none ? 1 : 0;
            invalid += none ? 0 : 1;
        }
        assertTrue(valid > 1_000 && invalid > 1_000, valid + " valid, " + invalid + " invalid");
    }

    private static ObjectNode profile(Random random, boolean[] negativeZero) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode p = f.objectNode();
        // mostly valid identifying fields, so that the groups' bounds decide
        pick(random, p, "regionId", List.of("r-1", "a.b_c", "x".repeat(64), "x".repeat(65), "a b", ""), 0.9);
        pick(random, p, "name", List.of("示例市", "x".repeat(100), "x".repeat(101), " ", ""), 0.9);
        pick(random, p, "year", List.of(2023, 2000, 2100, 1999, 2101), 0.9);
        pick(random, p, "level", List.of("COUNTY", "PREFECTURE"), 0.95);
        boolean sparse = random.nextBoolean();
        for (ProfileIndicators.Indicator indicator : ProfileIndicators.all().values()) {
            int dot = indicator.path().indexOf('.');
            if (dot < 0 || random.nextDouble() < (sparse ? 0.8 : 0.2)) {
                continue;
            }
            ObjectNode group = p.withObjectProperty(indicator.path().substring(0, dot));
            String field = indicator.path().substring(dot + 1);
            if (indicator.type() == Boolean.class) {
                group.put(field, random.nextBoolean());
            } else if (indicator.type().isEnum()) {
                Object[] constants = indicator.type().getEnumConstants();
                group.put(field, String.valueOf(constants[random.nextInt(constants.length)]));
            } else if (indicator.numeric()) {
                double min = indicator.min() == null ? -10 : indicator.min();
                double max = indicator.max() == null ? 1e6 : indicator.max();
                // in range nine times in ten; else on or just past a bound
                double[] outside = {min - 1, max + 1, min - 1e-9, max + 1e-6, -0.0, Double.POSITIVE_INFINITY};
                double value = random.nextDouble() < 0.9 ? min + random.nextDouble() * (max - min)
                        : outside[random.nextInt(outside.length)];
                if (random.nextDouble() < 0.1) {
                    value = random.nextBoolean() ? min : max;
                }
                if (indicator.integral()) {
                    group.put(field, (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Math.round(value))));
                } else {
                    negativeZero[0] |= Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(-0.0);
                    group.put(field, value);
                }
            }
        }
        if (random.nextDouble() < 0.3) {
            // the three shares, adding up to 100 or not
            double primary = random.nextDouble() * 30;
            double secondary = random.nextDouble() * 50;
            p.withObjectProperty("economy").put("primarySharePct", primary).put("secondarySharePct", secondary)
                    .put("tertiarySharePct", 100 - primary - secondary + (random.nextBoolean() ? 0 : random.nextDouble() * 6 - 3));
        }
        return p;
    }

    private static void pick(Random random, ObjectNode p, String field, List<?> values, double first) {
        Object value = random.nextDouble() < first ? values.get(0) : values.get(random.nextInt(values.size()));
        p.set(field, ProfileReader.mapper().valueToTree(value));
    }
}
