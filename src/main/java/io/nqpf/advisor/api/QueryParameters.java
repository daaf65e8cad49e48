package io.nqpf.advisor.api;

import io.nqpf.advisor.profile.InvalidProfileException;
import io.nqpf.advisor.profile.Violation;
import java.util.Arrays;
import java.util.List;

/** Query parameters shared by the resources, refused as 400 problems that name the parameter. */
final class QueryParameters {

    private QueryParameters() {
    }

    /** A whole number from {@code min} to {@code max}; {@code absent} when the parameter is missing. */
    static int wholeNumber(String name, String value, int min, int max, int absent) {
        if (value == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below like any other bad value
        }
        throw invalid(name, "must be a whole number from " + min + " to " + max + " (was " + value + ")");
    }

    /** One of {@code allowed}; {@code absent} when the parameter is missing. */
    static String oneOf(String name, String value, List<String> allowed, String absent) {
        if (value == null) {
            return absent;
        }
        if (allowed.contains(value)) {
            return value;
        }
        throw invalid(name, "must be " + alternatives(allowed) + " (was " + value + ")");
    }

    /** A comma-separated list of values from {@code allowed}; empty when the parameter is missing. */
    static List<String> listOf(String name, String value, List<String> allowed) {
        if (value == null) {
            return List.of();
        }
        List<String> values = Arrays.stream(value.split(",", -1)).map(String::trim).toList();
        for (String v : values) {
            if (!allowed.contains(v)) {
                throw invalid(name, "must be a comma-separated list of " + alternatives(allowed) + " (was " + value + ")");
            }
        }
        return values;
    }

    private static String alternatives(List<String> allowed) {
        return String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or " + allowed.get(allowed.size() - 1);
    }

    static InvalidProfileException invalid(String name, String message) {
        return new InvalidProfileException("Invalid query parameter", List.of(new Violation(name, message)));
    }
}
