package io.nqpf.advisor.knowledge;

import java.util.List;

/** Catalog entry of a bottleneck: its stable id, texts and the passages it rests on. */
public record BottleneckEntry(String id, I18n title, I18n description, List<Citation> sources) {
}
