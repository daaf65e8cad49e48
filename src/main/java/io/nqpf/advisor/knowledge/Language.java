package io.nqpf.advisor.knowledge;

import java.util.Locale;
import java.util.Optional;

/** The two languages every text of the catalog is written in. */
public enum Language {
    ZH_CN("zh-CN"),
    EN("en");

    private final String tag;

    Language(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /** Matches "zh-CN", "zh", "zh-Hans", "en", "en-GB" and similar; empty when neither language fits. */
    public static Optional<Language> match(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String t = tag.trim().toLowerCase(Locale.ROOT);
        if (t.equals("zh") || t.startsWith("zh-") || t.startsWith("zh_")) {
            return Optional.of(ZH_CN);
        }
        if (t.equals("en") || t.startsWith("en-") || t.startsWith("en_")) {
            return Optional.of(EN);
        }
        return Optional.empty();
    }
}
