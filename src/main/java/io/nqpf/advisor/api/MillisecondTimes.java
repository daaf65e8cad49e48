package io.nqpf.advisor.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * Times in answers (evaluatedAt, savedAt, loadedAt, …) are written to the millisecond: what a JavaScript Date, and so
 * a generated TypeScript client, can hold, so that a client that reads a time and writes it back keeps its value
 * (.ci/clients checks it). The clock's finer digits were never meaningful to a reader.
 */
@Singleton
public class MillisecondTimes implements ObjectMapperCustomizer {

    /** After Quarkus' own customizers, which register the default time serializers that these replace. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("millisecond-times")
                .addSerializer(Instant.class, writer(Instant.class,
                        t -> DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.MILLIS))))
                .addSerializer(OffsetDateTime.class, writer(OffsetDateTime.class,
                        t -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.truncatedTo(ChronoUnit.MILLIS)))));
    }

    private static <T> StdSerializer<T> writer(Class<T> type, Function<T, String> format) {
        return new StdSerializer<>(type) {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(format.apply(value));
            }
        };
    }
}
