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
