package io.nqpf.advisor.assessments;

/** The database of assessments cannot be reached or failed; evaluation does not need it. */
public class StoreUnavailableException extends RuntimeException {

    private final String kind;

    public StoreUnavailableException(String kind, String reason) {
        super("The " + kind + " database of assessments is unavailable: " + reason);
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }
}
