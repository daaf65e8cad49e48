package io.nqpf.advisor.api;

import io.nqpf.advisor.profile.InvalidProfileException;
import io.nqpf.advisor.profile.Violation;
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

    static InvalidProfileException invalid(String name, String message) {
        return new InvalidProfileException("Invalid query parameter", List.of(new Violation(name, message)));
    }
}
