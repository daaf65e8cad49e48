package io.nqpf.advisor.service;

import io.nqpf.advisor.profile.Text;

/** No ruleset has been built yet: the service is not ready. */
public class NoRulesetException extends RuntimeException {
    public static final Text TEXT = Text.of("ruleset.none");

    public NoRulesetException() {
        super(TEXT.toString());
    }
}
