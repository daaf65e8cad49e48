package io.nqpf.advisor.engine;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What is derived from one ruleset alone and made once, on first use: the report's catalog texts per language,
 * serialized (report.CatalogTexts). It lives and is dropped with its {@link Ruleset}, so a reload swaps it with the
 * rules. Keys are the code's own constants (a class and a language), never client input: the memo holds at most a
 * few entries, each bounded by the catalog's size.
 */
public final class Derived {

    private final Map<Object, Object> values = new ConcurrentHashMap<>();

    /** The value for {@code key}, made by {@code make} the first time. */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> make) {
        Object value = values.get(key);
        if (value == null) {
            value = values.computeIfAbsent(key, k -> make.get());
        }
        return (T) value;
    }

    /** All derived values are alike: two rulesets of the same rules are equal whatever each has made so far. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Derived;
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
