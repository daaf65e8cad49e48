package io.nqpf.advisor.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.core.json.WriterBasedJsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.nqpf.advisor.engine.Ruleset;
import io.nqpf.advisor.knowledge.BottleneckEntry;
import io.nqpf.advisor.knowledge.Catalog;
import io.nqpf.advisor.knowledge.CityStageEntry;
import io.nqpf.advisor.knowledge.CountermeasureEntry;
import io.nqpf.advisor.knowledge.I18n;
import io.nqpf.advisor.knowledge.IndicatorEntry;
import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.knowledge.ThresholdDef;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes a report's catalog text (a title, description, summary, label, reference or factor, declared {@code String}
 * in the report's records and in the OpenAPI document) from its JSON made once per ruleset, instead of encoding these
 * texts, about a fifth of a full report's bytes, again on every request (issue 20, docs/performance.md). The bytes are the
 * same: a string is looked up by its content and written as the quoted UTF-8 Jackson makes of it, so whichever
 * ruleset's table is in use, a text is written exactly as it reads; one that is not in the table is written as usual.
 *
 * <p>The table in use is the one of the ruleset that last assembled a report ({@link #use}), both languages in one:
 * one table at a time, bounded by one catalog, replaced (not added to) when a reload brings a new ruleset. Writers
 * that escape otherwise than plain JSON (escaped non-ASCII or {@code /}, custom escapes) or pretty-print get the string
 * written as usual; texts with characters that writer settings write in more than one way (control
 * characters, escaped in upper or lower case hex; surrogate pairs) are not kept.
 */
public final class CatalogString extends StdSerializer<String> {

    /** The catalog texts of the ruleset in use, by content. Never changed once published. */
    private static volatile Table current = new Table(null, Map.of());

    /** A ruleset's texts; {@code owner} is its {@link Ruleset#derived()}, which keeps the table but not the rules. */
    record Table(Object owner, Map<String, SerializedString> texts) {
    }

    private record Key() {
    }

    private static final Key KEY = new Key();

    public CatalogString() {
        super(String.class);
    }

    /** Makes this ruleset's texts the ones written from their kept JSON: made once per ruleset, then one comparison. */
    static void use(Ruleset ruleset) {
        if (current.owner() != ruleset.derived()) {
            current = ruleset.derived().get(KEY, () -> new Table(ruleset.derived(), table(ruleset.catalog())));
        }
    }

    /** Whether this text is written from kept JSON with the ruleset in use (for tests). */
    static boolean kept(String text) {
        return current.texts().containsKey(text);
    }

    @Override
    public void serialize(String value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        SerializedString kept = current.texts().get(value);
        if (kept != null && plain(gen)) {
            gen.writeString(kept);
        } else {
            gen.writeString(value);
        }
    }

    /** A generator that writes strings as plain JSON: what the kept bytes are. */
    private static boolean plain(JsonGenerator gen) {
        return (gen instanceof UTF8JsonGenerator || gen instanceof WriterBasedJsonGenerator)
                && gen.getCharacterEscapes() == null && gen.getHighestEscapedChar() == 0
                && !gen.isEnabled(JsonGenerator.Feature.ESCAPE_FORWARD_SLASHES) && gen.getPrettyPrinter() == null;
    }

    private static Map<String, SerializedString> table(Catalog catalog) {
        Map<String, SerializedString> texts = new HashMap<>();
        for (Language lang : Language.values()) {
            for (BottleneckEntry b : catalog.bottlenecks().values()) {
                add(texts, b.title(), lang);
                add(texts, b.description(), lang);
            }
            for (CountermeasureEntry c : catalog.countermeasures().values()) {
                add(texts, c.title(), lang);
                add(texts, c.summary(), lang);
            }
            for (CityStageEntry s : catalog.cityStages().values()) {
                add(texts, s.title(), lang);
            }
            for (IndicatorEntry i : catalog.indicators().values()) {
                add(texts, i.label(), lang);
            }
            for (I18n f : catalog.factors().values()) {
                add(texts, f, lang);
            }
            for (ThresholdDef t : catalog.thresholds().values()) {
                if (t.benchmark() == null) {
                    // a threshold set from a national figure words its reference per year: not one text to keep
                    add(texts, t.reference(), lang);
                }
            }
        }
        return Map.copyOf(texts);
    }

    private static void add(Map<String, SerializedString> texts, I18n text, Language lang) {
        String s = text == null ? null : text.in(lang);
        if (s != null && !s.isEmpty() && s.chars().allMatch(c -> c >= 0x20 && !Character.isSurrogate((char) c))) {
            texts.computeIfAbsent(s, k -> {
                SerializedString made = new SerializedString(k);
                made.asQuotedUTF8();
                made.asQuotedChars();
                return made;
            });
        }
    }
}
