package io.nqpf.advisor.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How an indicator value is compared with its threshold; a value "past" the threshold is evidence. */
public enum Comparison {
    LESS("<"),
    GREATER(">"),
    EQUAL("=="),
    NOT_EQUAL("!=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    @JsonValue
    public String symbol() {
        return symbol;
    }

    @JsonCreator
    public static Comparison of(String symbol) {
        for (Comparison c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        throw new IllegalArgumentException("comparison must be one of <, >, ==, != but was " + symbol);
    }

    public boolean numeric() {
        return this == LESS || this == GREATER;
    }
}
