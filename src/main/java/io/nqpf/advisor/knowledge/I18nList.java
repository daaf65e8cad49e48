package io.nqpf.advisor.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A list of texts (such as concrete actions) in both catalog languages. */
public record I18nList(@JsonProperty("zh-CN") List<String> zh, @JsonProperty("en") List<String> en) {

    public List<String> in(Language language) {
        List<String> list = language == Language.EN ? en : zh;
        return list == null ? List.of() : list;
    }

    public boolean complete() {
        return zh != null && en != null && !zh.isEmpty() && zh.size() == en.size();
    }
}
