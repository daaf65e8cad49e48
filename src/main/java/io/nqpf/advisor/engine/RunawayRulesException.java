package io.nqpf.advisor.engine;

/**
 * The rules kept firing up to {@link Evaluator#MAX_FIRINGS} for one profile: some rule keeps making the facts that
 * make it fire again. The report would be truncated, so there is none.
 */
public final class RunawayRulesException extends RuntimeException {

    private final String version;
    private final int limit;
    private final String rule;

    public RunawayRulesException(String version, int limit, String rule) {
        super("ruleset " + version + " reached the limit of " + limit + " rule firings for one profile; rule \""
                + rule + "\" fired most");
        this.version = version;
        this.limit = limit;
        this.rule = rule;
    }

    /** The ruleset version that ran away. */
    public String version() {
        return version;
    }

    /** The firing limit reached. */
    public int limit() {
        return limit;
    }

    /** The name of the rule that fired most. */
    public String rule() {
        return rule;
    }
}
