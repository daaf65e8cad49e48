package io.nqpf.advisor.api.security;

import java.time.Duration;

/** A login refused unchecked because the client failed too often; it may try again after {@link #retryAfter()}. */
public class LoginThrottledException extends RuntimeException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("Too many failed admin logins from this address; try again in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
