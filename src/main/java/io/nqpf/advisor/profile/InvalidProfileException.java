package io.nqpf.advisor.profile;

import java.util.List;

/** The request body is not a valid region profile; each violation names its field by JSON path. */
public class InvalidProfileException extends RuntimeException {
    private final String title;
    private final List<Violation> violations;

    public InvalidProfileException(String title, List<Violation> violations) {
        super(title + ": " + violations.size() + " violation(s)");
        this.title = title;
        // one more than the limit may be a summary line its maker already added
        this.violations = violations.size() <= Violation.MAX_LISTED + 1 ? List.copyOf(violations)
                : java.util.stream.Stream.concat(violations.stream().limit(Violation.MAX_LISTED),
                        java.util.stream.Stream.of(new Violation("", (violations.size() - Violation.MAX_LISTED)
                                + " more violations not listed"))).toList();
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }
}
