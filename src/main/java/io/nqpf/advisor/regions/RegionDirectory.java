package io.nqpf.advisor.regions;

import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.profile.Talent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The regions of the census table, read once (by the warm-up after the start, or by the first request): search by
 * name or code, and a starting profile per census.
 */
@ApplicationScoped
public class RegionDirectory {

    public static final String SOURCE = "Lei Dong et al., compiled from the statistical bulletins of the 6th (2010) "
            + "and 7th (2020) national population censuses";
    public static final String LICENSE = "MIT";

    /** Why no starting profile has a size class (see docs/indicators.md, sizeClass). */
    public static final String SIZE_CLASS_NOT_FILLED = "not filled: the size class (国发〔2014〕51号) is set by the "
            + "resident population of the urban districts (城区), which the census city table does not give; its "
            + "population is the whole prefecture's, counties included, and would put most cities one or two classes "
            + "too high. Take the urban-district population from the China Urban Construction Statistical Yearbook";

    private static final List<String> NAME_SUFFIXES = List.of("自治州", "地区", "市");

    private final List<CensusRegion> regions;
    private final Map<String, CensusRegion> byCode;
    /** The pinyin readings of every name, worked out once. */
    private final Map<String, Pinyin> pinyin;

    public RegionDirectory() {
        this.regions = CensusTable.load();
        this.byCode = regions.stream().collect(Collectors.toMap(CensusRegion::code, Function.identity()));
        this.pinyin = regions.stream().collect(Collectors.toMap(CensusRegion::code, r -> Pinyin.of(r.name())));
    }

    /**
     * Regions in code order whose code starts with a query of digits, whose name contains the query with or without
     * a 市/地区/自治州 suffix, or whose name a query of Latin letters spells in pinyin (qitaihe, qth); all regions for a
     * blank query.
     */
    public List<CensusRegion> search(String query, int limit) {
        String q = query == null ? "" : query.strip();
        return regions.stream().filter(matching(q)).limit(limit).toList();
    }

    private Predicate<CensusRegion> matching(String q) {
        if (q.isEmpty()) {
            return region -> true;
        }
        if (q.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return region -> region.code().startsWith(q);
        }
        String latin = Pinyin.query(q);
        if (latin != null) {
            return region -> pinyin.get(region.code()).matches(latin);
        }
        String stem = stem(q);
        return region -> region.name().contains(q) || stem(region.name()).contains(stem);
    }

    /** The name without its 市/地区/自治州 suffix, so that 阿克苏市 finds 阿克苏地区; a bare suffix stays as it is. */
    private static String stem(String name) {
        return NAME_SUFFIXES.stream().filter(s -> name.endsWith(s) && name.length() > s.length()).findFirst()
                .map(s -> name.substring(0, name.length() - s.length())).orElse(name);
    }

    public CensusRegion region(String code) {
        CensusRegion region = byCode.get(code);
        if (region == null) {
            throw new UnknownRegionException(code);
        }
        return region;
    }

    /** The profile of a region as the census of {@code year} describes it; the population change needs both censuses. */
    public StartingProfile startingProfile(String code, int year) {
        CensusRegion region = region(code);
        CensusFigures figures = region.figures(year).orElseThrow(() -> new NoCensusFiguresException(region, year));
        List<StartingProfile.Derivation> derivations = new ArrayList<>();
        derivations.add(new StartingProfile.Derivation("talent.residentPopulation", "resident population, " + year));
        if (figures.urbanizationRatePct() != null) {
            derivations.add(new StartingProfile.Derivation("talent.urbanizationRatePct",
                    "urban / resident population × 100, one decimal, " + year));
        }
        if (figures.agedSharePct() != null) {
            derivations.add(new StartingProfile.Derivation("talent.agedSharePct", "share aged 65 and over, " + year));
        }
        Double change = year == CensusTable.LAST_YEAR ? annualChange(region) : null;
        if (change != null) {
            derivations.add(new StartingProfile.Derivation("talent.populationChangePct", "annual change 2010→2020: "
                    + "((population 2020 / population 2010)^(1/10) − 1) × 100, two decimals; 2010 on 2020 boundaries"));
        }
        Talent talent = new Talent(figures.population(), figures.urbanizationRatePct(), change, null,
                figures.agedSharePct(), null, null, null);
        // each census value carries its year and source, so that it stays a census value when the planner moves the
        // profile to a later year
        Map<String, Integer> asOf = new java.util.LinkedHashMap<>();
        Map<String, String> sources = new java.util.LinkedHashMap<>();
        for (StartingProfile.Derivation d : derivations) {
            asOf.put(d.indicator(), year);
            sources.put(d.indicator(), SOURCE);
        }
        RegionProfile profile = new RegionProfile(region.regionId(), region.name(), year, region.level(),
                region.macroRegion(), null, null, null, null, talent, null, null, null, null, null, null, asOf, sources);
        return new StartingProfile(profile, new StartingProfile.Provenance(SOURCE, LICENSE, year, derivations,
                List.of(new StartingProfile.Derivation("sizeClass", SIZE_CLASS_NOT_FILLED))));
    }

    static Double annualChange(CensusRegion region) {
        CensusFigures first = region.figures(CensusTable.FIRST_YEAR).orElse(null);
        CensusFigures last = region.figures(CensusTable.LAST_YEAR).orElse(null);
        if (first == null || last == null) {
            return null;
        }
        double ratio = (double) last.population() / first.population();
        return CensusTable.round((Math.pow(ratio, 1.0 / (CensusTable.LAST_YEAR - CensusTable.FIRST_YEAR)) - 1) * 100, 2);
    }
}
