package io.nqpf.advisor.engine;

import java.nio.file.Path;
import java.util.List;

/** A check run on a freshly built ruleset before it may be activated or called valid; errors refuse it. */
public interface RulesetProbe {

    List<RuleError> probe(Ruleset ruleset, Path rulesDir);
}
