package io.nqpf.advisor.knowledge;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A national figure as a series over the years ({@code rules/benchmarks.yaml}), each value with its source, so that
 * a profile is judged by the figure of its own year.
 *
 * @param gaps years the table has no figure for, each with the reason (not published, not comparable, not verified)
 */
public record Benchmark(String id, I18n label, String unit, List<Point> values, String note, List<Gap> gaps) {

    /**
     * One year's national figure and the publication it comes from.
     *
     * @param source    the publisher and the document's title
     * @param url       the issuing body's own page (an address under {@code gov.cn}), or {@code seed:<file>} for a
     *                  figure one of the five source documents states; null where only a copy could be read
     * @param note      how the figure was obtained when the text does not state it as such (computed from two stated
     *                  figures, implied by a stated change) or why it could not be checked again
     * @param published when the publication appeared (a year, year-month or date): with issuer and title, how a
     *                  figure without an address is cited
     */
    public record Point(int year, double value, String source, String url, String note, String published) {
    }

    /** Years {@code from}..{@code to} (or the single year {@code from}) without a figure, and why. */
    public record Gap(int from, Integer to, String reason) {

        public int last() {
            return to == null ? from : to;
        }
    }

    public Benchmark {
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
    }

    /**
     * The figure of that year, else of the nearest earlier year that has one; none for a year before the series'
     * first figure (a series that did not exist yet, or whose early years were not published comparably, is no
     * benchmark for that year, and a later year's figure would judge an old value by a standard it never faced).
     */
    public Optional<Point> atOrBefore(int year) {
        return values.stream().filter(p -> p.year() <= year).max(Comparator.comparingInt(Point::year));
    }

    public static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
