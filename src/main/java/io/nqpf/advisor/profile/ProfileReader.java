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
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.hibernate.validator.HibernateValidatorFactory;

/**
 * Reads request bodies strictly: unknown fields, wrong JSON types, numbers as strings, fractions for whole numbers
 * and duplicate keys are all refused, and every refusal names the field by its JSON path. Then validates the
 * constraints of the profile records.
 */
public final class ProfileReader {

    /** Title keys of the {@code messages/problems} bundle. */
    public static final String INVALID = "title.invalid-profile";
    public static final String MALFORMED = "title.malformed";

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** One reader per type, made once: it finds the type's deserializer once. */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return STRICT.readerFor(type);
        }
    };

    private final Validator validator;
    /** Per record type, whether a record is valid, from the validator's metadata ({@link ConstraintCheck}). */
    private final ClassValue<Predicate<Object>> checks = new ClassValue<>() {
        @Override
        protected Predicate<Object> computeValue(Class<?> type) {
            return ConstraintCheck.of(validator, type);
        }
    };

    public ProfileReader(Validator validator) {
        this.validator = validator;
    }

    /**
     * A validator of {@code factory} that asks the factory's traversable resolver rather than caching its answers
     * for each validation: the container's resolver reaches every property (profiles have no lazy associations), and
     * the cache, keyed by object and path, cost more than the constraints of a small profile (docs/performance.md).
     */
    public static Validator validator(ValidatorFactory factory) {
        return factory.unwrap(HibernateValidatorFactory.class).usingContext()
                .enableTraversableResolverResultCache(false).getValidator();
    }

    public static ObjectMapper mapper() {
        return STRICT;
    }

    /** Parses a whole body into a tree, refusing malformed JSON with where it broke. */
    public static JsonNode tree(byte[] body) {
        TextCheck.requireUtf8(body);
        try {
            JsonNode node = STRICT.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new InvalidProfileException(MALFORMED, List.of(Violation.of("", "body.empty")));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw translate(e);
        } catch (IOException e) {
            throw new InvalidProfileException(MALFORMED, List.of(Violation.of("", "body.unreadable", e.getMessage())));
        }
    }

    /**
     * Reads a body of {@code type} and validates it. A plain body ({@link TextCheck#requireUtf8}) is bound straight to
     * the type, in one pass; a body that is not (or that does not bind) is read again as a tree, and is refused as it
     * always was, so that every refusal names the same field in the same words whichever way it was read.
     */
    public <T> T read(byte[] body, Class<T> type) {
        if (TextCheck.requireUtf8(body)) {
            T value = bound(body, type);
            if (value != null) {
                validate(value);
                return value;
            }
        }
        return read(tree(body), type);
    }

    /**
     * The body bound to {@code type} by the strict mapper without a tree; null when it is not a JSON object of that
     * type: the tree says then what is wrong, in its order (malformed JSON before an unknown field).
     */
    private static <T> T bound(byte[] body, Class<T> type) {
        try {
            return READERS.get(type).readValue(body);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Binds a tree to a record type and validates its constraints. */
    public <T> T read(JsonNode node, Class<T> type) {
        T value;
        try {
            if (node == null || !node.isObject()) {
                throw new InvalidProfileException(INVALID, List.of(Violation.of("", "must.json-object")));
            }
            List<Violation> text = TextCheck.check(node);
            if (!text.isEmpty()) {
                throw new InvalidProfileException(INVALID, text);
            }
            value = STRICT.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw translate(e);
        }
        validate(value);
        return value;
    }

    public <T> void validate(T value) {
        List<Violation> years = value instanceof RegionProfile p ? ValueYears.violations(p) : List.of();
        if (value != null && years.isEmpty() && checks.get(value.getClass()).test(value)) {
            // the validator would find nothing: the record's constraints, read from it once, hold
            return;
        }
        var violations = validator.validate(value);
        if (!violations.isEmpty() || !years.isEmpty()) {
            List<Violation> list = java.util.stream.Stream.concat(violations.stream()
                    .map(v -> new Violation(v.getPropertyPath().toString(), message(v))), years.stream())
                    .sorted(Comparator.comparing(Violation::field).thenComparing(v -> v.text().toString()))
                    .toList();
            throw new InvalidProfileException(INVALID, list);
        }
    }

    /**
     * The message of a constraint violation as a key of our bundle per constraint type, with the constraint's bounds,
     * so that it can be rendered in either language; "(was …)" is added for a value that is not a whole record.
     */
    private static Text message(ConstraintViolation<?> v) {
        Annotation constraint = v.getConstraintDescriptor().getAnnotation();
        Object template = v.getConstraintDescriptor().getAttributes().get("message");
        Text text;
        if (template instanceof String t && t.startsWith("{constraint.") && t.endsWith("}")) {
            // a message of our own bundle named by the constraint
            text = Text.of(t.substring(1, t.length() - 1));
        } else if (constraint instanceof DecimalMin min) {
            text = Text.of(min.inclusive() ? "constraint.min" : "constraint.min.exclusive", min.value());
        } else if (constraint instanceof DecimalMax max) {
            text = Text.of(max.inclusive() ? "constraint.max" : "constraint.max.exclusive", max.value());
        } else if (constraint instanceof Min min) {
            text = Text.of("constraint.min", min.value());
        } else if (constraint instanceof Max max) {
            text = Text.of("constraint.max", max.value());
        } else if (constraint instanceof NotNull) {
            text = Text.of("constraint.not-null");
        } else if (constraint instanceof NotBlank) {
            text = Text.of("constraint.not-blank");
        } else if (constraint instanceof Size size) {
            text = Text.of("constraint.size", size.min(), size.max());
        } else if (constraint instanceof Pattern pattern) {
            text = Text.of("constraint.pattern", pattern.regexp());
        } else if (constraint instanceof SharesSumTo100 && v.getInvalidValue() instanceof Economy e) {
            text = Text.of("constraint.shares-sum", Math.round(SharesSumTo100.Validator.sum(e) * 100) / 100.0);
        } else {
            // a constraint this bundle does not know yet keeps the validator's English message
            text = Text.of("constraint.other", v.getMessage());
        }
        return v.getInvalidValue() == null || v.getInvalidValue() instanceof Record
                ? text : Text.of("violation.was", text, v.getInvalidValue());
    }

    static InvalidProfileException translate(JsonProcessingException e) {
        if (e instanceof JsonParseException pe) {
            String at = "";
            JsonParser parser = pe.getProcessor();
            if (parser != null && parser.getParsingContext() != null) {
                at = pointerToPath(parser.getParsingContext().pathAsPointer().toString());
            }
            var loc = pe.getLocation();
            // the parser's own words stay as Jackson gives them; where it broke is ours
            Text text = loc == null ? jackson(pe.getOriginalMessage())
                    : Text.of("json.error.at", jackson(pe.getOriginalMessage()), loc.getLineNr(), loc.getColumnNr());
            return new InvalidProfileException(MALFORMED, List.of(new Violation(at, text)));
        }
        if (e instanceof JsonMappingException me) {
            String path = path(me);
            if (me instanceof UnrecognizedPropertyException up) {
                String known = up.getKnownPropertyIds() == null ? "" : up.getKnownPropertyIds().stream()
                        .map(String::valueOf).sorted().collect(Collectors.joining(", "));
                return new InvalidProfileException(INVALID, List.of(known.isEmpty()
                        ? Violation.of(path, "field.unknown", up.getPropertyName())
                        : Violation.of(path, "field.unknown.known", up.getPropertyName(), known)));
            }
            if (me instanceof MismatchedInputException mi && mi.getTargetType() != null) {
                Text wanted = expected(mi.getTargetType());
                return new InvalidProfileException(INVALID, List.of(new Violation(path,
                        mi instanceof InvalidFormatException ife ? Text.of("violation.was", wanted, ife.getValue()) : wanted)));
            }
            return new InvalidProfileException(INVALID, List.of(new Violation(path, jackson(me.getOriginalMessage()))));
        }
        return new InvalidProfileException(MALFORMED, List.of(new Violation("", jackson(e.getOriginalMessage()))));
    }

    /**
     * The parser's words where they speak of the JSON ("Unexpected character ..."); our own where they would show
     * its internals: the names of its classes and settings, or of ours.
     */
    static Text jackson(String message) {
        String m = message == null ? "" : message;
        if (m.contains("nesting depth")) {
            return Text.of("json.too-deep");
        }
        if (m.contains("exceeds the maximum") || m.contains("StreamReadConstraints")) {
            return Text.of("json.too-long");
        }
        if (m.contains("`") || m.contains("io.nqpf") || m.contains("com.fasterxml") || m.contains("java.")
                || m.contains("Feature")) {
            return Text.of("json.invalid-value");
        }
        return Text.of("json.error", m);
    }

    private static Text expected(Class<?> type) {
        if (type == Double.class || type == double.class || type == Float.class) {
            return Text.of("must.number");
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return Text.of("must.whole-number");
        }
        if (type == Boolean.class || type == boolean.class) {
            return Text.of("must.boolean");
        }
        if (type == String.class) {
            return Text.of("must.string");
        }
        if (type.isEnum()) {
            return Text.of("must.one-of", Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ")));
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return Text.of("must.array");
        }
        return Text.of("must.object");
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
