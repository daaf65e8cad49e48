package io.nqpf.advisor.profile;

import java.util.List;

/** The request body is not a valid region profile; each violation names its field by JSON path. */
public class InvalidProfileException extends RuntimeException {
    private final String title;
    private final List<Violation> violations;

    public InvalidProfileException(String title, List<Violation> violations) {
        super(title + ": " + violations);
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }
}
