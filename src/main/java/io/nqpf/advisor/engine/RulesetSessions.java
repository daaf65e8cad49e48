package io.nqpf.advisor.engine;

import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * The Drools sessions of one ruleset, reused from pass to pass: a session given back is reset (facts, agenda, node
 * memories) and handed to the next pass instead of building a new one. The pool belongs to the ruleset and is
 * dropped with it on a reload, so no session outlives the rules it was made for. A ruleset made without it (a
 * test's ruleset around its own KieBase) opens a new session per pass.
 */
public final class RulesetSessions {

    private final KieBase kieBase;
    private volatile KieSessionsPool pool;
    private final boolean pooled;

    private RulesetSessions(KieBase kieBase, boolean pooled) {
        this.kieBase = kieBase;
        this.pooled = pooled;
    }

    static RulesetSessions pooled(KieBase kieBase) {
        return new RulesetSessions(kieBase, true);
    }

    static RulesetSessions none() {
        return new RulesetSessions(null, false);
    }

    /** A session for one pass of {@code ruleset}'s rules; {@link KieSession#dispose()} gives it back. */
    KieSession open(Ruleset ruleset) {
        if (!pooled) {
            return ruleset.kieBase().newKieSession();
        }
        KieSessionsPool p = pool;
        if (p == null) {
            synchronized (this) {
                p = pool;
                if (p == null) {
                    // sessions are made as passes ask for them: as many as run at once, at most
                    p = kieBase.newKieSessionsPool(1);
                    pool = p;
                }
            }
        }
        return p.newKieSession();
    }
}
