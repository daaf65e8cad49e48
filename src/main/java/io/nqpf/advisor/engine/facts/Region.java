package io.nqpf.advisor.engine.facts;

import io.nqpf.advisor.profile.Level;
import io.nqpf.advisor.profile.MacroRegion;
import io.nqpf.advisor.profile.RegionProfile;
import io.nqpf.advisor.profile.ResourceCityStage;
import io.nqpf.advisor.profile.ResourceType;
import io.nqpf.advisor.profile.SizeClass;
import io.nqpf.advisor.profile.Typology;

/** The typology of the region, for fit rules: {@code Region( level == Level.COUNTY )}. Unknown fields are null. */
public final class Region {
    /**
     * The profile field behind each property a rule may read, derived ones included: a rule that fires while reading
     * one the profile left out (say {@code resourceCityStage != DECLINING}) rests on a missing value.
     */
    private static final java.util.Map<String, String> FIELDS = java.util.Map.ofEntries(
            java.util.Map.entry("level", "level"), java.util.Map.entry("county", "level"),
            java.util.Map.entry("macroRegion", "macroRegion"), java.util.Map.entry("sizeClass", "sizeClass"),
            java.util.Map.entry("largeMetropolis", "sizeClass"),
            java.util.Map.entry("oldIndustrialBase", "typology.oldIndustrialBase"),
            java.util.Map.entry("resourceType", "typology.resourceType"),
            java.util.Map.entry("resourceBased", "typology.resourceType"),
            java.util.Map.entry("resourceCityStage", "typology.resourceCityStage"),
            java.util.Map.entry("demonstrationZone", "typology.demonstrationZone"),
            java.util.Map.entry("cityClusterMember", "typology.cityClusterMember"));

    private final Level level;
    private final MacroRegion macroRegion;
    private final SizeClass sizeClass;
    private final Boolean oldIndustrialBase;
    private final ResourceType resourceType;
    private final ResourceCityStage resourceCityStage;
    private final Boolean demonstrationZone;
    private final Boolean cityClusterMember;

    public Region(RegionProfile p) {
        Typology t = p.typology();
        this.level = p.level();
        this.macroRegion = p.macroRegion();
        this.sizeClass = p.sizeClass();
        this.oldIndustrialBase = t == null ? null : t.oldIndustrialBase();
        this.resourceType = t == null ? null : t.resourceType();
        this.resourceCityStage = t == null ? null : t.resourceCityStage();
        this.demonstrationZone = t == null ? null : t.demonstrationZone();
        this.cityClusterMember = t == null ? null : t.cityClusterMember();
    }

    public Level getLevel() {
        return level;
    }

    public MacroRegion getMacroRegion() {
        return macroRegion;
    }

    public SizeClass getSizeClass() {
        return sizeClass;
    }

    public Boolean getOldIndustrialBase() {
        return oldIndustrialBase;
    }

    public ResourceType getResourceType() {
        return resourceType;
    }

    public ResourceCityStage getResourceCityStage() {
        return resourceCityStage;
    }

    public Boolean getDemonstrationZone() {
        return demonstrationZone;
    }

    public Boolean getCityClusterMember() {
        return cityClusterMember;
    }

    /** The profile field a property of this fact (as a rule names it) comes from, or null when it names none. */
    public static String fieldOf(String property) {
        return FIELDS.get(property);
    }

    /** The profile fields of this fact that the profile left out (a resource-city stage only where one can be). */
    public java.util.Set<String> missing() {
        java.util.Set<String> missing = new java.util.TreeSet<>();
        Object[][] values = {{level, "level"}, {macroRegion, "macroRegion"}, {sizeClass, "sizeClass"},
            {oldIndustrialBase, "typology.oldIndustrialBase"}, {resourceType, "typology.resourceType"},
            {resourceCityStage, "typology.resourceCityStage"}, {demonstrationZone, "typology.demonstrationZone"},
            {cityClusterMember, "typology.cityClusterMember"}};
        for (Object[] v : values) {
            if (v[0] == null) {
                missing.add((String) v[1]);
            }
        }
        if (resourceType == ResourceType.NONE) {
            missing.remove("typology.resourceCityStage"); // a city that is not resource-based has no such stage
        }
        return missing;
    }

    /**
     * What rules can read of this fact, as a key: two regions with equal keys satisfy the same Region conditions. Its
     * values are enums and booleans, so the keys are few.
     */
    public java.util.List<Object> key() {
        return java.util.Arrays.asList(level, macroRegion, sizeClass, oldIndustrialBase, resourceType, resourceCityStage,
                demonstrationZone, cityClusterMember);
    }

    /** True for a resource-based city of any stage. */
    public boolean isResourceBased() {
        return resourceType != null && resourceType != ResourceType.NONE;
    }

    /** True for a county-level region. */
    public boolean isCounty() {
        return level == Level.COUNTY;
    }

    /** True for MEGA and EXTRA_LARGE cities. */
    public boolean isLargeMetropolis() {
        return sizeClass == SizeClass.MEGA || sizeClass == SizeClass.EXTRA_LARGE;
    }
}
