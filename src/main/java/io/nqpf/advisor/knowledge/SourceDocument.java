package io.nqpf.advisor.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source document as {@code sources.yaml} describes it, for showing citations to readers; a field the text does
 * not state is null. {@link CitationCheck} validates the file; this only reads what it can.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SourceDocument(String id, String file, Text subject, Text title, List<String> authors, String venue,
        Integer year) {

    /** A text in the document's language ({@code zh}) and in English. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Text(String zh, String en) {
        public String in(Language language) {
            return language == Language.EN ? en : zh;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record SourcesFile(List<SourceDocument> documents) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The author's name: an author is written as the name, optionally followed by " (affiliation)". */
    public static String name(String author) {
        int affiliation = author.indexOf(" (");
        return affiliation < 0 ? author : author.substring(0, affiliation);
    }

    /** The described documents by file name; none when the text is absent or does not parse (the check says why). */
    public static Map<String, SourceDocument> read(String sourcesYaml) {
        if (sourcesYaml == null) {
            return Map.of();
        }
        SourcesFile parsed;
        try {
            parsed = YAML.readValue(sourcesYaml, SourcesFile.class);
        } catch (JsonProcessingException e) {
            return Map.of();
        }
        Map<String, SourceDocument> byFile = new LinkedHashMap<>();
        if (parsed != null && parsed.documents() != null) {
            parsed.documents().stream().filter(d -> d.file() != null).forEach(d -> byFile.putIfAbsent(d.file(), d));
        }
        return java.util.Collections.unmodifiableMap(byFile);
    }
}
