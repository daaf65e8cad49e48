package io.nqpf.advisor.profile;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every indicator of the region profile by its JSON path ({@code economy.rdIntensityPct}), read from the
 * record definitions so that rules, evidence and counterfactuals share the request's own names. The definitions are
 * read by reflection once, when the class is initialized; a profile's values are then read through accessors bound
 * at that time ({@link LambdaMetafactory}), not by {@code Method.invoke} on every request (docs/performance.md).
 */
public final class ProfileIndicators {

    /**
     * One indicator: its JSON path, Java type and the validated range for numbers (null when unbounded);
     * {@code group} reads its group from the profile (null for a top-level field), {@code field} reads it from there.
     */
    public record Indicator(String path, Class<?> type, Double min, Double max, Function<Object, Object> group,
            Function<Object, Object> field) {
        public boolean numeric() {
            return Number.class.isAssignableFrom(type);
        }

        public boolean integral() {
            return type == Integer.class || type == Long.class;
        }
    }

    private static final Map<String, Indicator> INDICATORS = scan();

    private ProfileIndicators() {
    }

    public static Map<String, Indicator> all() {
        return INDICATORS;
    }

    public static boolean exists(String path) {
        return INDICATORS.containsKey(path);
    }

    /** The known values of a profile by path; null (unknown) values are left out. Enums appear by name. */
    public static Map<String, Object> values(RegionProfile profile) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Indicator indicator : INDICATORS.values()) {
            Object value = read(profile, indicator);
            if (value != null) {
                values.put(indicator.path(), value instanceof Enum<?> e ? e.name() : value);
            }
        }
        return values;
    }

    private static Object read(RegionProfile profile, Indicator indicator) {
        Object holder = profile;
        if (indicator.group() != null) {
            holder = indicator.group().apply(profile);
            if (holder == null) {
                return null;
            }
        }
        return indicator.field().apply(holder);
    }

    private static Map<String, Indicator> scan() {
        Map<String, Indicator> map = new LinkedHashMap<>();
        for (RecordComponent top : RegionProfile.class.getRecordComponents()) {
            Class<?> type = top.getType();
            if (type.isRecord()) {
                Function<Object, Object> group = getter(top.getAccessor());
                for (RecordComponent c : type.getRecordComponents()) {
                    add(map, top.getName() + "." + c.getName(), c, group);
                }
            } else if (type.isEnum()) {
                add(map, top.getName(), top, null);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    private static void add(Map<String, Indicator> map, String path, RecordComponent c, Function<Object, Object> group) {
        Double min = null;
        Double max = null;
        for (var a : List.of(c.getAccessor().getAnnotations())) {
            if (a instanceof DecimalMin m) {
                min = Double.valueOf(m.value());
            } else if (a instanceof DecimalMax m) {
                max = Double.valueOf(m.value());
            } else if (a instanceof Min m) {
                min = (double) m.value();
            } else if (a instanceof Max m) {
                max = (double) m.value();
            }
        }
        map.put(path, new Indicator(path, c.getType(), min, max, group, getter(c.getAccessor())));
    }

    /** The record accessor as a function, bound once: as fast as calling it in code, with no reflection per call. */
    @SuppressWarnings("unchecked")
    static Function<Object, Object> getter(Method accessor) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            MethodHandle handle = lookup.unreflect(accessor);
            return (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
                    MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class), handle,
                    handle.type().wrap()).getTarget().invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("cannot bind " + accessor, e);
        }
    }

    public static List<String> paths() {
        return new ArrayList<>(INDICATORS.keySet());
    }
}
