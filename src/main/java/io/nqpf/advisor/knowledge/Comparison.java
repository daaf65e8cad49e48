package io.nqpf.advisor.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How an indicator value is compared with its threshold; a value "past" the threshold is evidence. */
public enum Comparison {
    LESS("<"),
    GREATER(">"),
    /** At or below: for levels a source itself presents as the problem. */
    AT_MOST("<="),
    /** At or above: for levels a source itself presents as the problem (004's rural figures). */
    AT_LEAST(">="),
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
        throw new IllegalArgumentException("comparison must be one of <, >, <=, >=, ==, != but was " + symbol);
    }

    public boolean numeric() {
        return this == LESS || this == GREATER || this == AT_MOST || this == AT_LEAST;
    }

    /** True for the comparisons that are past when the value is low (<, <=). */
    public boolean low() {
        return this == LESS || this == AT_MOST;
    }
}
