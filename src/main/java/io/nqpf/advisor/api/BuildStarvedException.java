package io.nqpf.advisor.api;

import io.nqpf.advisor.engine.RuleError;
import java.time.Duration;
import java.util.List;

/**
 * A build stopped at the wall-clock backstop although under its CPU limit: the machine was too busy to give it the
 * CPU it needed. Not the rules' fault, so not a 422: the client is told to try again (503 with Retry-After).
 */
class BuildStarvedException extends RuntimeException {

    /** When to try again: long enough for a burst of load to pass, short against the build's own limits. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    BuildStarvedException(List<RuleError> errors) {
        super(errors.isEmpty() ? "the build was stopped at its wall-clock limit" : errors.get(0).message());
    }
}
