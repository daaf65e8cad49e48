package io.nqpf.advisor.knowledge;

import java.util.Comparator;
import java.util.List;

/**
 * A national figure as a series over the years ({@code rules/benchmarks.yaml}), each value with its source, so that
 * a profile is judged by the figure of its own year.
 */
public record Benchmark(String id, I18n label, String unit, List<Point> values, String note) {

    /** One year's national figure and the publication it comes from. */
    public record Point(int year, double value, String source) {
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
