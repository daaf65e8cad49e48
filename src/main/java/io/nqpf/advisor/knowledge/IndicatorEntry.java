package io.nqpf.advisor.knowledge;

/** How an indicator of the region profile is named in reports: its JSON path, label and unit. */
public record IndicatorEntry(String path, I18n label, I18n unit) {
}
