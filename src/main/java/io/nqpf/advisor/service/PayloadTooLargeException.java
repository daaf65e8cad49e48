package io.nqpf.advisor.service;

import io.nqpf.advisor.profile.Text;

/** A request body or batch larger than the service accepts; the text names the limit. */
public class PayloadTooLargeException extends RuntimeException {
    private final transient Text text;

    public PayloadTooLargeException(Text text) {
        super(text.toString());
        this.text = text;
    }

    public Text text() {
        return text;
    }

    /** Refuses a body of more than {@code max} bytes. */
    public static void requireWithin(byte[] body, long max) {
        if (body != null && body.length > max) {
            throw new PayloadTooLargeException(Text.of("body.too-large", body.length, max));
        }
    }
}
