package io.nqpf.advisor.knowledge;

import java.util.Comparator;
import java.util.List;

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
     * @param source the publisher and the document's title
     * @param url    where the figure was read: a web address, or {@code seed:<file>} for a figure one of the five
     *               source documents states
     * @param note   how the figure was obtained when the text does not state it as such (computed from two stated
     *               figures, implied by a stated change) or why it could not be checked again
     */
    public record Point(int year, double value, String source, String url, String note) {
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

    /** The figure of that year, else of the nearest year (the later one when two are as near). */
    public Point nearest(int year) {
        return values.stream().min(Comparator.<Point>comparingInt(p -> Math.abs(p.year() - year))
                .thenComparing(Comparator.comparingInt(Point::year).reversed())).orElseThrow();
    }

    public static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
