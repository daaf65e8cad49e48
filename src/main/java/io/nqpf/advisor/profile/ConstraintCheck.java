package io.nqpf.advisor.profile;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Whether a record is valid, asked before the validator is: the constraints the validator's own metadata
 * ({@link Validator#getConstraintsForClass}) declares on the record and on the records it cascades to, read once per
 * type and checked on the values present, without the validator's paths, contexts and violation objects
 * (issue 20). It only ever answers "valid" where the validator finds nothing: a value it cannot judge for certain (an
 * infinite number, a type or constraint it does not know, a class-level check that fails) counts as not valid, and the
 * validator then says what is wrong, as it always did. A type with a constraint it does not know has no check at all.
 */
final class ConstraintCheck {

    /** The answer for a type this cannot check: ask the validator. */
    static final Predicate<Object> NONE = value -> false;
    private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

    private ConstraintCheck() {
    }

    /** The check of {@code type}'s constraints, or {@link #NONE}. */
    static Predicate<Object> of(Validator validator, Class<?> type) {
        try {
            return bean(validator, type, 0);
        } catch (Unknown e) {
            return NONE;
        }
    }

    /** A constraint, value or shape this check does not judge. */
    private static final class Unknown extends Exception {
        Unknown() {
            super(null, null, false, false);
        }
    }

    private static Predicate<Object> bean(Validator validator, Class<?> type, int depth) throws Unknown {
        if (!type.isRecord() || depth > 4) {
            throw new Unknown();
        }
        BeanDescriptor bean = validator.getConstraintsForClass(type);
        List<Predicate<Object>> checks = new ArrayList<>();
        for (ConstraintDescriptor<?> c : bean.getConstraintDescriptors()) {
            checks.add(classLevel(c));
        }
        for (PropertyDescriptor property : bean.getConstrainedProperties()) {
            if (!property.getConstrainedContainerElementTypes().isEmpty()) {
                throw new Unknown();
            }
            Function<Object, Object> read = accessor(type, property.getPropertyName());
            List<Predicate<Object>> own = new ArrayList<>();
            for (ConstraintDescriptor<?> c : property.getConstraintDescriptors()) {
                own.add(constraint(c));
            }
            if (property.isCascaded()) {
                Predicate<Object> inner = bean(validator, property.getElementClass(), depth + 1);
                own.add(v -> v == null || inner.test(v));
            }
            Predicate<Object>[] all = array(own);
            checks.add(record -> {
                Object value = read.apply(record);
                for (Predicate<Object> check : all) {
                    if (!check.test(value)) {
                        return false;
                    }
                }
                return true;
            });
        }
        Predicate<Object>[] all = array(checks);
        return record -> {
            for (Predicate<Object> check : all) {
                if (!check.test(record)) {
                    return false;
                }
            }
            return true;
        };
    }

    @SuppressWarnings("unchecked")
    private static Predicate<Object>[] array(List<Predicate<Object>> list) {
        return list.toArray(new Predicate[0]);
    }

    private static Function<Object, Object> accessor(Class<?> type, String name) throws Unknown {
        try {
            Method m = type.getMethod(name);
            return ProfileIndicators.getter(m);
        } catch (NoSuchMethodException | IllegalStateException e) {
            throw new Unknown();
        }
    }

    /** A constraint on the whole record: its own validator, given no context (it is only asked whether it holds). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Predicate<Object> classLevel(ConstraintDescriptor<?> c) throws Unknown {
        List<? extends Class<?>> validators = c.getConstraintValidatorClasses();
        if (validators.size() != 1 || !c.getComposingConstraints().isEmpty()) {
            throw new Unknown();
        }
        ConstraintValidator validator;
        try {
            validator = (ConstraintValidator) validators.get(0).getDeclaredConstructor().newInstance();
            validator.initialize(c.getAnnotation());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new Unknown();
        }
        return value -> {
            try {
                return validator.isValid(value, null);
            } catch (RuntimeException e) {
                // a validator that fails writes its message into the context it was not given
                return false;
            }
        };
    }

    /** A constraint of the Jakarta set on one value; null values are valid but for NotNull and NotBlank. */
    private static Predicate<Object> constraint(ConstraintDescriptor<?> c) throws Unknown {
        Annotation a = c.getAnnotation();
        if (!c.getComposingConstraints().isEmpty()) {
            throw new Unknown();
        }
        if (a instanceof NotNull) {
            return v -> v != null;
        }
        if (a instanceof NotBlank) {
            return v -> v instanceof CharSequence s && !s.toString().trim().isEmpty();
        }
        if (a instanceof Size size) {
            int min = size.min();
            int max = size.max();
            return v -> v == null || v instanceof CharSequence s && s.length() >= min && s.length() <= max;
        }
        if (a instanceof Pattern pattern) {
            if (pattern.flags().length > 0) {
                throw new Unknown();
            }
            java.util.regex.Pattern compiled = java.util.regex.Pattern.compile(pattern.regexp());
            return v -> v == null || v instanceof CharSequence s && compiled.matcher(s).matches();
        }
        if (a instanceof Min min) {
            return bound(BigDecimal.valueOf(min.value()), true, true);
        }
        if (a instanceof Max max) {
            return bound(BigDecimal.valueOf(max.value()), true, false);
        }
        if (a instanceof DecimalMin min) {
            return bound(decimal(min.value()), min.inclusive(), true);
        }
        if (a instanceof DecimalMax max) {
            return bound(decimal(max.value()), max.inclusive(), false);
        }
        throw new Unknown();
    }

    private static BigDecimal decimal(String value) throws Unknown {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new Unknown();
        }
    }

    /**
     * A lower or upper bound on an Integer, a Long or a finite Double, each a double exactly. The bound must be a double exactly, so that comparing
     * doubles is comparing the numbers, however the validator converts them.
     */
    private static Predicate<Object> bound(BigDecimal bound, boolean inclusive, boolean lower) throws Unknown {
        double b = bound.doubleValue();
        if (!Double.isFinite(b) || new BigDecimal(b).compareTo(bound) != 0 || Math.abs(b) > 1L << 52) {
            throw new Unknown();
        }
        return v -> {
            double d;
            if (v == null) {
                return true;
            } else if (v instanceof Integer i) {
                d = i;
            } else if (v instanceof Long l && Math.abs(l) <= 1L << 52) {
                d = l;
            } else if (v instanceof Double x && Double.isFinite(x) && Double.doubleToRawLongBits(x) != NEGATIVE_ZERO) {
                // (-0.0 is 0 to some of the validator's comparisons and below 0 to others)
                d = x;
            } else {
                return false;
            }
            return lower ? (inclusive ? d >= b : d > b) : (inclusive ? d <= b : d < b);
        };
    }
}
