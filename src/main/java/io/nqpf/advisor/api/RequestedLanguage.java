package io.nqpf.advisor.api;

import io.nqpf.advisor.knowledge.Language;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The language an operation answers in, shared by every operation as a {@code @BeanParam}: the {@code lang} query
 * parameter, else the most preferred language of {@code Accept-Language} that the service speaks, else zh-CN. A
 * tag of either language counts as that language (en-US is en, zh-Hans is zh-CN).
 */
public class RequestedLanguage {

    @QueryParam("lang")
    @Parameter(description = "Language of the answer: zh-CN or en, or a tag of either such as en-US; "
            + "else Accept-Language; else zh-CN",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"zh-CN", "zh", "en", "en-US", "en-GB"}))
    String lang;

    @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
    @Parameter(hidden = true)
    String acceptLanguage;

    public Language language() {
        if (lang != null) {
            return fromTag(lang).orElseThrow(() -> QueryParameters.invalid("lang", "query.lang", lang));
        }
        return fromHeader(acceptLanguage).orElse(Language.ZH_CN);
    }

    /**
     * The language of a problem answer, chosen as a report's: a {@code lang} the service does not speak is itself the
     * problem, so it is answered in the language of {@code Accept-Language}, else zh-CN.
     */
    public static Language forProblem(String lang, String acceptLanguage) {
        return Optional.ofNullable(lang).flatMap(RequestedLanguage::fromTag)
                .or(() -> fromHeader(acceptLanguage)).orElse(Language.ZH_CN);
    }

    /** The supported language of one well-formed BCP 47 tag. */
    private static Optional<Language> fromTag(String tag) {
        try {
            return Language.match(new Locale.Builder().setLanguageTag(tag.trim()).build().toLanguageTag());
        } catch (IllformedLocaleException e) {
            return Optional.empty();
        }
    }

    /** The supported language of the highest weight among the ranges of an Accept-Language header, if any. */
    private static Optional<Language> fromHeader(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            // a header the JDK cannot read chooses nothing, as an absent one
            return Optional.empty();
        }
        return ranges.stream()
                .filter(r -> r.getWeight() > 0)
                .map(r -> Language.match(r.getRange()))
                .flatMap(Optional::stream)
                .findFirst();
    }
}
