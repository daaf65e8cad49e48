package io.nqpf.advisor.regions;

import io.nqpf.advisor.profile.Text;

/** No region of the census table has this code. */
public class UnknownRegionException extends RuntimeException {
    private final transient Text text;

    public UnknownRegionException(String code) {
        this(Text.of("region.unknown", code));
    }

    private UnknownRegionException(Text text) {
        super(text.toString());
        this.text = text;
    }

    public Text text() {
        return text;
    }
}
