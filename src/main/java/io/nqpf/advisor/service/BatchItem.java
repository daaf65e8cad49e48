package io.nqpf.advisor.service;

import io.nqpf.advisor.engine.RunawayRulesException;
import io.nqpf.advisor.profile.InvalidProfileException;

/**
 * The outcome of one profile of a batch: its report ({@link io.nqpf.advisor.report.Report} or
 * {@link io.nqpf.advisor.report.ReportSummary}, as asked), or exactly one reason it has none — the profile is
 * invalid, or the rules ran away on it.
 */
public record BatchItem(int index, String regionId, Object report, InvalidProfileException invalid,
        RunawayRulesException runaway) {

    public boolean evaluated() {
        return report != null;
    }
}
