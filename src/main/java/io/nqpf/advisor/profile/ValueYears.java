package io.nqpf.advisor.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The year each value of a profile describes and where it comes from ({@code asOf} and {@code sources}, by the JSON
 * path of a field or of its group): a value without a year of its own, nor one of its group, is of the profile's
 * year. Offices fill age, education and urbanization from the 2020 census in a 2023 profile; those values are then
 * judged by 2020's national figures and ranked among that census.
 */
public final class ValueYears {

    /** The earliest year a value may describe: the first year a profile may describe. */
    public static final int FIRST_YEAR = 2000;
    /** The longest source text or address. */
    public static final int SOURCE_MAX = 500;

    /** The groups of the profile (economy, talent, …): a year given for one applies to each of its fields. */
    private static final Set<String> GROUPS = ProfileIndicators.paths().stream().filter(p -> p.contains("."))
            .map(p -> p.substring(0, p.indexOf('.'))).collect(Collectors.toUnmodifiableSet());

    private ValueYears() {
    }

    /** The year the value of {@code path} describes: its own, its group's, else the profile's. */
    public static int of(RegionProfile profile, String path) {
        Map<String, Integer> asOf = profile.asOf();
        if (asOf != null && !asOf.isEmpty()) {
            Integer own = asOf.get(path);
            if (own != null) {
                return own;
            }
            int dot = path.indexOf('.');
            Integer group = dot < 0 ? null : asOf.get(path.substring(0, dot));
            if (group != null) {
                return group;
            }
        }
        return profile.year();
    }

    /** The year of every known value by path, in the order of {@link ProfileIndicators#values}. */
    public static Map<String, Integer> of(RegionProfile profile) {
        Map<String, Integer> years = new LinkedHashMap<>();
        for (String path : ProfileIndicators.values(profile).keySet()) {
            years.put(path, of(profile, path));
        }
        return years;
    }

    /** The known values whose year is earlier than the profile's, by path, with that year. */
    public static Map<String, Integer> older(RegionProfile profile) {
        Map<String, Integer> older = new TreeMap<>();
        if (profile.asOf() == null || profile.asOf().isEmpty()) {
            // every value is of the profile's year: no need to read them all
            return older;
        }
        of(profile).forEach((path, year) -> {
            if (year < profile.year()) {
                older.put(path, year);
            }
        });
        return older;
    }

    /** The source given for a value: its own, its group's, or null. */
    public static String source(RegionProfile profile, String path) {
        Map<String, String> sources = profile.sources();
        if (sources == null || sources.isEmpty()) {
            return null;
        }
        String own = sources.get(path);
        int dot = path.indexOf('.');
        return own != null || dot < 0 ? own : sources.get(path.substring(0, dot));
    }

    private static boolean known(String path) {
        return ProfileIndicators.exists(path) || GROUPS.contains(path);
    }

    /**
     * What is wrong with the profile's {@code asOf} and {@code sources}: a path that names no field or group of the
     * profile, a year before {@value #FIRST_YEAR} or after the profile's year, a blank or overlong source. Each
     * violation names the entry ({@code asOf.talent.agedSharePct}).
     */
    static List<Violation> violations(RegionProfile profile) {
        List<Violation> out = new ArrayList<>();
        if (profile.asOf() != null) {
            new TreeMap<>(profile.asOf()).forEach((path, year) -> {
                String field = "asOf." + path;
                if (!known(path)) {
                    out.add(Violation.of(field, "asOf.unknown-path", path));
                } else if (year == null) {
                    out.add(Violation.of(field, "constraint.not-null"));
                } else if (profile.year() != null && (year < FIRST_YEAR || year > profile.year())) {
                    out.add(Violation.of(field, "asOf.year-range", String.valueOf(FIRST_YEAR),
                            String.valueOf(profile.year()), String.valueOf(year)));
                }
            });
        }
        if (profile.sources() != null) {
            new TreeMap<>(profile.sources()).forEach((path, text) -> {
                String field = "sources." + path;
                if (!known(path)) {
                    out.add(Violation.of(field, "asOf.unknown-path", path));
                } else if (text == null || text.isBlank()) {
                    out.add(Violation.of(field, "constraint.not-blank"));
                } else if (text.length() > SOURCE_MAX) {
                    out.add(Violation.of(field, "sources.too-long", String.valueOf(SOURCE_MAX),
                            String.valueOf(text.length())));
                }
            });
        }
        return out;
    }
}
