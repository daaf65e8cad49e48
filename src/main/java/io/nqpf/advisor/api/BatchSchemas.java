package io.nqpf.advisor.api;

import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.report.Report;
import io.nqpf.advisor.report.ReportSummary;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response shapes of the batch and compare operations. */
final class BatchSchemas {

    private BatchSchemas() {
    }

    @Schema(name = "BatchRequest")
    record BatchRequest(
            @Schema(required = true, maxItems = 1000, description = "Up to 1,000 profiles, each evaluated on its own")
            List<RegionProfile> profiles) {
    }

    @Schema(name = "BatchResult", description = "The report of one profile, or the problem that stopped it")
    record BatchResult(
            @Schema(description = "Position in the request, from 0") int index,
            @Schema(description = "The profile's regionId when it could be read") String regionId,
            @Schema(description = "The full report; absent when the profile was refused", allOf = Report.class)
            Object report,
            @Schema(description = "Why the profile was refused; absent when it was evaluated") Problem problem) {
    }

    @Schema(name = "BatchSummaryResult", description = "The summary of one profile, or the problem that stopped it")
    record BatchSummaryResult(
            @Schema(description = "Position in the request, from 0") int index,
            @Schema(description = "The profile's regionId when it could be read") String regionId,
            @Schema(description = "The summary; absent when the profile was refused") ReportSummary report,
            @Schema(description = "Why the profile was refused; absent when it was evaluated") Problem problem) {
    }

    @Schema(name = "BatchResponse")
    record BatchResponse(@Schema(description = "One result per profile, in request order") List<BatchResult> results,
            @Schema(description = "How many profiles were evaluated") int evaluated,
            @Schema(description = "How many profiles were refused") int failed) {
    }

    @Schema(name = "BatchSummaryResponse")
    record BatchSummaryResponse(
            @Schema(description = "One result per profile, in request order") List<BatchSummaryResult> results,
            @Schema(description = "How many profiles were evaluated") int evaluated,
            @Schema(description = "How many profiles were refused") int failed) {
    }

    @Schema(name = "BatchEnd", description = "The last line of a streamed (NDJSON) batch: the stream is whole. A stream "
            + "without it was cut short (a restart, a network failure) and its results are not all there")
    record BatchEnd(
            @Schema(required = true, enumeration = "true", description = "Always true") boolean complete,
            @Schema(required = true, description = "How many profiles the batch had, one line each before this one")
            int count,
            @Schema(required = true, description = "How many of them were refused (their line carries the problem)")
            int failed) {
    }

    @Schema(name = "CompareRequest")
    record CompareRequest(@Schema(required = true) RegionProfile before, @Schema(required = true) RegionProfile after) {
    }
}
