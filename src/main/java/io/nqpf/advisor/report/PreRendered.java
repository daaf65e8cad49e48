package io.nqpf.advisor.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.core.json.WriterBasedJsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An unchangeable list of catalog texts that is the same in every report of one ruleset and language (the citations
 * of a bottleneck, a measure's actions), kept by {@link CatalogTexts} with its JSON: written into a report as the
 * bytes made the first time, where serializing it again on every request cost a fifth of a full report's CPU time
 * (docs/performance.md). To readers of the report object it is an ordinary list.
 *
 * <p>The JSON depends on the writer's configuration (inclusion of nulls, features), so one rendering is kept per
 * configuration a writer used: a handful at most, made by the service's own writers, never by client input. Writers
 * that do not make plain JSON text (a tree, a pretty printer) get the list serialized as usual.
 */
@JsonSerialize(using = PreRendered.Writer.class)
public final class PreRendered<T> extends AbstractList<T> implements RandomAccess {

    /** More configurations than this means writers are made per call: renderings are then not kept. */
    private static final int MAX_RENDERINGS = 4;

    private final List<T> items;
    private final Map<Rendering, SerializedString> json = new ConcurrentHashMap<>();
    /**
     * The rendering last written and the writer settings it was found for: the service's one writer finds it by three
     * identity comparisons, without making and hashing a {@link Rendering} key on every call.
     */
    private volatile Last last;

    PreRendered(List<T> items) {
        this.items = List.copyOf(items);
    }

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    /** How many renderings are kept (one per writer configuration that wrote the list). */
    int renderings() {
        return json.size();
    }

    /** A rendering with the settings of the writer that last used it (a configuration fixes inclusion and features). */
    private record Last(Object config, int generatorFeatures, Object escapes, SerializedString json) {
    }

    /** What a rendering depends on besides the items. */
    private record Rendering(Class<?> element, JsonInclude.Value inclusion, int serializationFeatures,
            int generatorFeatures, Object escapes) {
    }

    public static final class Writer extends StdSerializer<PreRendered<?>> {

        @SuppressWarnings({"unchecked", "rawtypes"})
        public Writer() {
            super((Class) PreRendered.class);
        }

        @Override
        public void serialize(PreRendered<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (!(gen instanceof UTF8JsonGenerator || gen instanceof WriterBasedJsonGenerator)
                    || gen.getPrettyPrinter() != null || value.items.isEmpty()) {
                plain(value.items, gen, provider);
                return;
            }
            Last last = value.last;
            if (last != null && last.config() == provider.getConfig() && last.generatorFeatures() == gen.getFeatureMask()
                    && last.escapes() == gen.getCharacterEscapes()) {
                gen.writeRawValue(last.json());
                return;
            }
            Class<?> element = value.items.get(0).getClass();
            Rendering key = new Rendering(element, provider.getConfig().getDefaultPropertyInclusion(element),
                    provider.getConfig().getSerializationFeatures(), gen.getFeatureMask(), gen.getCharacterEscapes());
            SerializedString rendered = value.json.get(key);
            if (rendered == null) {
                rendered = render(value.items, gen, provider);
                if (value.json.size() < MAX_RENDERINGS) {
                    value.json.putIfAbsent(key, rendered);
                }
            }
            if (value.json.get(key) == rendered) {
                value.last = new Last(provider.getConfig(), gen.getFeatureMask(), gen.getCharacterEscapes(), rendered);
            }
            gen.writeRawValue(rendered);
        }

        private static void plain(List<?> items, JsonGenerator gen, SerializerProvider provider) throws IOException {
            JsonSerializer<Object> serializer = provider.findValueSerializer(items.getClass());
            serializer.serialize(items, gen, provider);
        }

        /** The items as this writer would write them, in a generator of the same settings. */
        @SuppressWarnings("deprecation")
        private static SerializedString render(List<?> items, JsonGenerator like, SerializerProvider provider)
                throws IOException {
            SegmentedStringWriter out = new SegmentedStringWriter(new BufferRecycler());
            com.fasterxml.jackson.core.JsonFactory factory = like.getCodec() instanceof com.fasterxml.jackson.databind.ObjectMapper m
                    ? m.getFactory() : new com.fasterxml.jackson.core.JsonFactory();
            try (JsonGenerator gen = factory.createGenerator(out)) {
                gen.setFeatureMask(like.getFeatureMask());
                if (like.getCharacterEscapes() != null) {
                    gen.setCharacterEscapes(like.getCharacterEscapes());
                }
                gen.setCodec(like.getCodec());
                plain(items, gen, provider);
            }
            return new SerializedString(out.getAndClear());
        }
    }
}
