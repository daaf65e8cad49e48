package io.nqpf.advisor.profile;

import io.nqpf.advisor.knowledge.Language;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A human text of a problem answer, kept as a key of the {@code messages/problems} bundle and its arguments until the
 * answer is written, so that it is rendered in the language of the request. An argument may itself be a text.
 */
public record Text(String key, List<Object> args) {

    public static final String BUNDLE = "messages.problems";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public Text {
        args = List.copyOf(args);
    }

    /** Arguments other than texts are kept as strings, so that numbers are shown as sent (no grouping). */
    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.stream(args).map(a -> a instanceof Text ? a : String.valueOf(a)).toList());
    }

    public static ResourceBundle bundle(Language language) {
        return ResourceBundle.getBundle(BUNDLE, language == Language.EN ? Locale.ROOT : Locale.SIMPLIFIED_CHINESE,
                Text.class.getClassLoader(), NO_FALLBACK);
    }

    public String in(Language language) {
        Object[] rendered = args.stream().map(a -> a instanceof Text t ? t.in(language) : a).toArray();
        return new MessageFormat(bundle(language).getString(key), Locale.ROOT).format(rendered);
    }

    @Override
    public String toString() {
        return in(Language.EN);
    }
}
