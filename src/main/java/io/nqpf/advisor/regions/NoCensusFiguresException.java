package io.nqpf.advisor.regions;

/** The region exists but the census of that year published no population for it. */
public class NoCensusFiguresException extends RuntimeException {

    public NoCensusFiguresException(CensusRegion region, int year) {
        super("The " + year + " census published no population for " + region.code() + " " + region.name()
                + ", so there is no " + year + " profile of it");
    }
}
