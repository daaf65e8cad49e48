package io.nqpf.advisor.regions;

/** No region of the census table has this code. */
public class UnknownRegionException extends RuntimeException {

    public UnknownRegionException(String code) {
        super("No region has the code " + code + "; codes are the 6-digit administrative codes that GET "
                + "/api/v1/regions lists");
    }
}
