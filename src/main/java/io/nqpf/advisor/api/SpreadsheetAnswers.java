package io.nqpf.advisor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nqpf.advisor.config.AdvisorConfig;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.BatchReader;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.service.BatchItem;
import io.nqpf.advisor.service.RecommendationService;
import io.nqpf.advisor.service.ReportOptions;
import io.nqpf.advisor.service.RulesetService;
import io.nqpf.advisor.spreadsheets.ReportCsv;
import io.nqpf.advisor.spreadsheets.ReportWorkbook;
import io.nqpf.advisor.spreadsheets.SheetLimits;
import io.nqpf.advisor.spreadsheets.SheetUpload;
import io.nqpf.advisor.spreadsheets.TemplateWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Spreadsheets in and out of the recommendation operations: the template, an uploaded sheet read as a batch, and
 * reports, batches and comparisons answered as workbooks (or a batch's overview as CSV). The spreadsheet package
 * reads and writes the files; this class ties them to the service and to the problems of the API.
 */
@ApplicationScoped
public class SpreadsheetAnswers {

    private final RecommendationService service;
    private final RulesetService rulesets;
    private final ProfileReader reader;
    private final ObjectMapper json;
    private final SheetLimits limits;

    public SpreadsheetAnswers(RecommendationService service, RulesetService rulesets, ProfileReader reader,
            ObjectMapper json, AdvisorConfig config) {
        this.service = service;
        this.rulesets = rulesets;
        this.reader = reader;
        this.json = json;
        AdvisorConfig.Limits l = config.limits();
        this.limits = new SheetLimits(l.sheetBytes(), l.sheetRows(), l.sheetExpandedBytes(), l.sheetStringChars(),
                l.sheetEntries());
    }

    /** The template in a language, as a workbook or as CSV, named for download. */
    Response template(Language language, boolean csv) {
        TemplateWriter writer = new TemplateWriter(rulesets.active(), language, limits.rows());
        Iterator<JsonNode> none = Collections.emptyIterator();
        StreamingOutput body = out -> {
            if (csv) {
                writer.csv(none, out);
            } else {
                writer.xlsx(none, out);
            }
        };
        return download(body, csv ? SheetUpload.CSV + ";charset=UTF-8" : SheetUpload.XLSX,
                "nqpf-template-" + language.tag() + (csv ? ".csv" : ".xlsx"));
    }

    /** Receives an uploaded sheet and checks it whole before anything is evaluated. */
    SheetUpload receive(InputStream body, boolean csv) {
        return SheetUpload.receive(body, csv, limits, rulesets.active().catalog(), reader);
    }

    /**
     * A batch answered as a workbook (or its overview as CSV): every item evaluated in the full view, its report
     * written as it arrives; refused rows are listed with their cells. {@code done} runs when the answer is written.
     */
    Response batch(Iterator<BatchReader.Item> items, ReportOptions asked, String mediaType, Runnable done) {
        ReportOptions options = ReportOptions.full(asked.language(), false, asked.limit());
        boolean csv = mediaType.equals(SheetUpload.CSV);
        StreamingOutput body = out -> {
            try {
                if (csv) {
                    ReportCsv table = new ReportCsv(options.language(), out);
                    service.evaluateBatch(items, options, item -> {
                        if (item.evaluated()) {
                            table.addReport(json.valueToTree(item.report()));
                        } else {
                            table.addRefused(item.index(), item.regionId(), problems(item, options.language()));
                        }
                    });
                    table.flush();
                } else {
                    try (ReportWorkbook workbook = new ReportWorkbook(options.language())) {
                        service.evaluateBatch(items, options, item -> add(workbook, item, options.language()));
                        workbook.write(out);
                    }
                }
            } finally {
                done.run();
            }
        };
        return download(body, csv ? SheetUpload.CSV + ";charset=UTF-8" : SheetUpload.XLSX,
                "nqpf-batch" + (csv ? ".csv" : ".xlsx"));
    }

    /** One report as a workbook. */
    Response report(Object report, Language language) {
        JsonNode tree = json.valueToTree(report);
        StreamingOutput body = out -> {
            try (ReportWorkbook workbook = new ReportWorkbook(language)) {
                workbook.addReport(tree);
                workbook.write(out);
            }
        };
        return download(body, SheetUpload.XLSX, "nqpf-report-" + safe(tree.at("/region/regionId").asText("region")) + ".xlsx");
    }

    /** A comparison as a workbook: the changes, then both reports. */
    Response comparison(byte[] body, Language language) {
        RecommendationService.Compared compared = service.compareWithReports(body, language);
        JsonNode comparison = json.valueToTree(compared.comparison());
        JsonNode before = json.valueToTree(compared.before());
        JsonNode after = json.valueToTree(compared.after());
        StreamingOutput out = stream -> {
            try (ReportWorkbook workbook = new ReportWorkbook(language)) {
                workbook.addComparison(comparison);
                workbook.addReport(before);
                workbook.addReport(after);
                workbook.write(stream);
            }
        };
        return download(out, SheetUpload.XLSX, "nqpf-compare.xlsx");
    }

    /** A region's problem list as a workbook. */
    Response problemList(Object list, Language language) {
        JsonNode tree = json.valueToTree(list);
        StreamingOutput body = out -> {
            try (ReportWorkbook workbook = ReportWorkbook.problemList(language, tree)) {
                workbook.write(out);
            }
        };
        return download(body, SheetUpload.XLSX, "nqpf-problems-" + safe(tree.path("regionId").asText("region")) + ".xlsx");
    }

    private void add(ReportWorkbook workbook, BatchItem item, Language language) {
        if (item.evaluated()) {
            workbook.addReport(json.valueToTree(item.report()));
        } else {
            workbook.addRefused(item.index(), item.regionId(), problems(item, language));
        }
    }

    /** The problems of a refused item as cell, field and reason. */
    private static List<String[]> problems(BatchItem item, Language language) {
        Problem problem = item.invalid() != null ? ProblemMapper.problem(item.invalid(), language)
                : ProblemMapper.runawayProblem(item.runaway(), language);
        if (problem.violations() == null || problem.violations().isEmpty()) {
            return List.<String[]>of(new String[] {null, null, problem.detail()});
        }
        return problem.violations().stream().map(v -> new String[] {v.cell(), v.field(), v.message()}).toList();
    }

    private static Response download(StreamingOutput body, String type, String filename) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /** Whether a request body of this type is a spreadsheet upload, and which. */
    static boolean csv(HttpHeaders headers) {
        return headers.getMediaType() != null && headers.getMediaType().getSubtype().equalsIgnoreCase("csv");
    }
}
