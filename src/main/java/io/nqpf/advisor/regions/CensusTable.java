package io.nqpf.advisor.regions;

import io.nqpf.advisor.profile.Level;
import io.nqpf.advisor.profile.MacroRegion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Reads the census city table (census/cities-2010-2020.csv, see the README beside it) into regions sorted by code. */
public final class CensusTable {

    public static final String RESOURCE = "census/cities-2010-2020.csv";
    public static final int FIRST_YEAR = 2010;
    public static final int LAST_YEAR = 2020;
    public static final List<Integer> YEARS = List.of(FIRST_YEAR, LAST_YEAR);

    private static final Set<String> MUNICIPALITIES = Set.of("11", "12", "31", "50");
    // the official four-region division (东部、中部、西部、东北) by province code; Hong Kong and Macao are outside it
    private static final Map<String, MacroRegion> MACRO_REGIONS = Stream.of(
                    macro(MacroRegion.EAST, "11", "12", "13", "31", "32", "33", "35", "37", "44", "46"),
                    macro(MacroRegion.CENTRAL, "14", "34", "36", "41", "42", "43"),
                    macro(MacroRegion.WEST, "15", "45", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"),
                    macro(MacroRegion.NORTHEAST, "21", "22", "23"))
            .flatMap(m -> m.entrySet().stream()).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));

    private CensusTable() {
    }

    private static Map<String, MacroRegion> macro(MacroRegion region, String... provinces) {
        return Arrays.stream(provinces).collect(Collectors.toMap(Function.identity(), p -> region));
    }

    public static List<CensusRegion> load() {
        try (InputStream in = CensusTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE + " cannot be read", e);
        }
    }

    static List<CensusRegion> read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        List<String> header = List.of(reader.readLine().split(","));
        Map<String, Integer> column = IntStream.range(0, header.size()).boxed()
                .collect(Collectors.toMap(header::get, Function.identity()));
        List<CensusRegion> regions = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (!line.isBlank()) {
                String[] cells = line.split(",", -1);
                regions.add(region(cell -> cells[column.get(cell)].strip()));
            }
        }
        regions.sort(Comparator.comparing(CensusRegion::code));
        return List.copyOf(regions);
    }

    private static CensusRegion region(Function<String, String> cell) {
        String code = cell.apply("city_code");
        String provinceCode = cell.apply("province_code");
        List<CensusFigures> census = YEARS.stream().map(year -> figures(cell, year)).filter(Objects::nonNull).toList();
        return new CensusRegion(code, cell.apply("city"), cell.apply("province"), provinceCode,
                level(code, provinceCode), MACRO_REGIONS.get(provinceCode.substring(0, 2)), census);
    }

    /** A year without a published population has no figures at all: shares of an unknown total mean nothing. */
    private static CensusFigures figures(Function<String, String> cell, int year) {
        Long population = persons(cell.apply("popu_" + year));
        if (population == null) {
            return null;
        }
        Long urban = persons(cell.apply("popu_urban_" + year));
        Double urbanization = urban == null ? null : round(100.0 * urban / population, 1);
        return new CensusFigures(year, population, urbanization, decimal(cell.apply("age_65_" + year)));
    }

    private static Level level(String code, String provinceCode) {
        if (code.equals(provinceCode) || MUNICIPALITIES.contains(provinceCode.substring(0, 2))) {
            return Level.PROVINCE;
        }
        // xx90xx: county-level cities and counties that the province administers directly (省直辖县级行政单位)
        return code.startsWith("90", 2) ? Level.COUNTY : Level.PREFECTURE;
    }

    static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

    /** Persons; a few 2010 counts carry fractions from the adjustment to 2020 boundaries, rounded here. */
    private static Long persons(String cell) {
        return cell.isEmpty() ? null : Math.round(Double.parseDouble(cell));
    }

    private static Double decimal(String cell) {
        return cell.isEmpty() ? null : Double.valueOf(cell);
    }
}
