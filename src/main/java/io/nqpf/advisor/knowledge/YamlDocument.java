package io.nqpf.advisor.knowledge;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML file read as a tree in which every key and value remembers its line and column, and bound to records with
 * problems told in an author's words at the key or value they concern: never a parser's or binder's message, which
 * names Java classes and often points past the mistake.
 */
public final class YamlDocument {

    private static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    /** A line and column from 1; 0 when not known. */
    public record Position(int line, int column) {
        static final Position UNKNOWN = new Position(0, 0);
    }

    /** What is wrong with a YAML file, in plain words, and where. */
    public static final class Invalid extends Exception {
        private final Position position;

        Invalid(Position position, String message) {
            super(message, null, false, false);
            this.position = position;
        }

        public int line() {
            return position.line();
        }

        public int column() {
            return position.column();
        }
    }

    private final JsonNode root;
    /** By JSON pointer: where each value starts, and where the key that holds it stands. */
    private final Map<String, Position> values = new HashMap<>();
    private final Map<String, Position> keys = new HashMap<>();

    private YamlDocument(String content) throws Invalid {
        try (JsonParser parser = MAPPER.getFactory().createParser(content)) {
            root = parser.nextToken() == null ? MissingNode.getInstance() : node(parser, "");
        } catch (JsonProcessingException e) {
            throw syntax(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a YAML text; a syntax error or a key written twice in one mapping is refused where it stands. */
    public static YamlDocument parse(String content) throws Invalid {
        return new YamlDocument(content);
    }

    /** The whole document; a missing node when the file is empty. */
    public JsonNode root() {
        return root;
    }

    /** Where the value at a JSON pointer starts ({@code ""} is the whole document). */
    public Position at(String pointer) {
        return values.getOrDefault(pointer, Position.UNKNOWN);
    }

    /** The JSON pointer of a key within the mapping at {@code pointer}. */
    public static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String pointer, int index) {
        return pointer + "/" + index;
    }

    /**
     * The value at a JSON pointer as a record; a key the record does not know, or a value of the wrong type, is
     * refused at that key or value.
     */
    public <T> T bind(String pointer, Class<T> type) throws Invalid {
        try {
            return MAPPER.treeToValue(root.at(pointer), type);
        } catch (JsonMappingException e) {
            throw binding(pointer, e);
        } catch (JsonProcessingException e) {
            throw new Invalid(at(pointer), "cannot be read");
        }
    }

    private JsonNode node(JsonParser parser, String pointer) throws IOException, Invalid {
        values.put(pointer, position(parser.currentTokenLocation()));
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = MAPPER.createObjectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                String child = child(pointer, key);
                Position keyAt = position(parser.currentTokenLocation());
                if (object.has(key)) {
                    throw new Invalid(keyAt, "key '" + key + "' is written twice in this mapping (first at line "
                            + keys.get(child).line() + ")");
                }
                keys.put(child, keyAt);
                parser.nextToken();
                object.set(key, node(parser, child));
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = MAPPER.createArrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(node(parser, child(pointer, array.size())));
            }
            return array;
        }
        return MAPPER.readTree(parser);
    }

    private static Position position(JsonLocation location) {
        return location == null ? Position.UNKNOWN : new Position(location.getLineNr(), location.getColumnNr());
    }

    /** A binding problem at the key or value it concerns, named by its key. */
    private Invalid binding(String base, JsonMappingException e) {
        StringBuilder pointer = new StringBuilder(base);
        String last = base.substring(base.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
        String key = last.isEmpty() || last.chars().allMatch(Character::isDigit) ? null : last;
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                key = ref.getFieldName();
                pointer.replace(0, pointer.length(), child(pointer.toString(), key));
            } else if (ref.getIndex() >= 0) {
                pointer.replace(0, pointer.length(), child(pointer.toString(), ref.getIndex()));
            }
        }
        String at = pointer.toString();
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new Invalid(keys.getOrDefault(at, at(at)), "unknown key '" + unknown.getPropertyName() + "'"
                    + known(unknown.getKnownPropertyIds()));
        }
        String subject = key == null ? "this" : "'" + key + "'";
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException reason) {
            return new Invalid(at(at), reason.getMessage());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            JsonNode value = root.at(at);
            String found = value.isValueNode() ? ", not " + (value.isTextual() ? "'" + value.asText() + "'" : value) : "";
            return new Invalid(at(at), subject + " must be " + expected(mismatch.getTargetType()) + found);
        }
        return new Invalid(at(at), subject + " cannot be read in this form");
    }

    private static String known(Collection<Object> keys) {
        return keys == null || keys.isEmpty() ? "" : "; known keys: "
                + keys.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return type == Integer.class || type == Long.class || type == int.class || type == long.class
                    ? "a whole number" : "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list (lines starting with '- ', or [a, b])";
        }
        return "a mapping of keys to values (key: value lines)";
    }

    /** SnakeYAML's problem, at the mark where it found it, said the way an author would fix it. */
    private static Invalid syntax(JsonProcessingException e) {
        if (!(e.getCause() instanceof MarkedYAMLException marked) || marked.getProblemMark() == null) {
            return new Invalid(position(e.getLocation()), "is not valid YAML");
        }
        Position at = new Position(marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1);
        String problem = marked.getProblem() == null ? "" : marked.getProblem();
        String message;
        if (problem.contains("mapping values are not allowed")) {
            message = "a ':' that YAML cannot read here: put quotes around a text that contains ': ', "
                    + "or check the indentation of this line";
        } else if (problem.contains("\\t")) {
            message = "a tab character: indent with spaces";
        } else if (problem.contains("could not find expected ':'")) {
            message = "expected 'key: value' here: a ':' is missing, or the line is indented wrongly";
        } else if (problem.startsWith("expected <block end>") || problem.contains("did not find expected")) {
            message = "this line is not indented like the lines it belongs with";
        } else if (problem.contains("end of stream")) {
            message = "the file ends inside a quoted text: a closing quote is missing";
        } else {
            message = "is not valid YAML: " + problem.replaceAll("<([a-z ]+)>", "$1");
        }
        return new Invalid(at, message);
    }
}
