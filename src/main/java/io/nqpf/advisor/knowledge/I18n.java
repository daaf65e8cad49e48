package io.nqpf.advisor.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A text in both catalog languages. */
public record I18n(@JsonProperty("zh-CN") String zh, @JsonProperty("en") String en) {

    public String in(Language language) {
        return language == Language.EN ? en : zh;
    }

    public boolean complete() {
        return zh != null && !zh.isBlank() && en != null && !en.isBlank();
    }
}
