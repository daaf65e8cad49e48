package io.nqpf.advisor.profile;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads request bodies strictly: unknown fields, wrong JSON types, numbers as strings, fractions for whole numbers
 * and duplicate keys are all refused, and every refusal names the field by its JSON path. Then validates the
 * constraints of the profile records.
 */
public final class ProfileReader {

    public static final String INVALID = "Invalid region profile";
    public static final String MALFORMED = "Malformed JSON";

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final Validator validator;

    public ProfileReader(Validator validator) {
        this.validator = validator;
    }

    public static ObjectMapper mapper() {
        return STRICT;
    }

    /** Parses a whole body into a tree, refusing malformed JSON with where it broke. */
    public static JsonNode tree(byte[] body) {
        try {
            JsonNode node = STRICT.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new InvalidProfileException(MALFORMED, List.of(new Violation("", "the request body is empty")));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw translate(e);
        } catch (IOException e) {
            throw new InvalidProfileException(MALFORMED, List.of(new Violation("", e.getMessage())));
        }
    }

    public <T> T read(byte[] body, Class<T> type) {
        return read(tree(body), type);
    }

    /** Binds a tree to a record type and validates its constraints. */
    public <T> T read(JsonNode node, Class<T> type) {
        T value;
        try {
            if (node == null || !node.isObject()) {
                throw new InvalidProfileException(INVALID, List.of(new Violation("", "must be a JSON object")));
            }
            value = STRICT.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw translate(e);
        }
        validate(value);
        return value;
    }

    public <T> void validate(T value) {
        var violations = validator.validate(value);
        if (!violations.isEmpty()) {
            List<Violation> list = violations.stream()
                    .map(v -> new Violation(v.getPropertyPath().toString(), message(v)))
                    .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                    .toList();
            throw new InvalidProfileException(INVALID, list);
        }
    }

    private static String message(ConstraintViolation<?> v) {
        return v.getMessage() + (v.getInvalidValue() == null || v.getInvalidValue() instanceof Record
                ? "" : " (was " + v.getInvalidValue() + ")");
    }

    static InvalidProfileException translate(JsonProcessingException e) {
        if (e instanceof JsonParseException pe) {
            String at = "";
            JsonParser parser = pe.getProcessor();
            if (parser != null && parser.getParsingContext() != null) {
                at = pointerToPath(parser.getParsingContext().pathAsPointer().toString());
            }
            var loc = pe.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            return new InvalidProfileException(MALFORMED, List.of(new Violation(at, pe.getOriginalMessage() + where)));
        }
        if (e instanceof JsonMappingException me) {
            String path = path(me);
            if (me instanceof UnrecognizedPropertyException up) {
                String known = up.getKnownPropertyIds() == null ? "" : up.getKnownPropertyIds().stream()
                        .map(String::valueOf).sorted().collect(Collectors.joining(", "));
                return new InvalidProfileException(INVALID, List.of(new Violation(path,
                        "unknown field '" + up.getPropertyName() + "'" + (known.isEmpty() ? "" : "; known fields: " + known))));
            }
            if (me instanceof MismatchedInputException mi && mi.getTargetType() != null) {
                String wanted = expected(mi.getTargetType());
                String was = mi instanceof InvalidFormatException ife ? " (was " + ife.getValue() + ")" : "";
                return new InvalidProfileException(INVALID, List.of(new Violation(path, wanted + was)));
            }
            return new InvalidProfileException(INVALID, List.of(new Violation(path, me.getOriginalMessage())));
        }
        return new InvalidProfileException(MALFORMED, List.of(new Violation("", e.getOriginalMessage())));
    }

    private static String expected(Class<?> type) {
        if (type == Double.class || type == double.class || type == Float.class) {
            return "must be a number";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "must be a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }

    /** "economy.rdIntensityPct", "profiles[2].economy" from Jackson's reference chain. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    static String pointerToPath(String pointer) {
        if (pointer == null || pointer.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String part : pointer.substring(1).split("/")) {
            if (part.chars().allMatch(Character::isDigit) && !part.isEmpty()) {
                sb.append('[').append(part).append(']');
            } else {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return sb.toString();
    }
}
