package io.nqpf.advisor.api;

/** A request body or batch larger than the service accepts; the message names the limit. */
public class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(String message) {
        super(message);
    }
}
