package io.nqpf.advisor.api;

import io.nqpf.advisor.api.security.LoginThrottledException;
import io.nqpf.advisor.engine.BuildLimiter;
import io.nqpf.advisor.engine.RunawayRulesException;
import io.nqpf.advisor.profile.InvalidProfileException;
import io.nqpf.advisor.regions.NoCensusFiguresException;
import io.nqpf.advisor.regions.UnknownRegionException;
import io.nqpf.advisor.service.NoRulesetException;
import io.nqpf.advisor.service.PayloadTooLargeException;
import io.nqpf.advisor.service.RulesetService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become RFC 9457 problems. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String CHALLENGE = "Basic realm=\"nqpf-advisor admin\", charset=\"UTF-8\"";

    private final RulesetService rulesets;

    public ProblemMapper(RulesetService rulesets) {
        this.rulesets = rulesets;
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    public Response invalid(InvalidProfileException e) {
        return respond(problem(e));
    }

    static Problem problem(InvalidProfileException e) {
        String detail = e.violations().size() == 1
                ? describe(e.violations().get(0).field()) + e.violations().get(0).message()
                : e.violations().size() + " fields are invalid; see violations";
        return Problem.of("invalid-input", e.title(), 400, detail).withViolations(e.violations());
    }

    private static String describe(String field) {
        return field == null || field.isEmpty() ? "" : field + ": ";
    }

    @ServerExceptionMapper
    public Response unknownRegion(UnknownRegionException e) {
        return respond(Problem.of("unknown-region", "Unknown region", 404, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response noCensusFigures(NoCensusFiguresException e) {
        return respond(Problem.of("no-census-figures", "No census figures", 422, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e) {
        return respond(Problem.of("payload-too-large", "Payload too large", 413, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response notReady(NoRulesetException e) {
        return respond(Problem.of("no-ruleset", "Service unavailable", 503, e.getMessage()));
    }

    @ServerExceptionMapper
    public Response runaway(RunawayRulesException e) {
        return respond(runawayProblem(e));
    }

    static Problem runawayProblem(RunawayRulesException e) {
        return Problem.of("ruleset-runaway", "Service unavailable", 503, "The active ruleset " + e.version()
                + " could not finish this profile: a rule kept firing past " + e.limit()
                + " firings, so no report is given. This is a defect of the rules; the administrator has been told.");
    }

    @ServerExceptionMapper
    public Response busy(BuildLimiter.BusyException e) {
        return Response.fromResponse(respond(Problem.of("build-busy", "Service unavailable", 503, e.getMessage())))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfter().toSeconds()).build();
    }

    @ServerExceptionMapper
    public Response aborted(BuildAbortedException e) {
        return respond(Problem.of("build-aborted", "Ruleset build aborted", 422,
                e.getMessage() + "; nothing changed, the active ruleset " + rulesets.activeVersion() + " keeps serving")
                .withErrors(e.errors()));
    }

    @ServerExceptionMapper
    public Response throttled(LoginThrottledException e) {
        return Response.fromResponse(respond(Problem.of("too-many-logins", "Too Many Requests", 429, e.getMessage())))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfter().toSeconds()).build();
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthorized(RuntimeException e) {
        String detail = e instanceof AuthenticationFailedException && e.getMessage() != null
                ? e.getMessage() : "Admin credentials required (HTTP Basic, user admin)";
        return Response.fromResponse(respond(Problem.of("unauthorized", "Unauthorized", 401, detail)))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of("forbidden", "Forbidden", 403, "This operation needs the rules administrator"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        Response.ResponseBuilder builder = Response.fromResponse(respond(
                Problem.of(kind(status), title, status, e.getMessage())));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure", e);
        return respond(Problem.of("internal", "Internal Server Error", 500,
                "The service failed unexpectedly; this is a defect, please report it."));
    }

    private static String kind(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
    }
}
