package io.nqpf.advisor.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nqpf.advisor.engine.RuleError;
import io.nqpf.advisor.engine.RuleSources;
import io.nqpf.advisor.engine.RulesetBuilder;
import io.nqpf.advisor.support.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build refuses a catalog quote its source text does not contain, and a source text other than the one
 * described. These run on made-up texts (each holding exactly the bundled catalog's quotes from it), so they run
 * whether or not the real texts are present.
 */
class CitationCheckTest {

    private static final Pattern QUOTE = Pattern.compile("quote: \"([^\"]+)\"");

    @TempDir
    Path texts;
    private RuleSources sources;
    private String sourcesYaml;

    @BeforeEach
    void madeUpTexts() throws IOException {
        Catalog catalog = Rules.bundled().catalog();
        Map<String, StringBuilder> byDocument = new TreeMap<>();
        List<Citation> citations = new ArrayList<>();
        catalog.bottlenecks().values().forEach(b -> citations.addAll(b.sources()));
        catalog.countermeasures().values().forEach(c -> citations.addAll(c.sources()));
        catalog.cityStages().values().forEach(c -> citations.addAll(c.sources()));
        citations.forEach(c -> byDocument.computeIfAbsent(c.document(), d -> new StringBuilder()).append(c.quote())
                .append('\n'));
        StringBuilder yaml = new StringBuilder("documents:\n");
        for (var e : byDocument.entrySet()) {
            byte[] text = e.getValue().toString().getBytes(StandardCharsets.UTF_8);
            Files.write(texts.resolve(e.getKey()), text);
            yaml.append("  - id: \"").append(e.getKey(), 0, 3).append("\"\n    file: ").append(e.getKey())
                    .append("\n    sha256: \"").append(CitationCheck.sha256(text)).append("\"\n");
        }
        sourcesYaml = yaml.toString();
        sources = RuleSources.read(Rules.DIR).with(Map.of(CitationCheck.SOURCES, sourcesYaml));
        RulesetBuilder.Outcome clean = RulesetBuilder.build(sources, texts);
        assertEquals(List.of(), clean.errors(), "the made-up texts hold every quote");
    }

    @Test
    void aFabricatedQuoteFailsTheBuildAtItsLine() {
        String file = "catalog/bottlenecks.yaml";
        String catalog = sources.files().get(file);
        Matcher first = QUOTE.matcher(catalog);
        assertTrue(first.find());
        String fabricated = "这句话不在任何来源文件中";
        String edited = catalog.substring(0, first.start(1)) + fabricated + catalog.substring(first.end(1));
        int line = lineOf(catalog, first.start());
        int column = first.start(1) - catalog.lastIndexOf('\n', first.start()) - 1;

        RulesetBuilder.Outcome outcome = RulesetBuilder.build(sources.with(Map.of(file, edited)), texts);

        String document = documentBefore(catalog, first.start());
        assertEquals(List.of(new RuleError(file, line, column,
                "quote not found verbatim in " + document + ": \"" + fabricated + "\"")), outcome.errors());
    }

    @Test
    void aSourceTextOtherThanTheOneDescribedFailsTheBuildAtItsHash() throws IOException {
        String document = "002_7e91f5c9a91c3b3b.txt";
        Files.writeString(texts.resolve(document), "\n", StandardOpenOption.APPEND);

        RulesetBuilder.Outcome outcome = RulesetBuilder.build(sources, texts);

        int line = lineOf(sourcesYaml, sourcesYaml.indexOf("sha256", sourcesYaml.indexOf(document)));
        assertEquals(1, outcome.errors().size(), outcome.errors().toString());
        RuleError error = outcome.errors().get(0);
        assertEquals(CitationCheck.SOURCES + ":" + line, error.file() + ":" + error.line());
        assertTrue(error.message().startsWith(texts.resolve(document) + " is not the text described here"),
                error.message());
    }

    @Test
    void withoutTheTextsTheBuildSucceedsAndSaysWhereItLooked() {
        Path absent = texts.resolve("absent");

        RulesetBuilder.Outcome outcome = RulesetBuilder.build(sources, absent);

        assertTrue(outcome.ok(), outcome.errors().toString());
        assertTrue(outcome.ruleset().citations().startsWith("citations not verified: no source texts at " + absent),
                outcome.ruleset().citations());
    }

    @Test
    void aCitedDocumentThatIsNotDescribedIsAnErrorEvenWithoutTheTexts() {
        String catalog = sources.files().get("catalog/bottlenecks.yaml")
                .replaceFirst("document: [0-9a-f_]+\\.txt", "document: 009_unknown.txt");

        RulesetBuilder.Outcome outcome = RulesetBuilder.build(
                sources.with(Map.of("catalog/bottlenecks.yaml", catalog)), texts.resolve("absent"));

        int at = catalog.indexOf("009_unknown.txt");
        assertEquals(List.of(new RuleError("catalog/bottlenecks.yaml", lineOf(catalog, at),
                at - catalog.lastIndexOf('\n', at), "document 009_unknown.txt is not described in sources.yaml")),
                outcome.errors());
    }

    private static int lineOf(String text, int index) {
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String documentBefore(String catalog, int index) {
        Matcher m = Pattern.compile("document: (\\S+)").matcher(catalog.substring(0, index));
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }
}
