package io.nqpf.advisor.profile;

import java.util.List;
import java.util.stream.Stream;

/** The request body is not a valid region profile; each violation names its field by JSON path. */
public class InvalidProfileException extends RuntimeException {
    private final String titleKey;
    private final List<Violation> violations;

    /** @param titleKey the key of the problem's title in the {@code messages/problems} bundle */
    public InvalidProfileException(String titleKey, List<Violation> violations) {
        super(Text.of(titleKey) + ": " + violations.size() + " violation(s)");
        this.titleKey = titleKey;
        // one more than the limit may be a summary line its maker already added
        this.violations = violations.size() <= Violation.MAX_LISTED + 1 ? List.copyOf(violations)
                : Stream.concat(violations.stream().limit(Violation.MAX_LISTED),
                        Stream.of(Violation.of("", "violation.more", violations.size() - Violation.MAX_LISTED))).toList();
    }

    public Text title() {
        return Text.of(titleKey);
    }

    public List<Violation> violations() {
        return violations;
    }
}
