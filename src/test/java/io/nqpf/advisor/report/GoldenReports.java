package io.nqpf.advisor.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nqpf.advisor.engine.Evaluator;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.ProfileReader;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.support.Examples;
import io.nqpf.advisor.support.Rules;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The golden reports: the full view of every bundled example in every language, as the service words it, with what
 * is new for every evaluation or names the rules' version left out ({@code decisionId}, {@code evaluatedAt},
 * {@code ruleset}), so that the same profile and rules must give the same bytes. Kept in {@code rules/tests/golden/};
 * {@code GoldenReportsTest} compares them, and rewrites them with {@code -Dgolden.update=true}.
 * <p>
 * {@link #main} writes all of them, each after a line {@code ### <file name>}, to the file named by its argument: the
 * test runs it in fresh JVMs, whose hash salts differ, to see that no iteration order reaches an answer.
 */
public final class GoldenReports {

    public static final Path DIR = Rules.DIR.resolve("tests/golden");
    static final List<Language> LANGUAGES = List.of(Language.ZH_CN, Language.EN);
    /** Fields that differ on every evaluation or with the ruleset's identity rather than with the answer. */
    static final List<String> LEFT_OUT = List.of("decisionId", "evaluatedAt", "ruleset");

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .serializationInclusion(JsonInclude.Include.NON_NULL).enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final ProfileReader READER = new ProfileReader(Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

    private GoldenReports() {
    }

    /** File name (e.g. {@code declining-coal-city.en.json}) to the report's text, in a fixed order. */
    public static Map<String, String> all() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Path example : Examples.all()) {
            RegionProfile profile = READER.read(Files.readAllBytes(example), RegionProfile.class);
            var evaluation = Evaluator.evaluate(profile, Rules.bundled());
            String base = example.getFileName().toString().replaceFirst("\\.json$", "");
            for (Language lang : LANGUAGES) {
                Report report = ReportAssembler.assemble(profile, evaluation, lang, false);
                ObjectNode tree = JSON.valueToTree(report);
                tree.remove(LEFT_OUT);
                out.put(base + "." + lang.tag() + ".json", JSON.writeValueAsString(tree) + "\n");
            }
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        StringBuilder dump = new StringBuilder();
        all().forEach((name, text) -> dump.append("### ").append(name).append('\n').append(text));
        Files.writeString(Path.of(args[0]), dump.toString());
        System.exit(0);
    }
}
