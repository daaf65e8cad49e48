package io.nqpf.advisor.assessments;

/** No assessment has this id, or it was deleted. */
public class AssessmentNotFoundException extends RuntimeException {

    private final String id;

    public AssessmentNotFoundException(String id) {
        super("No assessment " + id);
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** A region with no saved assessment has no problem list. */
    public static class NoRegionAssessments extends AssessmentNotFoundException {

        public NoRegionAssessments(String regionId) {
            super(regionId);
        }
    }
}
