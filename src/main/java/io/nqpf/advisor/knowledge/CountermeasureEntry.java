package io.nqpf.advisor.knowledge;

import java.util.List;

/** Catalog entry of a countermeasure: stable id, texts, concrete actions and the passages it rests on. */
public record CountermeasureEntry(String id, I18n title, I18n summary, I18n description, I18nList actions,
        List<Citation> sources) {
}
