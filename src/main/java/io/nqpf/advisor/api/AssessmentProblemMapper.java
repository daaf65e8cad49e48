package io.nqpf.advisor.api;

import io.nqpf.advisor.assessments.AssessmentNotFoundException;
import io.nqpf.advisor.assessments.StoreUnavailableException;
import io.nqpf.advisor.profile.Text;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The problems of the assessment operations, in the request's language like every other problem. */
public class AssessmentProblemMapper {

    /** Seconds a client should wait before saving again while the database does not answer. */
    static final int RETRY_AFTER = 5;

    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailableException e, UriInfo uri, HttpHeaders headers) {
        return Response.fromResponse(ProblemMapper.respond(Problem.of("store-unavailable",
                        Text.of("title.store-unavailable"), 503, Text.of("store.unavailable", e.kind()),
                        ProblemMapper.language(uri, headers))))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER).build();
    }

    @ServerExceptionMapper
    public Response notFound(AssessmentNotFoundException e, UriInfo uri, HttpHeaders headers) {
        Text detail = e instanceof AssessmentNotFoundException.NoRegionAssessments
                ? Text.of("assessment.none-for-region", e.id()) : Text.of("assessment.not-found", e.id());
        return ProblemMapper.respond(Problem.of("assessment-not-found", Text.of("title.assessment-not-found"), 404,
                detail, ProblemMapper.language(uri, headers)));
    }
}
