package io.nqpf.advisor.measure;

import io.nqpf.advisor.authoring.ScenarioRunner;
import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.report.Report;
import io.nqpf.advisor.report.ReportAssembler;
import io.nqpf.advisor.support.Examples;
import io.nqpf.advisor.support.Rules;
import jakarta.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measuring tool, not a test: writes, for every bundled example and every calibration probe, the number of
 * bottlenecks, of recommendations listed by default and in the full list, both stages and the top five measures
 * with their score breakdown. Runs only when asked:
 * {@code QUARKUS_HTTP_TEST_PORT=0 ./mvnw -B -q test -Dtest=MeasureCountsTest -Dmeasure.out=/tmp/counts.tsv}.
 */
@EnabledIfSystemProperty(named = "measure.out", matches = ".+")
class MeasureCountsTest {

    private static final ProfileReader READER = new ProfileReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    @Test
    void measure() throws Exception {
        StringBuilder out = new StringBuilder("profile\tbottlenecks\trecommendations\tfull list\tS3 stage\tcity stage\n");
        for (Path example : Examples.all()) {
            line(out, example.getFileName().toString(), READER.read(Files.readAllBytes(example), RegionProfile.class));
        }
        ScenarioRunner runner = new ScenarioRunner(Rules.bundled());
        for (ScenarioRunner.Case c : ScenarioRunner.load(Rules.DIR).cases()) {
            RegionProfile p = c.file().contains("calibration") ? runner.profile(c) : null;
            if (p != null) {
                line(out, "probe " + p.regionId(), p);
            }
        }
        Files.writeString(Path.of(System.getProperty("measure.out")), out.toString());
    }

    private static void line(StringBuilder out, String name, RegionProfile p) {
        var ev = Evaluator.evaluate(p, Rules.bundled());
        Report r = ReportAssembler.assemble(p, ev, Language.EN, false);
        Report all = ReportAssembler.assemble(p, ev, Language.EN, false, 100);
        out.append(name).append('\t').append(r.bottlenecks().size()).append('\t').append(r.recommendations().size())
                .append('\t').append(all.recommendations().size()).append('\t').append(r.smartSpecialization().stage())
                .append('\t').append(r.smartSpecialization().cityIndustryStage().stage()).append('\n');
        for (Report.RecommendationView v : r.recommendations().subList(0, Math.min(5, r.recommendations().size()))) {
            out.append("  ").append(v.rank()).append(' ').append(v.id()).append(' ').append(v.score()).append(' ')
                    .append(v.scoreBreakdown().stream().map(f -> f.key() + "=" + f.points()).toList()).append('\n');
        }
    }
}
