package io.nqpf.advisor.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Checks the catalog's citations against the source documents described in {@code sources.yaml}: every cited
 * document is described there and every quote is long enough to identify a passage; where the texts directory
 * exists, each described text is there with the SHA-256 recorded for it, and every quote stands verbatim in its
 * text. Where the directory does not exist nothing can be verified, and the result says so and where it looked.
 */
public final class CitationCheck {

    /** The rules-directory file that describes the source documents. */
    public static final String SOURCES = "sources.yaml";
    /** Where the texts are looked for unless configured otherwise, relative to the working directory. */
    public static final String DEFAULT_TEXTS_DIR = "../shared/seeds";
    private static final String TEXTS_DIR_VARIABLE = "ADVISOR_SOURCES_DIR";
    private static final int SHORTEST_QUOTE = 4;
    private static final YAMLFactory YAML = new YAMLFactory();
    private static final Logger LOG = Logger.getLogger(CitationCheck.class);

    /** The problems found, and one line saying what was verified and against which directory. */
    public record Result(List<CatalogProblem> problems, int quotesVerified, String summary) {
    }

    /** The shape of {@code sources.yaml}, so that a mistyped key is reported where it stands. */
    record SourcesFile(List<SourceDocument> documents) {
        record SourceDocument(String id, String file, String sha256, Title subject, String note, Title title,
                List<String> authors, String venue, Integer year) {
        }

        record Title(String zh, String en) {
        }
    }

    /** A scalar value of a YAML mapping and where it is written. */
    private record Scalar(String value, int line, int column) {
    }

    /** A citation's quote, the document it names, and the catalog file it stands in. */
    private record Quote(String file, Scalar document, Scalar text) {
    }

    private final List<CatalogProblem> problems = new ArrayList<>();
    /** Documents whose description has its own problem, or null when sources.yaml as a whole did not load. */
    private Set<String> brokenDocuments = new HashSet<>();

    private CitationCheck() {
    }

    /**
     * The texts directory outside the service (rules check, tests): {@code ADVISOR_SOURCES_DIR} if set, else
     * {@value #DEFAULT_TEXTS_DIR}; the service reads {@code advisor.sources-dir}, which the same variable sets.
     */
    public static Path textsDirFromEnvironment() {
        String configured = System.getenv(TEXTS_DIR_VARIABLE);
        return Path.of(configured == null || configured.isBlank() ? DEFAULT_TEXTS_DIR : configured);
    }

    /**
     * @param files relative path to content, for the YAML files of a rules directory ({@code sources.yaml} and the
     *     catalog among them)
     * @param textsDir the directory holding the source texts, relative to the working directory
     */
    public static Result check(Map<String, String> files, Path textsDir) {
        return new CitationCheck().run(files, textsDir.toAbsolutePath().normalize());
    }

    private Result run(Map<String, String> files, Path textsDir) {
        Map<String, Map<String, Scalar>> documents = documents(files.get(SOURCES));
        List<Quote> quotes = new ArrayList<>();
        files.forEach((file, content) -> {
            if (!file.equals(SOURCES)) {
                quotes.addAll(quotes(file, content));
            }
        });
        for (Quote q : quotes) {
            if (q.text().value().codePointCount(0, q.text().value().length()) < SHORTEST_QUOTE) {
                problem(q.file(), q.text(), "quote too short to identify a passage (fewer than " + SHORTEST_QUOTE
                        + " characters): \"" + q.text().value() + "\"");
            }
            // a quote of a document whose description is broken is not wrong itself: the description comes first
            if (brokenDocuments != null && !brokenDocuments.contains(q.document().value())
                    && !documents.containsKey(q.document().value())) {
                problem(q.file(), q.document(), "document " + q.document().value() + " is not described in " + SOURCES);
            }
        }
        if (!Files.isDirectory(textsDir)) {
            String summary = "citations not verified: no source texts at " + textsDir + " (set " + TEXTS_DIR_VARIABLE
                    + " to the directory that holds them)";
            LOG.warn(summary);
            return new Result(List.copyOf(problems), 0, summary);
        }
        Map<String, String> texts = new HashMap<>();
        documents.forEach((name, described) -> {
            String text = text(textsDir, described);
            if (text != null) {
                texts.put(name, text);
            }
        });
        int verified = 0;
        for (Quote q : quotes) {
            String text = texts.get(q.document().value());
            if (text == null) {
                continue;
            }
            if (text.contains(q.text().value())) {
                verified++;
            } else {
                problem(q.file(), q.text(), "quote not found verbatim in " + q.document().value() + ": \""
                        + q.text().value() + "\"");
            }
        }
        return new Result(List.copyOf(problems), verified, "citations verified: " + verified
                + " quotes found verbatim in " + texts.size() + " source texts at " + textsDir);
    }

    /** The described documents by file name, each with its fields; problems for entries that cannot be used. */
    private Map<String, Map<String, Scalar>> documents(String content) {
        Map<String, Map<String, Scalar>> documents = new LinkedHashMap<>();
        if (content == null) {
            problems.add(new CatalogProblem(SOURCES, 0, 0, SOURCES + " is missing: it describes the documents the "
                    + "catalog cites, each with its file name and SHA-256"));
            return documents;
        }
        List<Map<String, Scalar>> entries;
        try {
            YamlDocument document = YamlDocument.parse(content);
            if (!document.root().isMissingNode()) {
                document.bind("", SourcesFile.class);
            }
            entries = mappings(content);
        } catch (YamlDocument.Invalid e) {
            problems.add(new CatalogProblem(SOURCES, e.line(), e.column(), e.getMessage()));
            brokenDocuments = null;
            return documents;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parsed just above", e);
        }
        for (Map<String, Scalar> entry : entries) {
            Scalar file = entry.get("file");
            Scalar sha256 = entry.get("sha256");
            if (file == null && sha256 == null) {
                continue;
            }
            Scalar where = file != null ? file : sha256;
            if (file != null && (sha256 == null || entry.get("id") == null
                    || !sha256.value().matches("[0-9a-f]{64}"))) {
                brokenDocuments.add(file.value());
            }
            if (file == null || sha256 == null || entry.get("id") == null) {
                problem(SOURCES, where, "a document needs id, file and sha256");
            } else if (!sha256.value().matches("[0-9a-f]{64}")) {
                problem(SOURCES, sha256, file.value() + ": sha256 must be 64 lowercase hex digits");
            } else if (documents.putIfAbsent(file.value(), entry) != null) {
                problem(SOURCES, file, file.value() + " is described twice");
            }
        }
        return documents;
    }

    /** The text of one described document, or null (with a problem) when it is missing, altered or not UTF-8. */
    private String text(Path dir, Map<String, Scalar> described) {
        Scalar file = described.get("file");
        Scalar sha256 = described.get("sha256");
        Path path = dir.resolve(file.value());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            problem(SOURCES, file, file.value() + " is not in " + dir);
            return null;
        }
        String actual = sha256(bytes);
        if (!actual.equals(sha256.value())) {
            problem(SOURCES, sha256, path + " is not the text described here: its SHA-256 is " + actual);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problem(SOURCES, file, path + " is not UTF-8 text");
            return null;
        }
    }

    /** The quotes of one catalog file; a file that does not parse, or a quote without a document, is the loader's. */
    private static List<Quote> quotes(String file, String content) {
        try {
            return mappings(content).stream().filter(m -> m.containsKey("quote") && m.containsKey("document"))
                    .map(m -> new Quote(file, m.get("document"), m.get("quote"))).toList();
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    /** Every mapping of a YAML text with its scalar fields, innermost first. */
    private static List<Map<String, Scalar>> mappings(String content) throws JsonProcessingException {
        List<Map<String, Scalar>> closed = new ArrayList<>();
        Deque<Map<String, Scalar>> open = new ArrayDeque<>();
        try (JsonParser parser = YAML.createParser(content)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_OBJECT) {
                    open.push(new LinkedHashMap<>());
                } else if (token == JsonToken.END_OBJECT) {
                    closed.add(open.pop());
                } else if (token.isScalarValue() && parser.getParsingContext().inObject()) {
                    JsonLocation at = parser.currentTokenLocation();
                    Scalar value = new Scalar(parser.getText(), at.getLineNr(), at.getColumnNr());
                    open.peek().put(parser.currentName(), value);
                }
            }
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return closed;
    }

    private void problem(String file, Scalar at, String message) {
        problems.add(new CatalogProblem(file, at.line(), at.column(), message));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
