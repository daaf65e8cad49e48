package io.nqpf.advisor.regions;

import io.nqpf.advisor.profile.Text;

/** The region exists but the census of that year published no population for it. */
public class NoCensusFiguresException extends RuntimeException {
    private final transient Text text;

    public NoCensusFiguresException(CensusRegion region, int year) {
        this(Text.of("region.no-census", year, region.code(), region.name()));
    }

    private NoCensusFiguresException(Text text) {
        super(text.toString());
        this.text = text;
    }

    public Text text() {
        return text;
    }
}
