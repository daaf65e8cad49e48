package io.nqpf.advisor.profile;

/**
 * One invalid field of the request: its JSON path (or parameter name), which is never translated, and the message
 * as a {@link Text}, rendered in the request's language when the problem is written.
 */
public record Violation(String field, Text text) {

    /** Violations listed at most in one problem; the rest are counted, so that an answer stays small. */
    public static final int MAX_LISTED = 100;

    public static Violation of(String field, String key, Object... args) {
        return new Violation(field, Text.of(key, args));
    }

    /** The same message for another field, e.g. {@code before.economy} for {@code economy}. */
    public Violation at(String path) {
        return new Violation(path, text);
    }
}
