package io.nqpf.advisor.profile;

/**
 * One invalid field of the request: its JSON path (or parameter name), which is never translated, and the message
 * as a {@link Text}, rendered in the request's language when the problem is written. A value read from a spreadsheet
 * also names its cell ({@code 地区!F7}); null otherwise.
 */
public record Violation(String field, Text text, String cell) {

    public Violation(String field, Text text) {
        this(field, text, null);
    }

    /** Violations listed at most in one problem; the rest are counted, so that an answer stays small. */
    public static final int MAX_LISTED = 100;

    public static Violation of(String field, String key, Object... args) {
        return new Violation(field, Text.of(key, args));
    }

    /** The same message for another field, e.g. {@code before.economy} for {@code economy}. */
    public Violation at(String path) {
        return new Violation(path, text, cell);
    }

    /** The same message, found in a spreadsheet's cell. */
    public Violation inCell(String reference) {
        return new Violation(field, text, reference);
    }
}
