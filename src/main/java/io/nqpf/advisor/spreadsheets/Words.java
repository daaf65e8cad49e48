package io.nqpf.advisor.spreadsheets;

import io.nqpf.advisor.knowledge.Language;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words a workbook is written in (sheet names, column headings, instructions), from the
 * {@code messages/sheets} bundle in zh-CN or en. Problems keep to {@code messages/problems}.
 */
public final class Words {

    static final String BUNDLE = "messages.sheets";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Words() {
    }

    static ResourceBundle bundle(Language language) {
        return ResourceBundle.getBundle(BUNDLE, language == Language.EN ? Locale.ROOT : Locale.SIMPLIFIED_CHINESE,
                Words.class.getClassLoader(), NO_FALLBACK);
    }

    public static String get(Language language, String key, Object... args) {
        String pattern = bundle(language).getString(key);
        return new MessageFormat(pattern, Locale.ROOT).format(args);
    }

    /** The text of the key, or null when the bundle has none. */
    static String find(Language language, String key) {
        try {
            return bundle(language).getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
