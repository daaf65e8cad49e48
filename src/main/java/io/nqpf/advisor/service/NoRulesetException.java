package io.nqpf.advisor.service;

/** No ruleset has been built yet: the service is not ready. */
public class NoRulesetException extends RuntimeException {
    public NoRulesetException() {
        super("No ruleset is active: the rules directory did not build. Fix it and reload.");
    }
}
