package io.nqpf.advisor.knowledge;

/**
 * What an indicator of the region profile is in official statistics ({@code catalog/dictionary.yaml}): the Chinese
 * name the statistic is published under, what it measures, where it is usually found, how it is computed, and where
 * the field differs from the official statistic ({@code note}, optional).
 */
public record DictionaryEntry(String path, String officialName, I18n definition, I18n source, I18n formula,
        I18n note) {
}
