package io.nqpf.advisor.api.security;

import io.nqpf.advisor.config.AdvisorConfig;
import io.nqpf.advisor.profile.Text;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The users of the service from its configuration (HTTP Basic): the rules administrator {@code admin}, whose password
 * comes from {@code ADVISOR_ADMIN_PASSWORD}, and the planner {@code planner}, who saves and reads assessments, whose
 * password comes from {@code ADVISOR_PLANNER_PASSWORD}. A user without a password does not exist; there is no
 * default. Failed logins are logged without the password, at a bounded rate, and throttled per pair of client
 * address (see {@link ClientAddress}: never a forwarded address the client wrote itself) and account. An organisation's OIDC
 * provider can stand beside them (docs/security.md); what each may do is said by roles on the operations.
 */
@ApplicationScoped
public class AdminIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Why a login is refused; the exception carries the English text, ProblemMapper renders it per request. */
    public static final Text WRONG = Text.of("auth.wrong");
    public static final Text DISABLED = Text.of("auth.disabled");

    /** The role that may submit, compile and activate rules. */
    public static final String ROLE = "rules-admin";
    public static final String USER = "admin";
    /** The role that may save, annotate and read assessments. */
    public static final String PLANNER_ROLE = "planner";
    public static final String PLANNER = "planner";

    private record User(String name, byte[] password, String role) {
    }

    private static final Logger LOG = Logger.getLogger(AdminIdentityProvider.class);

    private final Optional<byte[]> password;
    private final List<User> users = new ArrayList<>();
    private final LoginThrottle throttle;
    private final ClientAddress clients;
    private final BoundedLog log;

    public AdminIdentityProvider(AdvisorConfig config, LoginThrottle throttle, ClientAddress clients) {
        this.password = config.adminPassword().filter(p -> !p.isEmpty()).map(p -> p.getBytes(StandardCharsets.UTF_8));
        this.throttle = throttle;
        this.clients = clients;
        this.log = new BoundedLog(config.admin().login().logLinesPerMinute(), Clock.systemUTC());
        this.password.ifPresent(p -> users.add(new User(USER, p, ROLE)));
        config.plannerPassword().filter(p -> !p.isEmpty())
                .ifPresent(p -> users.add(new User(PLANNER, p.getBytes(StandardCharsets.UTF_8), PLANNER_ROLE)));
        if (this.password.isEmpty()) {
            LOG.info("Rule administration is disabled: ADVISOR_ADMIN_PASSWORD is not set, so nobody may validate or reload rules");
        }
        if (users.stream().noneMatch(u -> u.name().equals(PLANNER))) {
            LOG.info("There is no planner: ADVISOR_PLANNER_PASSWORD is not set, so nobody may save or read assessments");
        }
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String client = client(request);
        if (users.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException(DISABLED.toString()));
        }
        String user = request.getUsername();
        String account = account(user);
        Duration wait = throttle.waitBeforeNextAttempt(client, account);
        if (!wait.isZero()) {
            log.write(held -> LOG.warnf("Login from %s for user '%s' refused without checking: too many failed logins, "
                    + "next attempt in %d s%s", client, printable(user), wait.toSeconds(), heldBack(held)));
            return Uni.createFrom().failure(new LoginThrottledException(wait));
        }
        byte[] given = new String(request.getPassword().getPassword()).getBytes(StandardCharsets.UTF_8);
        // compare both parts for every user every time so that the answer takes as long for a wrong user as for a
        // wrong password
        User match = null;
        for (User u : users) {
            boolean userOk = MessageDigest.isEqual(u.name().getBytes(StandardCharsets.UTF_8),
                    user.getBytes(StandardCharsets.UTF_8));
            boolean passwordOk = MessageDigest.isEqual(u.password(), given);
            if (userOk && passwordOk) {
                match = u;
            }
        }
        if (match != null) {
            throttle.succeeded(client, account);
            LOG.infof("Login of %s from %s", match.name(), client);
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(match.name())).addRole(match.role()).build());
        }
        int failures = throttle.failed(client, account);
        log.write(held -> LOG.warnf("Failed login from %s for user '%s' (%d in a row)%s", client, printable(user),
                failures, heldBack(held)));
        return Uni.createFrom().failure(new AuthenticationFailedException(WRONG.toString()));
    }

    private String client(UsernamePasswordAuthenticationRequest request) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        return rc == null ? "unknown" : clients.of(rc.request());
    }

    /** The account a login is counted against: a user of the service, or one shared entry for every unknown name. */
    private String account(String user) {
        return users.stream().anyMatch(u -> u.name().equals(user)) ? user : "?";
    }

    private static String heldBack(long held) {
        return held == 0 ? "" : " (" + held + " lines about refused or failed logins held back since the last one)";
    }

    /** The user name as sent, cut short and without control characters, so that a log line stays one line. */
    private static String printable(String user) {
        String cut = user.length() > 64 ? user.substring(0, 64) + "…" : user;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
