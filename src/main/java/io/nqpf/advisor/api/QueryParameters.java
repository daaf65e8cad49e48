package io.nqpf.advisor.api;

import io.nqpf.advisor.profile.InvalidProfileException;
import io.nqpf.advisor.profile.Text;
import io.nqpf.advisor.profile.Violation;
import java.util.Arrays;
import java.util.List;

/** Query parameters shared by the resources, refused as 400 problems that name the parameter. */
final class QueryParameters {

    static final String TITLE = "title.invalid-query";

    private QueryParameters() {
    }

    /** A whole number from {@code min} to {@code max}; {@code absent} when the parameter is missing. */
    static int wholeNumber(String name, String value, int min, int max, int absent) {
        if (value == null) {
            return absent;
        }
        return parseWithin(value, min, max).orElseThrow(() -> invalid(name, "query.whole-number", min, max, value));
    }

    /**
     * A whole number from {@code min} to {@code max} or the word {@code all}, which gives {@code all}; {@code absent}
     * when the parameter is missing.
     */
    static int wholeNumberOrAll(String name, String value, int min, int max, int all, int absent) {
        if (value == null) {
            return absent;
        }
        if (value.trim().equals("all")) {
            return all;
        }
        return parseWithin(value, min, max).orElseThrow(() -> invalid(name, "query.whole-number-or-all", min, max, value));
    }

    private static java.util.Optional<Integer> parseWithin(String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            return n >= min && n <= max ? java.util.Optional.of(n) : java.util.Optional.empty();
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    /** One of {@code allowed}; {@code absent} when the parameter is missing. */
    static String oneOf(String name, String value, List<String> allowed, String absent) {
        if (value == null) {
            return absent;
        }
        if (allowed.contains(value)) {
            return value;
        }
        throw invalid(name, "query.one-of", alternatives(allowed), value);
    }

    /** A comma-separated list of values from {@code allowed}; empty when the parameter is missing. */
    static List<String> listOf(String name, String value, List<String> allowed) {
        if (value == null) {
            return List.of();
        }
        List<String> values = Arrays.stream(value.split(",", -1)).map(String::trim).toList();
        for (String v : values) {
            if (!allowed.contains(v)) {
                throw invalid(name, "query.list-of", alternatives(allowed), value);
            }
        }
        return values;
    }

    /** "a, b or c" in either language. */
    private static Text alternatives(List<String> allowed) {
        return Text.of("alternatives", String.join(", ", allowed.subList(0, allowed.size() - 1)),
                allowed.get(allowed.size() - 1));
    }

    /** A 400 problem for parameter {@code name}, its message the bundle text {@code key} with {@code args}. */
    static InvalidProfileException invalid(String name, String key, Object... args) {
        return new InvalidProfileException(TITLE, List.of(Violation.of(name, key, args)));
    }
}
