package io.nqpf.advisor.api;

import io.nqpf.advisor.api.security.AdminIdentityProvider;
import io.nqpf.advisor.api.security.LoginThrottledException;
import io.nqpf.advisor.engine.BuildLimiter;
import io.nqpf.advisor.engine.RunawayRulesException;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.InvalidProfileException;
import io.nqpf.advisor.profile.Text;
import io.nqpf.advisor.regions.NoCensusFiguresException;
import io.nqpf.advisor.regions.UnknownRegionException;
import io.nqpf.advisor.service.NoRulesetException;
import io.nqpf.advisor.service.PayloadTooLargeException;
import io.nqpf.advisor.service.RulesetService;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.MissingResourceException;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where exceptions become RFC 9457 problems. The title, the detail and each violation's message are
 * rendered from the {@code messages/problems} bundle in the language a report would be given in (see
 * {@link RequestedLanguage#forProblem}); type, status and each violation's field stay as they are.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String CHALLENGE = "Basic realm=\"nqpf-advisor admin\", charset=\"UTF-8\"";
    private static final Text UNAVAILABLE = Text.of("title.unavailable");

    private final RulesetService rulesets;

    public ProblemMapper(RulesetService rulesets) {
        this.rulesets = rulesets;
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The language of a problem answer to this request. */
    static Language language(UriInfo uri, HttpHeaders headers) {
        return RequestedLanguage.forProblem(uri == null ? null : uri.getQueryParameters().getFirst("lang"),
                headers == null ? null : headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    @ServerExceptionMapper
    public Response invalid(InvalidProfileException e, UriInfo uri, HttpHeaders headers) {
        return respond(problem(e, language(uri, headers)));
    }

    static Problem problem(InvalidProfileException e, Language language) {
        Text detail;
        if (e.violations().size() == 1) {
            String field = e.violations().get(0).field();
            String cell = e.violations().get(0).cell();
            detail = cell != null ? Text.of("detail.cell", cell, field == null ? "" : field, e.violations().get(0).text())
                    : field == null || field.isEmpty() ? e.violations().get(0).text()
                    : Text.of("detail.field", field, e.violations().get(0).text());
        } else {
            detail = Text.of("detail.fields", e.violations().size());
        }
        return Problem.of("invalid-input", e.title(), 400, detail, language).withViolations(e.violations(), language);
    }

    @ServerExceptionMapper
    public Response unknownRegion(UnknownRegionException e, UriInfo uri, HttpHeaders headers) {
        return respond(Problem.of("unknown-region", Text.of("title.unknown-region"), 404, e.text(), language(uri, headers)));
    }

    @ServerExceptionMapper
    public Response noCensusFigures(NoCensusFiguresException e, UriInfo uri, HttpHeaders headers) {
        return respond(Problem.of("no-census-figures", Text.of("title.no-census-figures"), 422, e.text(),
                language(uri, headers)));
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e, UriInfo uri, HttpHeaders headers) {
        return respond(Problem.of("payload-too-large", Text.of("title.payload-too-large"), 413, e.text(),
                language(uri, headers)));
    }

    @ServerExceptionMapper
    public Response notReady(NoRulesetException e, UriInfo uri, HttpHeaders headers) {
        return respond(Problem.of("no-ruleset", UNAVAILABLE, 503, NoRulesetException.TEXT, language(uri, headers)));
    }

    @ServerExceptionMapper
    public Response runaway(RunawayRulesException e, UriInfo uri, HttpHeaders headers) {
        return respond(runawayProblem(e, language(uri, headers)));
    }

    static Problem runawayProblem(RunawayRulesException e, Language language) {
        return Problem.of("ruleset-runaway", UNAVAILABLE, 503, Text.of("ruleset.runaway", e.version(), e.limit()), language);
    }

    @ServerExceptionMapper
    public Response busy(BuildLimiter.BusyException e, UriInfo uri, HttpHeaders headers) {
        return Response.fromResponse(respond(Problem.of("build-busy", UNAVAILABLE, 503,
                        Text.of("build.busy", e.retryAfter().toSeconds()), language(uri, headers))))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfter().toSeconds()).build();
    }

    /** A build the busy machine starved: 503 with Retry-After, the build's own account of its CPU in the detail. */
    @ServerExceptionMapper
    public Response starved(BuildStarvedException e, UriInfo uri, HttpHeaders headers) {
        long seconds = BuildStarvedException.RETRY_AFTER.toSeconds();
        return Response.fromResponse(respond(Problem.of("build-busy", UNAVAILABLE, 503,
                        Text.of("build.starved", e.getMessage(), rulesets.activeVersion(), seconds), language(uri, headers))))
                .header(HttpHeaders.RETRY_AFTER, seconds).build();
    }

    @ServerExceptionMapper
    public Response aborted(BuildAbortedException e, UriInfo uri, HttpHeaders headers) {
        // the first error's text is the build's own (rule-author text) and stays as it is
        return respond(Problem.of("build-aborted", Text.of("title.build-aborted"), 422,
                Text.of("build.aborted", e.getMessage(), rulesets.activeVersion()), language(uri, headers))
                .withErrors(e.errors()));
    }

    /** A ruleset that does not build: the errors are the compiler's texts, the title and the detail are ours. */
    static Response rulesetInvalid(int errors, String activeVersion, java.util.List<io.nqpf.advisor.engine.RuleError> list,
            Language language) {
        return respond(Problem.of("ruleset-invalid", Text.of("title.ruleset-invalid"), 422,
                Text.of("ruleset.invalid", errors, activeVersion), language).withErrors(list));
    }

    @ServerExceptionMapper
    public Response throttled(LoginThrottledException e, UriInfo uri, HttpHeaders headers) {
        return Response.fromResponse(respond(Problem.of("too-many-logins", Text.of("title.too-many-logins"), 429,
                        Text.of("login.throttled", e.retryAfter().toSeconds()), language(uri, headers))))
                .header(HttpHeaders.RETRY_AFTER, e.retryAfter().toSeconds()).build();
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        // AuthenticationFailedException is final, so it cannot carry a text: its message is matched to ours
        Text detail = Text.of("auth.required");
        if (e instanceof AuthenticationFailedException && e.getMessage() != null) {
            detail = Stream.of(AdminIdentityProvider.WRONG, AdminIdentityProvider.DISABLED)
                    .filter(t -> t.toString().equals(e.getMessage())).findFirst()
                    .orElse(Text.of("verbatim", e.getMessage()));
        }
        return Response.fromResponse(respond(Problem.of("unauthorized", Text.of("title.unauthorized"), 401, detail,
                        language(uri, headers))))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return respond(Problem.of("forbidden", Text.of("title.forbidden"), 403, Text.of("auth.forbidden"),
                language(uri, headers)));
    }

    /** The bundle's text for a status; a 415 names the type that was sent (cut short) and the types accepted. */
    private static Text genericDetail(int status, HttpHeaders headers) {
        if (status != 415) {
            return Text.of("http." + status + ".detail");
        }
        String sent = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        sent = sent == null || sent.isBlank() ? "—" : sent.length() > 100 ? sent.substring(0, 100) + "…" : sent;
        return Text.of("http.415.detail", sent);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        Language language = language(uri, headers);
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        // never the exception's own text: it may name classes or settings of the libraries that threw it
        String detail = title;
        // the statuses we name are in the bundle; any other keeps the reason phrase
        try {
            title = Text.of("http." + status + ".title").in(language);
            detail = (e instanceof TextedWebException texted ? texted.text() : genericDetail(status, headers))
                    .in(language);
        } catch (MissingResourceException missing) {
            // not one of ours
        }
        Response.ResponseBuilder builder = Response.fromResponse(respond(Problem.of(kind(status), title, status, detail)));
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri, HttpHeaders headers) {
        if (clientGone(e)) {
            // an answer cut because its client left or stopped reading: nobody is there to read this one either
            LOG.debugf("Answer not delivered: %s", e.getMessage());
        } else {
            LOG.error("Unexpected failure", e);
        }
        return respond(Problem.of("internal", Text.of("title.internal"), 500, Text.of("internal.defect"),
                language(uri, headers)));
    }

    /** An I/O failure while writing the answer: the connection is closed. */
    private static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
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
