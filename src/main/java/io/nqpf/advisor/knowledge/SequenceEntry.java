package io.nqpf.advisor.knowledge;

import java.util.List;

/**
 * An order in which measures are taken ({@code catalog/sequencing.yaml}): while a bottleneck of {@code whenAny} stands
 * and a measure of {@code first} is recommended, no measure of {@code then} ranks above it.
 *
 * @param text   the factor key of the sentence that words the order in a report
 * @param reason the factor key of the points a {@code then} measure loses to rank below the {@code first} ones
 */
public record SequenceEntry(String id, List<String> whenAny, List<String> first, List<String> then, String text,
        String reason) {

    public SequenceEntry {
        whenAny = whenAny == null ? List.of() : List.copyOf(whenAny);
        first = first == null ? List.of() : List.copyOf(first);
        then = then == null ? List.of() : List.copyOf(then);
    }
}
