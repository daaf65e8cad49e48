package io.nqpf.advisor.regions;

import io.nqpf.advisor.profile.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a region stands among all prefecture-level units (地级单位: level PREFECTURE in the census table; the
 * municipalities, Hong Kong, Macao and the county-level units a province runs are not among them) on the indicators
 * the census covers, for the census year nearest the profile's year. The distributions are built once, when the
 * class is first used, from the census table shipped with the service.
 */
public final class PeerGroups {

    /** The census indicators, by profile path, in the order reports list them. */
    public static final List<String> INDICATORS = List.of("talent.residentPopulation", "talent.urbanizationRatePct",
            "talent.agedSharePct", "talent.populationChangePct");

    /**
     * @param valueYear  the year the value describes
     * @param censusYear the census it is compared with: the value's own year when that is a census year, else the
     *                   nearest census (then only to say that it cannot be compared)
     * @param comparable whether the value is of the census year, so that ranking it among that census compares like
     *                   with like; when false, percentile and rank are null
     * @param percentile share of the other units whose value is lower, ties counted half, 0..100, one decimal
     * @param median     median of all units of that census year
     * @param rank       1 for the highest value
     * @param of         units with a value, the region counted once
     */
    public record Standing(String indicator, double value, int valueYear, int censusYear, boolean comparable,
            Double percentile, double median, Integer rank, int of) {
    }

    /** By census year and indicator: each unit's value by its code. */
    private static final Map<Integer, Map<String, Map<String, Double>>> VALUES = build(CensusTable.load());
    /** The same values sorted, and their median. */
    private static final Map<Integer, Map<String, double[]>> SORTED = new LinkedHashMap<>();

    static {
        VALUES.forEach((year, byIndicator) -> {
            Map<String, double[]> sorted = new LinkedHashMap<>();
            byIndicator.forEach((indicator, values) -> {
                double[] v = values.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
                sorted.put(indicator, v);
            });
            SORTED.put(year, sorted);
        });
    }

    private PeerGroups() {
    }

    private static Map<Integer, Map<String, Map<String, Double>>> build(List<CensusRegion> regions) {
        Map<Integer, Map<String, Map<String, Double>>> byYear = new LinkedHashMap<>();
        for (int year : CensusTable.YEARS) {
            Map<String, Map<String, Double>> byIndicator = new LinkedHashMap<>();
            INDICATORS.forEach(i -> byIndicator.put(i, new LinkedHashMap<>()));
            for (CensusRegion r : regions) {
                if (r.level() != Level.PREFECTURE || r.figures(year).isEmpty()) {
                    continue;
                }
                CensusFigures f = r.figures(year).orElseThrow();
                put(byIndicator, "talent.residentPopulation", r, f.population() == null ? null : f.population().doubleValue());
                put(byIndicator, "talent.urbanizationRatePct", r, f.urbanizationRatePct());
                put(byIndicator, "talent.agedSharePct", r, f.agedSharePct());
                put(byIndicator, "talent.populationChangePct", r,
                        year == CensusTable.LAST_YEAR ? RegionDirectory.annualChange(r) : null);
            }
            byIndicator.values().removeIf(Map::isEmpty);
            byYear.put(year, byIndicator);
        }
        return byYear;
    }

    private static void put(Map<String, Map<String, Double>> byIndicator, String indicator, CensusRegion r, Double value) {
        if (value != null) {
            byIndicator.get(indicator).put(r.code(), value);
        }
    }

    /** The census year nearest a profile's year; the later one when both are as near. */
    public static int nearestCensusYear(int year) {
        return Math.abs(year - CensusTable.FIRST_YEAR) < Math.abs(year - CensusTable.LAST_YEAR)
                ? CensusTable.FIRST_YEAR : CensusTable.LAST_YEAR;
    }

    /**
     * The standing of a profile's values among the prefecture-level units of a census, like with like: a value of a
     * census year (its {@code asOf} year, else the profile's) among that census; for the annual population change that
     * is the census's ten-year average, so a one-year change of another year is not ranked among them. A value of a
     * year without a census is listed as not comparable, against the census nearest its year. A region of the table
     * (regionId {@code cn-<code>}) is compared with the others, its own census figure left out, so that a value the
     * planner updated is not compared with its older self.
     *
     * @param values the profile's known values by path
     * @param yearOf the year each value describes, by path
     */
    public static List<Standing> standings(String regionId, Map<String, Object> values,
            java.util.function.ToIntFunction<String> yearOf) {
        String own = regionId != null && regionId.startsWith("cn-") ? regionId.substring(3) : null;
        List<Standing> standings = new ArrayList<>();
        for (String indicator : INDICATORS) {
            if (!(values.get(indicator) instanceof Number n)) {
                continue;
            }
            int valueYear = yearOf.applyAsInt(indicator);
            boolean comparable = VALUES.containsKey(valueYear) && VALUES.get(valueYear).containsKey(indicator);
            int census = comparable ? valueYear : nearestCensusYear(valueYear);
            if (!VALUES.get(census).containsKey(indicator)) {
                // that census lacks the indicator (the annual change needs two censuses): the one that has it, to say
                // that the value cannot be ranked there
                census = CensusTable.LAST_YEAR;
            }
            Map<String, Double> peers = VALUES.get(census).get(indicator);
            if (peers == null) {
                continue;
            }
            double v = n.doubleValue();
            if (!comparable) {
                int others = peers.size() - (own != null && peers.containsKey(own) ? 1 : 0);
                standings.add(new Standing(indicator, v, valueYear, census, false, null,
                        median(SORTED.get(census).get(indicator)), null, others + 1));
                continue;
            }
            int lower = 0;
            int equal = 0;
            int higher = 0;
            for (Map.Entry<String, Double> e : peers.entrySet()) {
                if (e.getKey().equals(own)) {
                    continue;
                }
                int c = Double.compare(e.getValue(), v);
                if (c < 0) {
                    lower++;
                } else if (c == 0) {
                    equal++;
                } else {
                    higher++;
                }
            }
            int others = lower + equal + higher;
            double percentile = others == 0 ? 50 : Math.round(1000.0 * (lower + 0.5 * equal) / others) / 10.0;
            standings.add(new Standing(indicator, v, valueYear, census, true, percentile,
                    median(SORTED.get(census).get(indicator)), higher + 1, others + 1));
        }
        return standings;
    }

    private static double median(double[] sorted) {
        int m = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
        return CensusTable.round(median, 3);
    }

    /** How many prefecture-level units have a value of the indicator in that census year. */
    public static int units(int censusYear, String indicator) {
        return VALUES.getOrDefault(censusYear, Map.of()).getOrDefault(indicator, Map.of()).size();
    }

}
