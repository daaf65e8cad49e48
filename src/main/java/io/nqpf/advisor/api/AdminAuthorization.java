package io.nqpf.advisor.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotAuthorizedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTP Basic check for the admin operations: user {@code admin}, password from {@code ADVISOR_ADMIN_PASSWORD}.
 * With no password configured nobody is admitted; there is no default.
 */
@ApplicationScoped
public class AdminAuthorization {

    static final String USER = "admin";
    private static final String CHALLENGE = "Basic realm=\"nqpf-advisor admin\", charset=\"UTF-8\"";

    private final Optional<String> password;

    public AdminAuthorization(@ConfigProperty(name = "advisor.admin-password") Optional<String> password) {
        this.password = password.filter(p -> !p.isEmpty());
    }

    /** Throws 401 unless the Authorization header carries the admin's credentials. */
    public void require(String authorization) {
        if (password.isEmpty()) {
            throw new NotAuthorizedException("Reload is disabled: ADVISOR_ADMIN_PASSWORD is not set", CHALLENGE);
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new NotAuthorizedException("Admin credentials required (HTTP Basic, user admin)", CHALLENGE);
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new NotAuthorizedException("Malformed Basic credentials", CHALLENGE);
        }
        String expected = USER + ":" + password.get();
        if (!MessageDigest.isEqual(decoded.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new NotAuthorizedException("Wrong admin credentials", CHALLENGE);
        }
    }
}
