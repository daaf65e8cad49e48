package io.nqpf.advisor.service;

/** A request body or batch larger than the service accepts; the message names the limit. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }

    /** Refuses a body of more than {@code max} bytes. */
    static void requireWithin(byte[] body, long max) {
        if (body != null && body.length > max) {
            throw new PayloadTooLargeException("The body has " + body.length + " bytes; the limit is " + max + " bytes");
        }
    }
}
