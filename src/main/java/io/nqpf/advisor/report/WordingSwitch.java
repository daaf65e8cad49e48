package io.nqpf.advisor.report;

/** EXPERIMENT, removed before commit. */
public final class WordingSwitch {
    public static void set(boolean cached) {
        Wording.cached = cached;
    }
}
