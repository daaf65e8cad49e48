package io.nqpf.advisor.api;

import io.nqpf.advisor.engine.RuleError;
import java.util.List;

/** The build itself failed (time limit, compiler crash): the rules may be fine, the verdict is not known. */
class BuildAbortedException extends RuntimeException {

    private final List<RuleError> errors;

    BuildAbortedException(List<RuleError> errors) {
        super(errors.isEmpty() ? "the build was aborted" : errors.get(0).message());
        this.errors = errors;
    }

    List<RuleError> errors() {
        return errors;
    }
}
