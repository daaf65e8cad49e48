package io.nqpf.advisor.api;

import io.nqpf.advisor.knowledge.Language;
import io.nqpf.advisor.profile.InvalidProfileException;
import io.nqpf.advisor.profile.Violation;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Chooses the report language: the {@code lang} parameter, else {@code Accept-Language}, else zh-CN. */
final class Languages {

    private Languages() {
    }

    static Language choose(String lang, String acceptLanguage) {
        if (lang != null) {
            return Language.match(lang).filter(l -> l.tag().equalsIgnoreCase(lang.trim()))
                    .orElseThrow(() -> new InvalidProfileException("Invalid query parameter",
                            List.of(new Violation("lang", "must be zh-CN or en (was " + lang + ")"))));
        }
        return fromHeader(acceptLanguage).orElse(Language.ZH_CN);
    }

    /** The supported language with the highest q among the ranges of an Accept-Language header. */
    static Optional<Language> fromHeader(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        record Range(String tag, double q) {
        }
        return Arrays.stream(header.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> {
                    String[] parts = s.split(";");
                    double q = 1.0;
                    for (int i = 1; i < parts.length; i++) {
                        String p = parts[i].trim();
                        if (p.startsWith("q=")) {
                            try {
                                q = Double.parseDouble(p.substring(2));
                            } catch (NumberFormatException e) {
                                q = 0;
                            }
                        }
                    }
                    return new Range(parts[0].trim(), q);
                })
                .filter(r -> r.q() > 0)
                .sorted(Comparator.comparingDouble(Range::q).reversed())
                .map(r -> Language.match(r.tag()))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
